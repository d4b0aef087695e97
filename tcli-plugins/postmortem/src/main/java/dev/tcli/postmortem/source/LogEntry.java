package dev.tcli.postmortem.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * One PagerDuty log entry, reduced to what a timeline and the pager report need.
 *
 * @param kind    the type without {@code _log_entry}/{@code _reference}: trigger, notify, acknowledge, ...
 * @param agent   who or what did it (a user's or service's summary)
 * @param subject whom it concerned: the notified user, the new assignee
 */
public record LogEntry(String id, Instant at, String kind, String agent, String agentType, String subject, String note,
        String summary) implements Comparable<LogEntry> {

    static LogEntry of(JsonNode e) {
        Instant at;
        try {
            at = Instant.parse(e.path("created_at").asText());
        } catch (DateTimeParseException ex) {
            return null;
        }
        String type = e.path("type").asText("");
        String kind = type.replace("_log_entry_reference", "").replace("_log_entry", "");
        String subject = e.path("user").path("summary").asText(null);
        if (subject == null && e.path("assignees").isArray() && !e.path("assignees").isEmpty()) {
            subject = e.path("assignees").get(0).path("summary").asText(null);
        }
        String agentType = e.path("agent").path("type").asText("");
        return new LogEntry(e.path("id").asText(), at, kind, e.path("agent").path("summary").asText(null),
                agentType.replace("_reference", ""), subject, e.path("note").asText(null), e.path("summary").asText(kind));
    }

    /** A person did it (not the service or an integration). */
    public boolean byUser() {
        return agentType.equals("user");
    }

    @Override
    public int compareTo(LogEntry o) {
        int c = at.compareTo(o.at);
        return c != 0 ? c : id.compareTo(o.id);
    }
}
