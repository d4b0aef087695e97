package dev.tcli.logs;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The module's JSON reader. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
