package dev.tcli.postmortem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.oncall.LogDetail;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the three sources of what happened into one UTC timeline, in time order. Two kinds of
 * duplicate are folded: the same event reported twice by one source (PagerDuty logs one
 * notification per contact method), and a tcli action that the service logged too (an ack
 * through {@code tcli oncall ack} is both a journal line and a PagerDuty log entry: the service's
 * entry stays, marked "via tcli").
 */
public final class Timeline {
    /** How far apart a journal line and the service's own log entry may be and still be one event. */
    static final Duration SAME_EVENT = Duration.ofMinutes(2);

    /** Which PagerDuty log entry kind an oncall verb produces. */
    private static final Map<String, String> ONCALL_VERB_TO_KIND = Map.of("ack", "acknowledge", "resolve", "resolve",
            "note", "annotate", "reassign", "assign", "escalate", "escalate", "snooze", "snooze");

    private Timeline() {
    }

    public static List<TimelineEntry> merge(List<LogDetail> pager, JsonNode statusIncident, List<JournalEntry> journal) {
        return merge("PagerDuty", pager, statusIncident, journal);
    }

    /** @param pagerName the timeline's source column for the paging service's entries */
    public static List<TimelineEntry> merge(String pagerName, List<LogDetail> pager, JsonNode statusIncident, List<JournalEntry> journal) {
        List<TimelineEntry> out = new ArrayList<>();
        List<JournalEntry> remaining = new ArrayList<>(journal);
        for (LogDetail e : pager) {
            String what = describe(e);
            JournalEntry twin = twin(remaining, e);
            if (twin != null) {
                remaining.remove(twin);
                what += " (via tcli)";
            }
            out.add(new TimelineEntry(e.at(), pagerName, e.byUser() ? e.agent() : null, what));
        }
        if (statusIncident != null) {
            for (JsonNode u : statusIncident.path("incident_updates")) {
                Instant at = time(u.path("created_at").asText(null));
                if (at == null) {
                    continue;
                }
                String what = statusUpdate(u);
                JournalEntry twin = statusTwin(remaining, statusIncident.path("id").asText(), at);
                if (twin != null) {
                    remaining.remove(twin);
                    what += " (via tcli)";
                }
                out.add(new TimelineEntry(at, "Statuspage", twin != null ? twin.user() : null, what));
            }
        }
        for (JournalEntry j : remaining) {
            out.add(new TimelineEntry(j.time(), "tcli", j.user(), "`tcli " + j.module() + " " + j.verb()
                    + (j.target() == null || j.target().isBlank() ? "" : " " + j.target()) + "`"
                    + (j.outcome() == null ? "" : " (" + j.outcome() + ")")));
        }
        // a stable sort keeps each source's own order for events in the same second
        out.sort(Comparator.comparing(TimelineEntry::at));
        Set<String> seen = new LinkedHashSet<>();
        List<TimelineEntry> unique = new ArrayList<>();
        for (TimelineEntry t : out) {
            if (seen.add(t.at().truncatedTo(ChronoUnit.SECONDS) + "|" + t.source() + "|" + t.who() + "|" + t.what())) {
                unique.add(t);
            }
        }
        return unique;
    }

    static String describe(LogDetail e) {
        String base = e.summary() == null || e.summary().isBlank() ? e.kind() : e.summary();
        if (e.note() != null && !e.note().isBlank()) {
            base += ": \u201c" + oneLine(e.note()) + "\u201d";
        }
        return base;
    }

    private static String statusUpdate(JsonNode u) {
        StringBuilder b = new StringBuilder("Status page ").append(u.path("status").asText("update"));
        String body = u.path("body").asText("");
        if (!body.isBlank()) {
            b.append(": \u201c").append(oneLine(body)).append("\u201d");
        }
        List<String> comps = new ArrayList<>();
        for (JsonNode c : u.path("affected_components")) {
            String name = c.path("name").asText(c.path("code").asText("?"));
            String to = c.path("new_status").asText("");
            if (!to.isBlank()) {
                comps.add(name + " \u2192 " + to);
            }
        }
        if (!comps.isEmpty()) {
            b.append(" [").append(String.join(", ", comps)).append(']');
        }
        return b.toString();
    }

    /** The journal line of the tcli action that produced this PagerDuty entry, if any. */
    private static JournalEntry twin(List<JournalEntry> journal, LogDetail e) {
        for (JournalEntry j : journal) {
            if ("oncall".equals(j.module()) && e.kind().equals(ONCALL_VERB_TO_KIND.get(j.verb()))
                    && !"failed".equals(j.outcome()) && close(j.time(), e.at())) {
                return j;
            }
        }
        return null;
    }

    private static JournalEntry statusTwin(List<JournalEntry> journal, String statusIncidentId, Instant at) {
        for (JournalEntry j : journal) {
            if ("status".equals(j.module()) && j.mentions(statusIncidentId) && !"failed".equals(j.outcome()) && close(j.time(), at)) {
                return j;
            }
        }
        return null;
    }

    private static boolean close(Instant a, Instant b) {
        return Duration.between(a, b).abs().compareTo(SAME_EVENT) <= 0;
    }

    static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
