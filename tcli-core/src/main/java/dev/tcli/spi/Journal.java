package dev.tcli.spi;

import java.util.Map;

/**
 * The action journal of DESIGN.md section 9: one JSON line per mutating action in
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
}
