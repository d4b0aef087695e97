package dev.tcli.status;

import dev.tcli.spi.ApiWord;

/** Where a Statuspage incident stands, as customers read it. */
public enum IncidentPhase implements ApiWord {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    /** {@code --status} as typed; exit 2 naming the four when it is none of them. */
    public static String parse(String typed) {
        return ApiWord.parse(IncidentPhase.class, typed, "incident status");
    }

    public static boolean known(String word) {
        return ApiWord.known(IncidentPhase.class, word);
    }
}
