package dev.tcli.sandbox.pagerduty;

import static dev.tcli.sandbox.pagerduty.PagerDutyEmulator.F;
import static dev.tcli.sandbox.pagerduty.PagerDutyEmulator.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.Exchange.Reply;
import dev.tcli.sandbox.Exchange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Account-wide parts of the PagerDuty emulator that other clients use: the priorities, the account's log
 * entries ({@code GET /log_entries}, paged, with {@code since}/{@code until}) and service changes
 * ({@code PUT /services/{id}}, kept in the state and shown by every later read of the service).
 */
final class PagerDutyAccount {
    /** The practice account's priorities, highest first, as PagerDuty's default P1..P5 scheme. */
    private static final ArrayNode PRIORITIES = F.arrayNode();

    static {
        String[][] p = {{"P1", "Customer-facing outage: all hands", "a8171c"}, {"P2", "Degraded service for many users", "eb6016"},
            {"P3", "Degraded service for some users", "f9b406"}, {"P4", "No user impact yet", "0b7eff"},
            {"P5", "Housekeeping", "7a8b99"}};
        for (int k = 0; k < p.length; k++) {
            PRIORITIES.addObject().put("id", "PPRI" + (k + 1) + "SBX").put("name", p[k][0]).put("description", p[k][1])
                    .put("color", p[k][2]).put("order", (p.length - k) * 128);
        }
    }

    /** Log entry types PagerDuty leaves out when {@code is_overview=true}. */
    private static final Set<String> DETAIL_TYPES = Set.of("notify_log_entry");
    private static final Set<String> SERVICE_FIELDS = Set.of("name", "description", "status", "acknowledgement_timeout",
            "auto_resolve_timeout", "alert_creation", "escalation_policy", "type");
    private static final Set<String> SERVICE_STATUSES = Set.of("active", "warning", "critical", "maintenance", "disabled");

    private PagerDutyAccount() {
    }

    /** A priority of the account by id, or null (also for a null id). */
    static JsonNode priority(String id) {
        for (JsonNode p : PRIORITIES) {
            if (p.path("id").asText().equals(id)) {
                return p;
            }
        }
        return null;
    }

    static Reply priorities(Exchange ex, Refs refs) {
        List<JsonNode> out = new ArrayList<>();
        PRIORITIES.forEach(p -> out.add(refs.priority(p)));
        return Reply.json(200, PagerDutyEmulator.page(ex, "priorities", out));
    }

    /** {@code GET /log_entries[/{id}]}: every incident's entries, newest first, within since/until (default: 30 days). */
    static Reply logEntries(Exchange ex, ArrayNode incidents, List<String> seg, Instant now, Refs refs) {
        if (seg.size() == 2) {
            for (JsonNode inc : incidents) {
                for (JsonNode e : inc.path("log")) {
                    if (e.path("id").asText().equals(seg.get(1))) {
                        return Reply.json(200, PagerDutyEmulator.wrap("log_entry", refs.logEntry(inc, e)));
                    }
                }
            }
            throw PagerDutyEmulator.notFound();
        }
        Instant until = ex.param("until") == null ? now.plusSeconds(1) : PagerDutyEmulator.time(ex.param("until"), "until");
        Instant since = ex.param("since") == null ? now.minus(Duration.ofDays(30)) : PagerDutyEmulator.time(ex.param("since"), "since");
        return Reply.json(200, PagerDutyEmulator.page(ex, "log_entries", entries(ex, incidents, since, until, refs)));
    }

    /** One incident's entries ({@code GET /incidents/{id}/log_entries}): all of them unless since/until narrow it. */
    static Reply incidentLogEntries(Exchange ex, ObjectNode inc, Refs refs) {
        Instant since = ex.param("since") == null ? Instant.EPOCH : PagerDutyEmulator.time(ex.param("since"), "since");
        Instant until = ex.param("until") == null ? Instant.MAX : PagerDutyEmulator.time(ex.param("until"), "until");
        ArrayNode one = F.arrayNode();
        one.add(inc);
        List<JsonNode> out = entries(ex, one, since, until, refs);
        out.sort(Comparator.comparing((JsonNode e) -> e.path("created_at").asText()));
        return Reply.json(200, PagerDutyEmulator.page(ex, "log_entries", out));
    }

    private static List<JsonNode> entries(Exchange ex, ArrayNode incidents, Instant since, Instant until, Refs refs) {
        if (!since.isBefore(until)) {
            throw error(400, 2001, "Invalid Input Provided", "since must be before until");
        }
        boolean overview = "true".equals(ex.param("is_overview"));
        List<JsonNode[]> found = new ArrayList<>();
        for (JsonNode inc : incidents) {
            for (JsonNode e : inc.path("log")) {
                Instant at = Instant.parse(e.path("at").asText());
                if (!at.isBefore(since) && at.isBefore(until) && !(overview && DETAIL_TYPES.contains(e.path("type").asText()))) {
                    found.add(new JsonNode[] {inc, e});
                }
            }
        }
        found.sort(Comparator.comparing((JsonNode[] p) -> p[1].path("at").asText()).thenComparing(p -> p[1].path("id").asText())
                .reversed());
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode[] p : found) {
            out.add(refs.logEntry(p[0], p[1]));
        }
        return out;
    }

    /** {@code PUT /services/{id}}: name, description, status, timeouts; kept in {@code service_changes}. */
    static Reply updateService(Exchange ex, ObjectNode state, HabitatTeam.Service s, Refs refs) {
        JsonNode body = ex.json().path("service");
        if (!body.isObject()) {
            throw error(400, 2001, "Invalid Input Provided", "service must be an object");
        }
        ObjectNode changes = F.objectNode();
        for (var it = body.properties().iterator(); it.hasNext();) {
            var f = it.next();
            if (!SERVICE_FIELDS.contains(f.getKey())) {
                continue; // PagerDuty ignores what it does not know
            }
            switch (f.getKey()) {
                case "name" -> {
                    if (f.getValue().asText().isBlank()) {
                        throw error(400, 2001, "Invalid Input Provided", "Name cannot be empty.");
                    }
                    changes.put("name", f.getValue().asText()).put("summary", f.getValue().asText());
                }
                case "status" -> {
                    if (!SERVICE_STATUSES.contains(f.getValue().asText())) {
                        throw error(400, 2001, "Invalid Input Provided", "Status must be one of " + SERVICE_STATUSES);
                    }
                    changes.put("status", f.getValue().asText());
                }
                case "acknowledgement_timeout", "auto_resolve_timeout" -> {
                    if (!f.getValue().isNull() && (!f.getValue().canConvertToInt() || f.getValue().asInt() < 0)) {
                        throw error(400, 2001, "Invalid Input Provided", f.getKey() + " must be a number of seconds or null");
                    }
                    changes.set(f.getKey(), f.getValue());
                }
                case "escalation_policy" -> {
                    if (!f.getValue().path("id").asText().equals(HabitatTeam.POLICY_PD_ID)) {
                        throw error(400, 2001, "Invalid Input Provided", "escalation_policy must be a policy of this account");
                    }
                }
                case "type" -> {
                    if (!f.getValue().asText().equals("service") && !f.getValue().asText().equals("service_reference")) {
                        throw error(400, 2001, "Invalid Input Provided", "type must be service");
                    }
                }
                default -> changes.set(f.getKey(), f.getValue());
            }
        }
        state.withObjectProperty("service_changes").withObjectProperty(s.pdId()).setAll(changes);
        ex.mutated();
        return Reply.json(200, PagerDutyEmulator.wrap("service", withChanges(state, refs.service(s, false))));
    }

    /** A rendered service with the changes {@code PUT /services/{id}} made to it. */
    static ObjectNode withChanges(ObjectNode state, ObjectNode rendered) {
        JsonNode changes = state.path("service_changes").path(rendered.path("id").asText());
        if (changes.isObject()) {
            rendered.setAll((ObjectNode) changes);
        }
        return rendered;
    }
}
