package dev.tcli.oncall;

import dev.tcli.spi.ApiWord;

/** What an incident is in the pager, in PagerDuty's words (Splunk On-Call's are mapped to these). */
public enum IncidentState implements ApiWord {
    TRIGGERED, ACKNOWLEDGED, RESOLVED;

    /** As typed, any case; exit 2 naming the choices when it is none of them. */
    public static String parse(String typed, String option) {
        return ApiWord.parse(IncidentState.class, typed, option);
    }
}
