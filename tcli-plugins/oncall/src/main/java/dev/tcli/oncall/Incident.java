package dev.tcli.oncall;

import java.util.List;

/**
 * An incident as every provider reports it (docs/oncall.md: the same JSON whichever provider answers).
 *
 * @param id         the provider's id (PagerDuty {@code Q...}; Splunk On-Call the incident number)
 * @param number     the incident number people say out loud ("#1042")
 * @param status     {@code triggered}, {@code acknowledged} or {@code resolved}
 * @param urgency    {@code high} or {@code low}
 * @param assignees  names of the people it is assigned to (paged, for Splunk On-Call)
 * @param createdAt  ISO-8601 UTC
 */
public record Incident(String id, String number, String title, String status, String urgency, String service,
        List<String> assignees, String createdAt, String url) {

    public boolean open() {
        return !"resolved".equals(status);
    }

    /** How people refer to it in messages: {@code #1042 (Q1ABC)}. */
    public String label() {
        return id.equals(number) ? "#" + number : "#" + number + " (" + id + ")";
    }
}
