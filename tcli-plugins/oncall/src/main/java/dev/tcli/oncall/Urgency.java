package dev.tcli.oncall;

import dev.tcli.spi.ApiWord;

/** How hard an incident pages. */
public enum Urgency implements ApiWord {
    HIGH, LOW;

    /** As typed, any case; exit 2 naming the choices when it is none of them. */
    public static String parse(String typed, String option) {
        return ApiWord.parse(Urgency.class, typed, option);
    }
}
