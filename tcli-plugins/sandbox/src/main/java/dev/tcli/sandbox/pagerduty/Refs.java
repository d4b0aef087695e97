package dev.tcli.sandbox.pagerduty;

import static dev.tcli.sandbox.pagerduty.PagerDutyEmulator.F;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.pagerduty.HabitatTeam.Member;
import dev.tcli.sandbox.pagerduty.HabitatTeam.Service;

/** Renders the compact state as PagerDuty REST v2 objects, with self links on the current base URL. */
final class Refs {
    /**
     * The web UI of the practice account: a host under {@code .invalid}, which never resolves, so no link of the
     * sandbox leads to a real service. The path starts with {@code .pagerduty.com/} because clients such as
     * pagerduty-cli find the account's subdomain in an {@code html_url} with {@code https://(.*)\.pagerduty.com/};
     * here that reads {@code habitat-sandbox.invalid/}, and the links such a client builds from it
     * ({@code https://SUBDOMAIN.pagerduty.com/incidents/ID}) land on the same unresolvable host.
     */
    static final String WEB = "https://habitat-sandbox.invalid/.pagerduty.com";
    private final String base;

    Refs(String base) {
        this.base = base;
    }

    ObjectNode ref(String id, String type, String summary, String collection) {
        ObjectNode n = F.objectNode();
        n.put("id", id).put("type", type).put("summary", summary).put("self", base + "/" + collection + "/" + id)
                .put("html_url", WEB + "/" + collection + "/" + id);
        return n;
    }

    ObjectNode userRef(Member m) {
        return ref(m.pdId(), "user_reference", m.name(), "users");
    }

    ObjectNode serviceRef(Service s) {
        return ref(s.pdId(), "service_reference", s.name(), "services");
    }

    ObjectNode teamRef() {
        return ref(HabitatTeam.TEAM_PD_ID, "team_reference", HabitatTeam.TEAM_NAME, "teams");
    }

    ObjectNode policyRef() {
        return ref(HabitatTeam.POLICY_PD_ID, "escalation_policy_reference", HabitatTeam.POLICY_NAME, "escalation_policies");
    }

    ObjectNode scheduleRef(String id) {
        return ref(id, "schedule_reference", id.equals(HabitatTeam.PRIMARY_PD_ID) ? HabitatTeam.PRIMARY_NAME : HabitatTeam.SECONDARY_NAME,
                "schedules");
    }

    ObjectNode user(Member m) {
        ObjectNode n = ref(m.pdId(), "user", m.name(), "users");
        n.put("name", m.name()).put("email", m.email()).put("time_zone", m.timeZone()).put("color", "purple")
                .put("role", m == HabitatTeam.ME ? "admin" : "user").put("description", "Habitat Builder on-call")
                .put("invitation_sent", false).put("job_title", "Site Reliability Engineer");
        n.putArray("teams").add(teamRef());
        ArrayNode cms = n.putArray("contact_methods");
        cms.add(contactMethod(m, "email", "Default"));
        // the newest teammate has not set up the phone or the app yet (tcli onboard check finds it)
        if (m != HabitatTeam.MEMBERS.get(HabitatTeam.MEMBERS.size() - 1)) {
            cms.add(contactMethod(m, "phone", "Mobile"));
            cms.add(contactMethod(m, "push_notification", "PagerDuty app"));
        }
        n.putArray("notification_rules");
        return n;
    }

    private ObjectNode contactMethod(Member m, String kind, String label) {
        String id = "PC" + kind.substring(0, 2).toUpperCase(java.util.Locale.ROOT) + m.pdId().substring(1, 5);
        return ref(id, kind + "_contact_method_reference", label, "users/" + m.pdId() + "/contact_methods");
    }

    ObjectNode service(Service s, boolean fullIntegrations) {
        ObjectNode n = ref(s.pdId(), "service", s.name(), "services");
        n.put("name", s.name()).put("description", s.description()).put("status", "active")
                .put("created_at", "2024-03-01T17:00:00Z").put("auto_resolve_timeout", 14400)
                .put("acknowledgement_timeout", 1800).put("alert_creation", "create_alerts_and_incidents");
        n.set("escalation_policy", policyRef());
        n.putArray("teams").add(teamRef());
        ArrayNode ints = n.putArray("integrations");
        String iid = "PI" + s.pdId().substring(3);
        if (fullIntegrations) {
            ObjectNode i = ref(iid, "events_api_v2_inbound_integration", "Events API v2", "services/" + s.pdId() + "/integrations");
            i.put("name", "Events API v2").put("integration_key", s.routingKey());
            i.set("service", serviceRef(s));
            ints.add(i);
        } else {
            ints.add(ref(iid, "events_api_v2_inbound_integration_reference", "Events API v2", "services/" + s.pdId() + "/integrations"));
        }
        return n;
    }

    ObjectNode policy() {
        ObjectNode n = ref(HabitatTeam.POLICY_PD_ID, "escalation_policy", HabitatTeam.POLICY_NAME, "escalation_policies");
        n.put("name", HabitatTeam.POLICY_NAME).put("description", "Page the Builder primary, then the secondary after 30 minutes")
                .put("num_loops", 0).put("on_call_handoff_notifications", "if_has_services");
        ArrayNode rules = n.putArray("escalation_rules");
        String[] schedules = {HabitatTeam.PRIMARY_PD_ID, HabitatTeam.SECONDARY_PD_ID};
        for (int k = 0; k < 2; k++) {
            ObjectNode r = rules.addObject();
            r.put("id", "PER" + (k + 1) + "BLD").put("escalation_delay_in_minutes", 30);
            r.putArray("targets").add(scheduleRef(schedules[k]));
        }
        ArrayNode services = n.putArray("services");
        HabitatTeam.SERVICES.forEach(s -> services.add(serviceRef(s)));
        n.putArray("teams").add(teamRef());
        return n;
    }

    ObjectNode incident(ObjectNode i) {
        String id = i.path("id").asText();
        ObjectNode n = ref(id, "incident", "[#" + i.path("number").asInt() + "] " + i.path("title").asText(), "incidents");
        Service svc = PagerDutyEmulator.service(i.path("service_id").asText());
        n.put("incident_number", i.path("number").asInt()).put("title", i.path("title").asText())
                .put("created_at", i.path("created_at").asText()).put("updated_at", i.path("updated_at").asText())
                .put("status", i.path("status").asText()).put("incident_key", i.path("incident_key").asText())
                .put("urgency", i.path("urgency").asText()).put("last_status_change_at", i.path("updated_at").asText());
        n.set("service", serviceRef(svc));
        ArrayNode assignments = n.putArray("assignments");
        if (!i.path("status").asText().equals("resolved")) {
            for (JsonNode a : i.path("assignees")) {
                ObjectNode as = assignments.addObject();
                as.put("at", i.path("updated_at").asText());
                as.set("assignee", userRef(PagerDutyEmulator.member(a.asText())));
            }
        }
        ArrayNode acks = n.putArray("acknowledgements");
        if (i.path("status").asText().equals("acknowledged")) {
            for (JsonNode a : i.path("acks")) {
                ObjectNode ack = acks.addObject();
                ack.put("at", a.path("at").asText());
                ack.set("acknowledger", userRef(PagerDutyEmulator.member(a.path("by").asText())));
            }
        }
        if (i.hasNonNull("resolved_at")) {
            n.put("resolved_at", i.path("resolved_at").asText());
        }
        ArrayNode pending = n.putArray("pending_actions");
        if (i.hasNonNull("snoozed_until") && i.path("status").asText().equals("acknowledged")) {
            pending.addObject().put("type", "unacknowledge").put("at", i.path("snoozed_until").asText());
        }
        n.set("escalation_policy", policyRef());
        n.putArray("teams").add(teamRef());
        JsonNode first = i.path("log").path(0);
        n.set("first_trigger_log_entry", ref(first.path("id").asText(), "trigger_log_entry_reference", "Triggered through the API",
                "log_entries"));
        n.put("is_mergeable", !i.path("status").asText().equals("resolved"));
        n.set("last_status_change_by", serviceRef(svc));
        JsonNode priority = PagerDutyAccount.priority(i.path("priority_id").asText(null));
        if (priority != null) {
            n.set("priority", priority(priority)); // absent when none: the spec's priority is an object, never null
        }
        ArrayNode responders = n.putArray("incidents_responders");
        for (JsonNode r : i.path("responders")) {
            responders.add(responder(i, r));
        }
        int alerts = 1 + i.path("merged").size();
        n.putObject("alert_counts").put("all", alerts).put("triggered", i.path("status").asText().equals("resolved") ? 0 : alerts)
                .put("resolved", i.path("status").asText().equals("resolved") ? alerts : 0);
        return n;
    }

    ObjectNode priority(JsonNode p) {
        ObjectNode n = ref(p.path("id").asText(), "priority", p.path("name").asText(), "priorities");
        n.put("name", p.path("name").asText()).put("description", p.path("description").asText())
                .put("color", p.path("color").asText()).put("order", p.path("order").asInt());
        return n;
    }

    /** A responder request target as the incident shows it (older state holds the bare id). */
    private ObjectNode responder(JsonNode inc, JsonNode r) {
        String id = r.isTextual() ? r.asText() : r.path("id").asText();
        ObjectNode n = F.objectNode();
        n.put("state", "pending");
        Member u = PagerDutyEmulator.member(id);
        n.set("user", u != null ? userRef(u) : policyRef());
        n.set("incident", ref(inc.path("id").asText(), "incident_reference", inc.path("title").asText(), "incidents"));
        n.put("updated_at", r.path("at").asText(inc.path("updated_at").asText()))
                .put("message", r.path("message").asText(""));
        Member requester = PagerDutyEmulator.member(r.path("requester").asText());
        if (requester != null) {
            n.set("requester", userRef(requester));
        }
        n.put("requested_at", r.path("at").asText(inc.path("updated_at").asText()));
        return n;
    }

    /** The incident's alerts: its own, then one for each incident merged into it. */
    java.util.List<JsonNode> alerts(JsonNode inc, ArrayNode all) {
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        out.add(alert(inc, inc));
        for (JsonNode src : inc.path("merged")) {
            for (JsonNode other : all) {
                if (other.path("id").asText().equals(src.asText())) {
                    out.add(alert(inc, other));
                }
            }
        }
        return out;
    }

    private ObjectNode alert(JsonNode owner, JsonNode origin) {
        String id = "A" + origin.path("id").asText().substring(1);
        boolean resolved = owner.path("status").asText().equals("resolved");
        ObjectNode n = ref(id, "alert", origin.path("title").asText(), "alerts");
        n.put("created_at", origin.path("created_at").asText()).put("status", resolved ? "resolved" : "triggered")
                .put("alert_key", origin.path("incident_key").asText()).put("suppressed", false)
                .put("severity", origin.path("urgency").asText().equals("high") ? "critical" : "warning");
        Service svc = PagerDutyEmulator.service(origin.path("service_id").asText());
        n.set("service", serviceRef(svc));
        n.set("incident", ref(owner.path("id").asText(), "incident_reference", owner.path("title").asText(), "incidents"));
        ObjectNode body = n.putObject("body");
        body.put("type", "alert_body");
        body.putArray("contexts");
        body.putObject("details").put("summary", origin.path("title").asText());
        return n;
    }

    ObjectNode logEntry(JsonNode inc, JsonNode e) {
        String type = e.path("type").asText();
        ObjectNode n = ref(e.path("id").asText(), type, summary(type, e), "log_entries");
        n.put("created_at", e.path("at").asText());
        boolean byService = e.path("agent_type").asText().equals("service");
        n.putObject("channel").put("type", byService ? "api" : "web_ui");
        Service svc = PagerDutyEmulator.service(inc.path("service_id").asText());
        n.set("agent", byService ? serviceRef(PagerDutyEmulator.service(e.path("agent_id").asText()))
                : userRef(PagerDutyEmulator.member(e.path("agent_id").asText())));
        n.set("service", serviceRef(svc));
        n.set("incident", ref(inc.path("id").asText(), "incident_reference", inc.path("title").asText(), "incidents"));
        n.putArray("teams").add(teamRef());
        n.putArray("contexts");
        if (e.hasNonNull("note")) {
            n.put("note", e.path("note").asText());
        }
        Member user = e.hasNonNull("user_id") ? PagerDutyEmulator.member(e.path("user_id").asText()) : null;
        if (user != null) {
            switch (type) {
                case "notify_log_entry" -> n.set("user", userRef(user));
                case "assign_log_entry", "escalate_log_entry" -> n.putArray("assignees").add(userRef(user));
                default -> { }
            }
        }
        return n;
    }

    private static String summary(String type, JsonNode e) {
        return switch (type) {
            case "trigger_log_entry" -> "Triggered through the API";
            case "notify_log_entry" -> "Notified " + name(e.path("user_id").asText());
            case "acknowledge_log_entry" -> "Acknowledged by " + name(e.path("agent_id").asText());
            case "resolve_log_entry" -> "Resolved by " + name(e.path("agent_id").asText());
            case "annotate_log_entry" -> "Note added by " + name(e.path("agent_id").asText());
            case "assign_log_entry" -> "Reassigned to " + name(e.path("user_id").asText());
            case "escalate_log_entry" -> "Escalated to " + name(e.path("user_id").asText());
            case "snooze_log_entry" -> "Snoozed by " + name(e.path("agent_id").asText());
            default -> type;
        };
    }

    private static String name(String id) {
        Member m = PagerDutyEmulator.member(id);
        return m == null ? "the service" : m.name();
    }

    ObjectNode note(JsonNode note) {
        ObjectNode n = F.objectNode();
        n.put("id", note.path("id").asText());
        n.set("user", userRef(PagerDutyEmulator.member(note.path("user_id").asText())));
        n.putObject("channel").put("summary", "The PagerDuty website or APIs");
        n.put("content", note.path("content").asText()).put("created_at", note.path("at").asText());
        return n;
    }
}
