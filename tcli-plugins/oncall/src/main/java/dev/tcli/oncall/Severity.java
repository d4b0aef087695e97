package dev.tcli.oncall;

import dev.tcli.spi.ApiWord;

/** An Events API alert's severity; critical and error page with high urgency. */
public enum Severity implements ApiWord {
    CRITICAL, ERROR, WARNING, INFO;

    /** As typed, any case; exit 2 naming the choices when it is none of them. */
    public static String parse(String typed, String option) {
        return ApiWord.parse(Severity.class, typed, option);
    }
}
