package dev.tcli.status;

import dev.tcli.spi.ApiWord;

/** How bad a Statuspage incident is for customers. */
public enum IncidentImpact implements ApiWord {
    NONE, MINOR, MAJOR, CRITICAL;

    /** {@code --impact} as typed; exit 2 naming the four when it is none of them. */
    public static String parse(String typed) {
        return ApiWord.parse(IncidentImpact.class, typed, "impact");
    }
}
