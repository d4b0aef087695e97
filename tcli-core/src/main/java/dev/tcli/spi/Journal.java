package dev.tcli.spi;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The action journal of docs/design.md §9: one JSON line per mutating action in
 * {@code $XDG_STATE_HOME/tcli/journal.jsonl}, written and flushed before the command returns.
 * Never put a secret in {@code details}.
 */
public interface Journal {

    /**
     * Appends one entry; the core adds time (UTC), profile and user.
     *
     * @param module  e.g. {@code oncall}
     * @param verb    e.g. {@code ack}
     * @param target  what was acted on, e.g. the incident id
     * @param outcome {@code ok}, {@code failed}, {@code partial}, ...
     * @param details anything useful for the postmortem timeline (what was sent, the reply)
     */
    void record(String module, String verb, String target, String outcome, Map<String, ?> details);

    /**
     * Reads the journal back, oldest first: the entries {@code keep} accepts. Lines a crash cut short
     * (or that are not valid UTF-8 JSON) are skipped and counted, never fatal.
     */
    Entries read(Predicate<JournalEntry> keep);

    /** The entries that matched, in file (= time) order, and how many lines could not be read. */
    record Entries(List<JournalEntry> entries, int unreadable) {
    }
}
