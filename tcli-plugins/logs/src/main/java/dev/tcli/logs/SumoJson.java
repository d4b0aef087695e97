package dev.tcli.logs;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The module's JSON reader. */
public final class SumoJson {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private SumoJson() {
    }
}
