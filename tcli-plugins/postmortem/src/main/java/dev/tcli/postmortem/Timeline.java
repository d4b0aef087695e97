package dev.tcli.postmortem;

import dev.tcli.spi.IncidentHistory.Entry;
import dev.tcli.spi.IncidentHistory.Incident;
import dev.tcli.spi.JournalEntry;
import java.time.Duration;
import java.time.Instant;
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

    /**
     * @param pager          the paging service's incident; its name is the source column of its log entries
     * @param statusIncident the status page's incident, or null
     */
    public static List<TimelineEntry> merge(Incident pager, Incident statusIncident, List<JournalEntry> journal) {
        List<TimelineEntry> out = new ArrayList<>();
        List<JournalEntry> remaining = new ArrayList<>(journal);
        for (Entry e : pager.timeline()) {
            String what = describe(e);
            JournalEntry twin = twin(remaining, e);
            if (twin != null) {
                remaining.remove(twin);
                what += " (via tcli)";
            }
            out.add(new TimelineEntry(e.at(), pager.service(), e.byUser() ? e.agent() : null, what));
        }
        if (statusIncident != null) {
            List<Entry> updates = statusIncident.timeline();
            TimelineEntry[] rows = new TimelineEntry[updates.size()];
            // newest update first, as Statuspage lists them: a journal line close to two updates goes to the later one
            for (int k = updates.size() - 1; k >= 0; k--) {
                Entry u = updates.get(k);
                String what = describe(u) + (u.subject() == null ? "" : " [" + u.subject() + "]");
                JournalEntry twin = statusTwin(remaining, statusIncident.id(), u.at());
                if (twin != null) {
                    remaining.remove(twin);
                    what += " (via tcli)";
                }
                rows[k] = new TimelineEntry(u.at(), "Statuspage", twin != null ? twin.user() : null, what);
            }
            out.addAll(List.of(rows));
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

    static String describe(Entry e) {
        String base = e.summary() == null || e.summary().isBlank() ? e.kind() : e.summary();
        if (e.note() != null && !e.note().isBlank()) {
            base += ": \u201c" + oneLine(e.note()) + "\u201d";
        }
        return base;
    }

    /** The journal line of the tcli action that produced this paging service's entry, if any. */
    private static JournalEntry twin(List<JournalEntry> journal, Entry e) {
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

    static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }
}
