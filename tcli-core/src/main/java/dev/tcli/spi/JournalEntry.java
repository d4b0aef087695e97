package dev.tcli.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Iterator;

/**
 * One line of {@code journal.jsonl} (docs/journal.md). {@code details} is whatever the
 * acting module recorded, kept as JSON so {@code -o json} passes it through untouched.
 */
public record JournalEntry(Instant time, String profile, String user, String module, String verb, String target,
        String outcome, JsonNode details) {

    /**
     * True when this action was about {@code ref}: its target, or any value in its details
     * (the oncall module records the incident number there, the status module the PagerDuty
     * incident it was linked to), compared as text so {@code 1042} matches a number.
     */
    public boolean mentions(String ref) {
        if (ref == null || ref.isBlank()) {
            return false;
        }
        String r = ref.startsWith("#") ? ref.substring(1) : ref;
        if (target != null) {
            for (String t : target.split("[,\\s]+")) {
                if (t.equalsIgnoreCase(r) || t.equalsIgnoreCase("#" + r)) {
                    return true;
                }
            }
        }
        return contains(details, r);
    }

    private static boolean contains(JsonNode node, String ref) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isValueNode()) {
            return node.asText().equalsIgnoreCase(ref);
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            if (contains(it.next(), ref)) {
                return true;
            }
        }
        return false;
    }

    /** "dwhitfield ran hab restart builder-api (ok)", for timelines and stabilization steps. */
    public String describe() {
        String who = user == null || user.isBlank() ? "someone" : user;
        return who + " ran `tcli " + module + " " + verb + (target == null || target.isBlank() ? "" : " " + target) + "`"
                + (outcome == null || outcome.isBlank() ? "" : " (" + outcome + ")");
    }
}
