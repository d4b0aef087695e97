package dev.tcli.sandbox.pagerduty;

import static dev.tcli.sandbox.pagerduty.PagerDutyEmulator.F;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.Exchange;
import dev.tcli.sandbox.Exchange.Reply;
import dev.tcli.sandbox.pagerduty.HabitatTeam.Member;
import dev.tcli.sandbox.pagerduty.HabitatTeam.Service;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Events API v2, {@code POST /v2/enqueue}: the routing key (a service's integration key) is in the
 * body, no auth header. A trigger opens an incident (or joins the open one with the same
 * {@code dedup_key}); acknowledge and resolve act on it. Invalid events get 400
 * {@code {"status":"invalid event","message":...,"errors":[...]}}.
 */
final class PagerDutyEvents {
    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");

    private PagerDutyEvents() {
    }

    static Reply enqueue(Exchange ex, ObjectNode state, PagerDutyEmulator pd) {
        if (!ex.method().equals("POST")) {
            return Reply.json(404, invalid("Not found", List.of("Use POST /v2/enqueue")));
        }
        JsonNode e;
        try {
            e = ex.json();
        } catch (Reply bad) {
            return Reply.json(400, invalid("Event object is invalid", List.of("Body is not valid JSON")));
        }
        List<String> errors = new ArrayList<>();
        String key = e.path("routing_key").asText("");
        Service svc = null;
        if (key.length() != 32) {
            errors.add("Length of 'routing_key' is incorrect (should be 32 characters)");
        } else {
            for (Service s : HabitatTeam.SERVICES) {
                if (s.routingKey().equals(key)) {
                    svc = s;
                }
            }
            if (svc == null) {
                errors.add("'routing_key' is not the integration key of any service");
            }
        }
        String action = e.path("event_action").asText("");
        if (!Set.of("trigger", "acknowledge", "resolve").contains(action)) {
            errors.add("'event_action' is invalid (must be one of: trigger, acknowledge, resolve)");
        }
        String dedup = e.path("dedup_key").asText("");
        JsonNode payload = e.path("payload");
        if (action.equals("trigger")) {
            if (payload.path("summary").asText("").isBlank()) {
                errors.add("'payload.summary' is missing or blank");
            } else if (payload.path("summary").asText().length() > 1024) {
                errors.add("'payload.summary' is longer than 1024 characters");
            }
            if (payload.path("source").asText("").isBlank()) {
                errors.add("'payload.source' is missing or blank");
            }
            if (!SEVERITIES.contains(payload.path("severity").asText(""))) {
                errors.add("'payload.severity' is invalid (must be one of: critical, error, warning, info)");
            }
        } else if (!action.isEmpty() && dedup.isBlank()) {
            errors.add("'dedup_key' is required for " + action + " events");
        }
        if (!errors.isEmpty()) {
            return Reply.json(400, invalid("Event object is invalid", errors));
        }
        if (dedup.isBlank()) {
            dedup = UUID.nameUUIDFromBytes((key + state.path("next_number").asInt()).getBytes()).toString().replace("-", "");
        }
        ArrayNode all = (ArrayNode) state.get("incidents");
        ObjectNode open = null;
        for (JsonNode i : all) {
            if (i.path("incident_key").asText().equals(dedup) && !i.path("status").asText().equals("resolved")) {
                open = (ObjectNode) i;
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        switch (action) {
            case "trigger" -> {
                if (open == null) {
                    int number = state.path("next_number").asInt();
                    state.put("next_number", number + 1);
                    Instant rot = Instant.parse(state.path("rotation_start").asText());
                    Member primary = PagerDutySchedules.onCallAt(state, HabitatTeam.PRIMARY_PD_ID, now, rot);
                    ObjectNode i = all.addObject();
                    i.put("id", PagerDutyEmulator.incidentId(number)).put("number", number)
                            .put("title", payload.path("summary").asText())
                            .put("urgency", Set.of("critical", "error").contains(payload.path("severity").asText()) ? "high" : "low")
                            .put("service_id", svc.pdId()).put("created_at", now.toString()).put("updated_at", now.toString())
                            .put("incident_key", dedup).put("level", 1).put("status", "triggered");
                    i.putArray("assignees").add(primary.pdId());
                    i.putArray("acks");
                    i.putArray("notes");
                    PagerDutyEmulator.log(i, "trigger_log_entry", now, svc.pdId(), null, null);
                    PagerDutyEmulator.log(i, "notify_log_entry", now, svc.pdId(), primary.pdId(), null);
                    ex.mutated();
                }
            }
            case "acknowledge" -> {
                if (open != null && open.path("status").asText().equals("triggered")) {
                    open.put("status", "acknowledged").put("updated_at", now.toString());
                    PagerDutyEmulator.log(open, "acknowledge_log_entry", now, svc.pdId(), null, null);
                    ex.mutated();
                }
            }
            default -> {
                if (open != null) {
                    open.put("status", "resolved").put("updated_at", now.toString()).put("resolved_at", now.toString());
                    PagerDutyEmulator.log(open, "resolve_log_entry", now, svc.pdId(), null, null);
                    ex.mutated();
                }
            }
        }
        ObjectNode ok = F.objectNode();
        ok.put("status", "success").put("message", "Event processed").put("dedup_key", dedup);
        return Reply.json(202, ok);
    }

    private static ObjectNode invalid(String message, List<String> errors) {
        ObjectNode n = F.objectNode();
        n.put("status", "invalid event").put("message", message);
        ArrayNode arr = n.putArray("errors");
        errors.forEach(arr::add);
        return n;
    }
}
