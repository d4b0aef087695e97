package dev.tcli.sandbox.pagerduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.Emulator;
import dev.tcli.sandbox.Exchange.Reply;
import dev.tcli.sandbox.Exchange;
import dev.tcli.sandbox.Seed;
import dev.tcli.sandbox.pagerduty.HabitatTeam.Member;
import dev.tcli.sandbox.pagerduty.HabitatTeam.PastIncident;
import dev.tcli.sandbox.pagerduty.HabitatTeam.Service;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * PagerDuty REST API v2 and Events API v2 ({@code POST /v2/enqueue}, so {@code events_url} is this
 * emulator's base URL and an event can open an incident here). Checks what the real API checks
 * (CONTRACTS.md): the {@code Token token=} header, {@code From} on incident writes (400, code 2016),
 * {@code limit} at most 100, {@code offset + limit} at most 10,000, reference types, 404 code 2100.
 *
 * <p>State keeps incidents compact (ids, not self links) because the port changes every run;
 * references are rendered against the current base URL.
 */
public final class PagerDutyEmulator implements Emulator {
    /**
     * A user-level key: {@code GET /users/me} answers with the sandbox's own user. Twenty characters, the shape
     * of a PagerDuty REST API key, so clients that tell keys from OAuth tokens by their shape (pagerduty-cli)
     * send it as {@code Token token=}.
     */
    public static final String USER_TOKEN = "sandbox-pd-user-key1";
    /** An account-level key: {@code GET /users/me} is refused, the client must use its configured email. */
    public static final String ACCOUNT_TOKEN = "sandbox-pd-acct-key1";
    /** The keys of earlier sandboxes, still accepted (configs and scripts written against them keep working). */
    static final String OLD_USER_TOKEN = "sandbox-pagerduty-token";
    static final String OLD_ACCOUNT_TOKEN = "sandbox-pagerduty-account-token";
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_OFFSET = 10_000;
    /** What the emulator answers under {@code /incidents/{id}}: sub-resource and method. */
    private static final Set<String> INCIDENT_ROUTES = Set.of(" GET", " PUT", "log_entries GET", "alerts GET", "merge PUT",
            "notes GET", "notes POST", "snooze POST", "responder_requests POST");

    @Override
    public String name() {
        return "pagerduty";
    }

    @Override
    public void settings(String baseUrl, ObjectNode profile) {
        profile.putObject("oncall").put("provider", "pagerduty");
        profile.putObject("pagerduty").put("base_url", baseUrl).put("token", USER_TOKEN)
                .put("email", HabitatTeam.ME.email()).put("events_url", baseUrl);
    }

    // ---- seed ----------------------------------------------------------------------------------

    @Override
    public ObjectNode seed(Seed seed) {
        ObjectNode s = F.objectNode();
        s.put("rotation_start", HabitatTeam.rotationStart(seed.now()).toString());
        s.put("me", HabitatTeam.ME.pdId());
        s.putArray("overrides");
        s.put("next_id", 1);
        ArrayNode incidents = s.putArray("incidents");
        Instant rot = HabitatTeam.rotationStart(seed.now());
        for (PastIncident p : HabitatTeam.history(seed)) {
            incidents.add(seedIncident(p, rot));
        }
        s.put("next_number", incidents.get(incidents.size() - 1).path("number").asInt() + 1);
        return s;
    }

    static String incidentId(int number) {
        return "Q" + Integer.toString(number * 7919 + 1_679_616, 36).toUpperCase(Locale.ROOT) + "SBX";
    }

    private static ObjectNode seedIncident(PastIncident p, Instant rot) {
        ObjectNode i = F.objectNode();
        String id = incidentId(p.number());
        i.put("id", id).put("number", p.number()).put("title", p.title()).put("urgency", p.urgency())
                .put("service_id", p.service().pdId()).put("created_at", p.createdAt().toString())
                .put("incident_key", Integer.toHexString(id.hashCode()) + "sbx" + p.number()).put("level", 1);
        ArrayNode log = i.putArray("log");
        int[] seq = {0};
        entry(log, id, seq, "trigger_log_entry", p.createdAt(), "service", p.service().pdId(), null, null);
        entry(log, id, seq, "notify_log_entry", p.createdAt().plusSeconds(2), "service", p.service().pdId(), p.assignee().pdId(), null);
        Member assignee = p.assignee();
        if (p.escalatedTo() != null) {
            Instant at = p.createdAt().plus(Duration.ofMinutes(30));
            entry(log, id, seq, "escalate_log_entry", at, "service", p.service().pdId(), p.escalatedTo().pdId(), null);
            entry(log, id, seq, "notify_log_entry", at.plusSeconds(2), "service", p.service().pdId(), p.escalatedTo().pdId(), null);
            assignee = p.escalatedTo();
            i.put("level", 2);
        }
        String status = "triggered";
        ArrayNode acks = i.putArray("acks");
        if (p.ackAt() != null) {
            entry(log, id, seq, "acknowledge_log_entry", p.ackAt(), "user", p.ackBy().pdId(), null, null);
            acks.addObject().put("at", p.ackAt().toString()).put("by", p.ackBy().pdId());
            status = "acknowledged";
        }
        ArrayNode notes = i.putArray("notes");
        int n = 0;
        for (HabitatTeam.Note note : p.notes()) {
            notes.addObject().put("id", "PN" + p.number() + "X" + n++).put("at", note.at().toString())
                    .put("user_id", note.by().pdId()).put("content", note.text());
            entry(log, id, seq, "annotate_log_entry", note.at(), "user", note.by().pdId(), null, note.text());
        }
        if (p.reassignedTo() != null) {
            Instant at = p.ackAt().plus(Duration.ofMinutes(3));
            entry(log, id, seq, "assign_log_entry", at, "user", p.ackBy().pdId(), p.reassignedTo().pdId(), null);
            assignee = p.reassignedTo();
        }
        if (p.resolvedAt() != null) {
            entry(log, id, seq, "resolve_log_entry", p.resolvedAt(), "user", p.resolvedBy().pdId(), null, null);
            i.put("resolved_at", p.resolvedAt().toString()).put("resolved_by", p.resolvedBy().pdId());
            status = "resolved";
        }
        i.put("status", status);
        i.putArray("assignees").add(assignee.pdId());
        i.put("updated_at", log.get(log.size() - 1).path("at").asText());
        return i;
    }

    private static void entry(ArrayNode log, String incidentId, int[] seq, String type, Instant at, String agentType,
            String agentId, String userId, String note) {
        ObjectNode e = log.addObject();
        e.put("id", "R" + incidentId.substring(1, incidentId.length() - 3) + "L" + seq[0]++);
        e.put("type", type).put("at", at.toString()).put("agent_type", agentType).put("agent_id", agentId);
        if (userId != null) {
            e.put("user_id", userId);
        }
        if (note != null) {
            e.put("note", note);
        }
    }

    // ---- requests ------------------------------------------------------------------------------

    @Override
    public Reply handle(Exchange ex, ObjectNode state) {
        List<String> seg = ex.segments();
        if (seg.size() == 2 && seg.get(0).equals("v2") && seg.get(1).equals("enqueue")) {
            return PagerDutyEvents.enqueue(ex, state, this);
        }
        boolean userToken = authenticate(ex);
        String m = ex.method();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Refs refs = new Refs(ex.baseUrl());
        if (seg.isEmpty()) {
            throw notImplemented(ex);
        }
        switch (seg.get(0)) {
            case "incidents":
                return incidents(ex, state, seg, m, now, refs);
            case "users":
                if (seg.size() == 2 && seg.get(1).equals("me") && m.equals("GET")) {
                    if (!userToken) {
                        throw error(400, 2001, "Invalid Input Provided", "This endpoint requires a user-level API token.");
                    }
                    return Reply.json(200, wrap("user", refs.user(member(state.path("me").asText()))));
                }
                if (seg.size() == 2 && m.equals("GET")) {
                    Member u = member(seg.get(1));
                    if (u == null) {
                        throw notFound();
                    }
                    return Reply.json(200, wrap("user", refs.user(u)));
                }
                if (seg.size() == 1 && m.equals("GET")) {
                    String q = lower(ex.param("query"));
                    List<JsonNode> users = new ArrayList<>();
                    for (Member u : HabitatTeam.MEMBERS) {
                        if (q == null || u.name().toLowerCase(Locale.ROOT).contains(q) || u.email().toLowerCase(Locale.ROOT).contains(q)) {
                            users.add(refs.user(u));
                        }
                    }
                    return Reply.json(200, page(ex, "users", users));
                }
                break;
            case "services":
                if (seg.size() == 1 && m.equals("GET")) {
                    String q = lower(ex.param("query"));
                    boolean integrations = ex.params("include").contains("integrations");
                    List<JsonNode> out = new ArrayList<>();
                    for (Service s : HabitatTeam.SERVICES) {
                        ObjectNode shown = PagerDutyAccount.withChanges(state, refs.service(s, integrations));
                        if (q == null || shown.path("name").asText().toLowerCase(Locale.ROOT).contains(q)) {
                            out.add(shown);
                        }
                    }
                    return Reply.json(200, page(ex, "services", out));
                }
                if (seg.size() == 2 && (m.equals("GET") || m.equals("PUT"))) {
                    Service s = service(seg.get(1));
                    if (s == null) {
                        throw notFound();
                    }
                    if (m.equals("PUT")) {
                        return PagerDutyAccount.updateService(ex, state, s, refs);
                    }
                    return Reply.json(200, wrap("service", PagerDutyAccount.withChanges(state,
                            refs.service(s, ex.params("include").contains("integrations")))));
                }
                break;
            case "teams":
                if (seg.size() == 1 && m.equals("GET")) {
                    String q = lower(ex.param("query"));
                    List<JsonNode> out = new ArrayList<>();
                    if (q == null || HabitatTeam.TEAM_NAME.toLowerCase(Locale.ROOT).contains(q)) {
                        ObjectNode t = refs.ref(HabitatTeam.TEAM_PD_ID, "team", HabitatTeam.TEAM_NAME, "teams");
                        t.put("name", HabitatTeam.TEAM_NAME).put("description", "Runs Habitat Builder");
                        out.add(t);
                    }
                    return Reply.json(200, page(ex, "teams", out));
                }
                break;
            case "escalation_policies":
                if (seg.size() == 1 && m.equals("GET")) {
                    String q = lower(ex.param("query"));
                    List<JsonNode> out = new ArrayList<>();
                    if (q == null || HabitatTeam.POLICY_NAME.toLowerCase(Locale.ROOT).contains(q)) {
                        out.add(refs.policy());
                    }
                    return Reply.json(200, page(ex, "escalation_policies", out));
                }
                if (seg.size() == 2 && m.equals("GET")) {
                    if (!seg.get(1).equals(HabitatTeam.POLICY_PD_ID)) {
                        throw notFound();
                    }
                    return Reply.json(200, wrap("escalation_policy", refs.policy()));
                }
                break;
            case "schedules":
                return PagerDutySchedules.handle(ex, state, seg, m, now, refs);
            case "oncalls":
                if (seg.size() == 1 && m.equals("GET")) {
                    return PagerDutySchedules.oncalls(ex, state, now, refs);
                }
                break;
            case "priorities":
                if (seg.size() == 1 && m.equals("GET")) {
                    return PagerDutyAccount.priorities(ex, refs);
                }
                break;
            case "log_entries":
                if (seg.size() <= 2 && m.equals("GET")) {
                    return PagerDutyAccount.logEntries(ex, (ArrayNode) state.get("incidents"), seg, now, refs);
                }
                break;
            default:
                break;
        }
        throw notImplemented(ex);
    }

    /** True for the user-level key; 401 for anything else but the account key. */
    private static boolean authenticate(Exchange ex) {
        String auth = ex.header("Authorization");
        if (("Token token=" + USER_TOKEN).equals(auth) || ("Token token=" + OLD_USER_TOKEN).equals(auth)) {
            return true;
        }
        if (("Token token=" + ACCOUNT_TOKEN).equals(auth) || ("Token token=" + OLD_ACCOUNT_TOKEN).equals(auth)) {
            return false;
        }
        throw error(401, 2006, "Invalid Credentials", null);
    }

    private Reply incidents(Exchange ex, ObjectNode state, List<String> seg, String m, Instant now, Refs refs) {
        ArrayNode all = (ArrayNode) state.get("incidents");
        if (seg.size() == 1 && m.equals("GET")) {
            return Reply.json(200, listIncidents(ex, all, now, refs));
        }
        if (seg.size() == 1 && m.equals("POST")) {
            return create(ex, state, all, requireFrom(ex), now, refs);
        }
        if (seg.size() == 1 && m.equals("PUT")) {
            Member from = requireFrom(ex);
            JsonNode items = ex.json().path("incidents");
            if (!items.isArray() || items.isEmpty()) {
                throw error(400, 2001, "Invalid Input Provided", "incidents must be a non-empty array");
            }
            if (items.size() > 250) {
                throw error(413, 2001, "Request Entity Too Large", "At most 250 incidents may be updated at once");
            }
            List<ObjectNode> targets = new ArrayList<>();
            for (JsonNode item : items) {
                checkType(item, "incident");
                targets.add(find(all, item.path("id").asText()));
            }
            ArrayNode out = F.arrayNode();
            for (int k = 0; k < targets.size(); k++) {
                update(targets.get(k), items.get(k), from, now, state);
                out.add(refs.incident(targets.get(k)));
            }
            ex.mutated();
            return Reply.json(200, wrap("incidents", out));
        }
        if (seg.size() == 1) {
            throw notImplemented(ex);
        }
        String route = (seg.size() == 3 ? seg.get(2) : seg.size() == 2 ? "" : "?") + " " + m;
        if (!INCIDENT_ROUTES.contains(route)) {
            throw notImplemented(ex); // before looking the incident up: an unemulated request is never a 404
        }
        ObjectNode inc = find(all, seg.get(1));
        if (seg.size() == 2 && m.equals("GET")) {
            return Reply.json(200, wrap("incident", refs.incident(inc)));
        }
        if (seg.size() == 2 && m.equals("PUT")) {
            Member from = requireFrom(ex);
            JsonNode item = ex.json().path("incident");
            checkType(item, "incident");
            update(inc, item, from, now, state);
            ex.mutated();
            return Reply.json(200, wrap("incident", refs.incident(inc)));
        }
        String sub = seg.size() == 3 ? seg.get(2) : "";
        switch (sub + " " + m) {
            case "log_entries GET":
                return PagerDutyAccount.incidentLogEntries(ex, inc, refs);
            case "alerts GET": {
                List<String> statuses = ex.params("statuses");
                List<JsonNode> out = new ArrayList<>();
                for (JsonNode a : refs.alerts(inc, all)) {
                    if (statuses.isEmpty() || statuses.contains(a.path("status").asText())) {
                        out.add(a);
                    }
                }
                return Reply.json(200, page(ex, "alerts", out));
            }
            case "merge PUT":
                return merge(ex, inc, all, requireFrom(ex), now, refs);
            case "notes GET": {
                ArrayNode out = F.arrayNode();
                inc.path("notes").forEach(n -> out.add(refs.note(n)));
                return Reply.json(200, wrap("notes", out));
            }
            case "notes POST": {
                Member from = requireFrom(ex);
                String content = ex.json().path("note").path("content").asText("");
                if (content.isBlank()) {
                    throw error(400, 2001, "Invalid Input Provided", "Note content can't be blank");
                }
                ObjectNode note = inc.withArray("notes").addObject();
                note.put("id", "PN" + inc.path("number").asInt() + "X" + inc.path("notes").size()).put("at", now.toString())
                        .put("user_id", from.pdId()).put("content", content);
                log(inc, "annotate_log_entry", now, from.pdId(), null, content);
                ex.mutated();
                return Reply.json(200, wrap("note", refs.note(note)));
            }
            case "snooze POST": {
                Member from = requireFrom(ex);
                JsonNode d = ex.json().path("duration");
                if (!d.canConvertToInt() || d.asInt() <= 0) {
                    throw error(400, 2001, "Invalid Input Provided", "duration must be a positive number of seconds");
                }
                if (!inc.path("status").asText().equals("acknowledged")) {
                    throw error(400, 2001, "Invalid Input Provided", "Only acknowledged incidents can be snoozed");
                }
                inc.put("snoozed_until", now.plusSeconds(d.asInt()).toString());
                log(inc, "snooze_log_entry", now, from.pdId(), null, null);
                ex.mutated();
                return Reply.json(201, wrap("incident", refs.incident(inc)));
            }
            case "responder_requests POST": {
                Member from = requireFrom(ex);
                JsonNode body = ex.json();
                Member requester = member(body.path("requester_id").asText());
                if (requester == null) {
                    throw error(400, 2001, "Invalid Input Provided", "requester_id must be a user id");
                }
                JsonNode targets = body.path("responder_request_targets");
                if (!targets.isArray() || targets.isEmpty()) {
                    throw error(400, 2001, "Invalid Input Provided", "responder_request_targets must not be empty");
                }
                ObjectNode rr = F.objectNode();
                rr.set("incident", refs.ref(inc.path("id").asText(), "incident_reference", inc.path("title").asText(), "incidents"));
                rr.set("requester", refs.userRef(requester));
                rr.put("requested_at", now.toString()).put("message", body.path("message").asText(""));
                ArrayNode rts = rr.putArray("responder_request_targets");
                for (JsonNode t : targets) {
                    JsonNode target = t.path("responder_request_target");
                    if (!target.path("type").asText().equals("user_reference")
                            && !target.path("type").asText().equals("escalation_policy_reference")) {
                        throw error(400, 2001, "Invalid Input Provided", "responder_request_target type must be user_reference or escalation_policy_reference");
                    }
                    Member u = member(target.path("id").asText());
                    if (target.path("type").asText().equals("user_reference") && u == null) {
                        throw error(400, 2001, "Invalid Input Provided", "Unknown user " + target.path("id").asText());
                    }
                    ObjectNode wrapped = rts.addObject().putObject("responder_request_target");
                    wrapped.put("id", target.path("id").asText()).put("type", target.path("type").asText())
                            .put("summary", u != null ? u.name() : HabitatTeam.POLICY_NAME);
                    ArrayNode irr = wrapped.putArray("incidents_responders");
                    ObjectNode resp = irr.addObject();
                    resp.put("state", "pending");
                    if (u != null) {
                        resp.set("user", refs.userRef(u));
                    }
                    resp.set("incident", refs.ref(inc.path("id").asText(), "incident_reference", inc.path("title").asText(), "incidents"));
                    resp.put("updated_at", now.toString()).put("message", body.path("message").asText(""));
                    resp.set("requester", refs.userRef(requester));
                    resp.put("requested_at", now.toString());
                    inc.withArray("responders").addObject().put("id", target.path("id").asText())
                            .put("requester", requester.pdId()).put("at", now.toString()).put("message", body.path("message").asText(""));
                }
                log(inc, "notify_log_entry", now, from.pdId(), null, null);
                ex.mutated();
                return Reply.json(200, wrap("responder_request", rr));
            }
            default:
                throw notImplemented(ex);
        }
    }

    /** {@code POST /incidents}: opens an incident on a service, assigned to whoever the policy pages first now. */
    private static Reply create(Exchange ex, ObjectNode state, ArrayNode all, Member from, Instant now, Refs refs) {
        JsonNode item = ex.json().path("incident");
        List<String> errors = new ArrayList<>();
        if (!item.path("type").asText().equals("incident")) {
            errors.add("Incident type must be incident");
        }
        String title = item.path("title").asText("");
        if (title.isBlank()) {
            errors.add("Title cannot be empty.");
        }
        Service svc = service(item.path("service").path("id").asText());
        if (svc == null || !item.path("service").path("type").asText().equals("service_reference")) {
            errors.add("Service must be a service_reference to a service of this account");
        }
        String urgency = item.path("urgency").asText("high");
        if (!urgency.equals("high") && !urgency.equals("low")) {
            errors.add("Urgency must be high or low");
        }
        String priority = priorityId(item, errors);
        if (!errors.isEmpty()) {
            throw errors(errors);
        }
        String key = item.path("incident_key").asText(null);
        if (key != null) {
            for (JsonNode i : all) {
                if (key.equals(i.path("incident_key").asText()) && svc.pdId().equals(i.path("service_id").asText())
                        && !i.path("status").asText().equals("resolved")) {
                    throw error(400, 2001, "Invalid Input Provided", "Open incident with key '" + key + "' already exists.");
                }
            }
        }
        int number = state.path("next_number").asInt();
        state.put("next_number", number + 1);
        String id = incidentId(number);
        ObjectNode inc = all.addObject();
        inc.put("id", id).put("number", number).put("title", title).put("urgency", urgency).put("service_id", svc.pdId())
                .put("created_at", now.toString()).put("updated_at", now.toString())
                .put("incident_key", key != null ? key : Integer.toHexString(id.hashCode()) + "sbx" + number)
                .put("level", 1).put("status", "triggered");
        if (priority != null) {
            inc.put("priority_id", priority);
        }
        if (item.path("body").hasNonNull("details")) {
            // kept, not shown: a string as PagerDuty's examples and clients send it, or an object as its spec says
            inc.set("body", item.path("body").path("details"));
        }
        inc.putArray("acks");
        inc.putArray("notes");
        log(inc, "trigger_log_entry", now, from.pdId(), null, null);
        if (item.has("assignments")) {
            update(inc, F.objectNode().set("assignments", item.path("assignments")), from, now, state);
        } else {
            Instant rot = Instant.parse(state.path("rotation_start").asText());
            Member target = PagerDutySchedules.onCallAt(state, HabitatTeam.PRIMARY_PD_ID, now, rot);
            inc.putArray("assignees").add(target.pdId());
            log(inc, "notify_log_entry", now, from.pdId(), target.pdId(), null);
        }
        ex.mutated();
        return Reply.json(201, wrap("incident", refs.incident(inc)));
    }

    /** {@code PUT /incidents/{id}/merge}: the sources' alerts move to the target; the sources are resolved. */
    private static Reply merge(Exchange ex, ObjectNode target, ArrayNode all, Member from, Instant now, Refs refs) {
        JsonNode sources = ex.json().path("source_incidents");
        if (!sources.isArray() || sources.isEmpty()) {
            throw error(400, 2001, "Invalid Input Provided", "source_incidents must be a non-empty array");
        }
        if (target.path("status").asText().equals("resolved")) {
            throw error(400, 2001, "Invalid Input Provided", "Incident " + target.path("id").asText() + " is resolved and cannot be merged into");
        }
        List<ObjectNode> found = new ArrayList<>();
        for (JsonNode s : sources) {
            checkType(s, "incident");
            ObjectNode src = find(all, s.path("id").asText());
            if (src == target) {
                throw error(400, 2001, "Invalid Input Provided", "An incident cannot be merged into itself");
            }
            if (src.path("status").asText().equals("resolved")) {
                throw error(400, 2001, "Invalid Input Provided", "Incident " + src.path("id").asText() + " is resolved and cannot be merged");
            }
            found.add(src);
        }
        for (ObjectNode src : found) {
            ArrayNode merged = target.withArray("merged");
            merged.add(src.path("id").asText());
            src.path("merged").forEach(merged::add);
            src.putArray("merged");
            src.put("status", "resolved").put("resolved_at", now.toString()).put("resolved_by", from.pdId())
                    .put("merged_into", target.path("id").asText()).put("updated_at", now.toString());
            log(src, "resolve_log_entry", now, from.pdId(), null, "Merged into " + target.path("id").asText());
        }
        target.put("updated_at", now.toString());
        ex.mutated();
        // the whole incident, typed as the spec's merge answer types it
        return Reply.json(200, wrap("incident", refs.incident(target).put("type", "incident_reference")));
    }

    /** A {@code priority} of a request: a priority_reference of the account, or null (none, or cleared). */
    private static String priorityId(JsonNode item, List<String> errors) {
        JsonNode p = item.get("priority");
        if (p == null || p.isNull()) {
            return null;
        }
        if (!p.path("type").asText().equals("priority_reference") || PagerDutyAccount.priority(p.path("id").asText()) == null) {
            errors.add("Priority must be a priority_reference to a priority of this account ('GET /priorities' lists them)");
            return null;
        }
        return p.path("id").asText();
    }

    private static Reply errors(List<String> errors) {
        ObjectNode n = F.objectNode();
        ObjectNode e = n.putObject("error");
        e.put("message", "Invalid Input Provided").put("code", 2001);
        ArrayNode arr = e.putArray("errors");
        errors.forEach(arr::add);
        return Reply.json(400, n);
    }

    private static ObjectNode listIncidents(Exchange ex, ArrayNode all, Instant now, Refs refs) {
        List<String> statuses = ex.params("statuses");
        List<String> services = ex.params("service_ids");
        List<String> users = ex.params("user_ids");
        List<String> urgencies = ex.params("urgencies");
        List<String> teams = ex.params("team_ids");
        for (String s : statuses) {
            if (!Set.of("triggered", "acknowledged", "resolved").contains(s)) {
                throw error(400, 2001, "Invalid Input Provided", "statuses must be triggered, acknowledged or resolved");
            }
        }
        boolean allDates = "all".equals(ex.param("date_range"));
        Instant until = allDates || ex.param("until") == null ? now.plusSeconds(1) : time(ex.param("until"), "until");
        Instant since = allDates ? Instant.EPOCH : ex.param("since") == null ? now.minus(Duration.ofDays(30)) : time(ex.param("since"), "since");
        if (!since.isBefore(until)) {
            throw error(400, 2001, "Invalid Input Provided", "since must be before until");
        }
        String incidentKey = ex.param("incident_key");
        Predicate<JsonNode> keep = i -> (statuses.isEmpty() || statuses.contains(i.path("status").asText()))
                && (services.isEmpty() || services.contains(i.path("service_id").asText()))
                && (urgencies.isEmpty() || urgencies.contains(i.path("urgency").asText()))
                && (teams.isEmpty() || teams.contains(HabitatTeam.TEAM_PD_ID))
                && (users.isEmpty() || contains(i.path("assignees"), users))
                && (incidentKey == null || incidentKey.equals(i.path("incident_key").asText()))
                && !Instant.parse(i.path("created_at").asText()).isBefore(since)
                && Instant.parse(i.path("created_at").asText()).isBefore(until);
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode i : all) {
            if (keep.test(i)) {
                matching.add(i);
            }
        }
        Comparator<JsonNode> order = Comparator.comparing((JsonNode i) -> i.path("created_at").asText())
                .thenComparingInt(i -> i.path("number").asInt());
        String sort = ex.param("sort_by");
        if (sort != null && sort.endsWith(":desc")) {
            order = order.reversed();
        }
        matching.sort(order);
        List<JsonNode> rendered = new ArrayList<>();
        int[] window = window(ex);
        for (int k = window[0]; k < Math.min(matching.size(), window[0] + window[1]); k++) {
            rendered.add(refs.incident((ObjectNode) matching.get(k)));
        }
        return pageOf(ex, "incidents", rendered, matching.size(), window);
    }

    private static boolean contains(JsonNode arr, List<String> any) {
        for (JsonNode n : arr) {
            if (any.contains(n.asText())) {
                return true;
            }
        }
        return false;
    }

    private static void update(ObjectNode inc, JsonNode item, Member from, Instant now, ObjectNode state) {
        String status = item.path("status").asText(null);
        List<String> errors = new ArrayList<>();
        if (item.has("title") && item.path("title").asText("").isBlank()) {
            errors.add("Title cannot be empty.");
        }
        if (item.has("urgency") && !Set.of("high", "low").contains(item.path("urgency").asText())) {
            errors.add("Urgency must be high or low");
        }
        String priority = priorityId(item, errors);
        if (!errors.isEmpty()) {
            throw errors(errors);
        }
        if (item.has("title")) {
            inc.put("title", item.path("title").asText());
        }
        if (item.has("urgency")) {
            inc.put("urgency", item.path("urgency").asText());
        }
        if (item.has("priority")) {
            if (priority == null) {
                inc.remove("priority_id");
            } else {
                inc.put("priority_id", priority);
            }
        }
        Instant rot = Instant.parse(state.path("rotation_start").asText());
        if (item.has("assignments")) {
            ArrayNode ids = F.arrayNode();
            for (JsonNode a : item.path("assignments")) {
                JsonNode assignee = a.path("assignee");
                if (!assignee.path("type").asText().equals("user_reference") || member(assignee.path("id").asText()) == null) {
                    throw error(400, 2001, "Invalid Input Provided", "Assignee must be a user_reference to a user of this account");
                }
                ids.add(assignee.path("id").asText());
                log(inc, "assign_log_entry", now, from.pdId(), assignee.path("id").asText(), null);
            }
            inc.set("assignees", ids);
            inc.put("status", "triggered");
            inc.remove("resolved_at");
        }
        if (item.has("escalation_policy")) {
            JsonNode ep = item.path("escalation_policy");
            if (!ep.path("type").asText().equals("escalation_policy_reference") || !ep.path("id").asText().equals(HabitatTeam.POLICY_PD_ID)) {
                throw error(400, 2001, "Invalid Input Provided", "escalation_policy must be an escalation_policy_reference to a policy of this account");
            }
            escalateTo(inc, 1, from, now, rot, state);
        }
        if (item.has("escalation_level")) {
            int level = item.path("escalation_level").asInt();
            if (level < 1 || level > 2) {
                throw error(400, 2001, "Invalid Input Provided", "Escalation level " + level + " does not exist on " + HabitatTeam.POLICY_NAME);
            }
            escalateTo(inc, level, from, now, rot, state);
        }
        if (status != null) {
            switch (status) {
                case "acknowledged" -> {
                    inc.put("status", "acknowledged");
                    inc.remove("resolved_at");
                    inc.withArray("acks").addObject().put("at", now.toString()).put("by", from.pdId());
                    log(inc, "acknowledge_log_entry", now, from.pdId(), null, null);
                }
                case "resolved" -> {
                    if (!inc.path("status").asText().equals("resolved")) {
                        inc.put("status", "resolved").put("resolved_at", now.toString()).put("resolved_by", from.pdId());
                        inc.remove("snoozed_until");
                        log(inc, "resolve_log_entry", now, from.pdId(), null, item.path("resolution").asText(null));
                    }
                }
                case "triggered" -> inc.put("status", "triggered");
                default -> throw error(400, 2001, "Invalid Input Provided", "status must be acknowledged, resolved or triggered");
            }
        }
        inc.put("updated_at", now.toString());
    }

    private static void escalateTo(ObjectNode inc, int level, Member from, Instant now, Instant rot, ObjectNode state) {
        Member target = PagerDutySchedules.onCallAt(state, level == 1 ? HabitatTeam.PRIMARY_PD_ID : HabitatTeam.SECONDARY_PD_ID, now, rot);
        inc.put("level", level).put("status", "triggered");
        inc.remove("resolved_at");
        inc.putArray("assignees").add(target.pdId());
        log(inc, "escalate_log_entry", now, from.pdId(), target.pdId(), null);
        log(inc, "notify_log_entry", now, from.pdId(), target.pdId(), null);
    }

    static void log(ObjectNode inc, String type, Instant at, String agentId, String userId, String note) {
        ArrayNode log = inc.withArray("log");
        int[] seq = {log.size()};
        entry(log, inc.path("id").asText(), seq, type, at, agentId.startsWith("PSV") ? "service" : "user", agentId, userId, note);
    }

    private static void checkType(JsonNode item, String kind) {
        String type = item.path("type").asText("");
        if (!type.equals(kind + "_reference") && !type.equals(kind)) {
            throw error(400, 2001, "Invalid Input Provided", "Incident type must be incident_reference or incident (got '" + type + "')");
        }
    }

    /** The {@code From} header: required on incident writes and must be a user of the account. */
    private static Member requireFrom(Exchange ex) {
        String from = ex.header("From");
        if (from == null || from.isBlank()) {
            throw error(400, 2016, "You must specify a user's email address in the \"From\" header to perform this action", null);
        }
        Member m = HabitatTeam.member(from.trim());
        if (m == null) {
            throw error(400, 2016, "The email address in the \"From\" header does not belong to a user of this account", null);
        }
        return m;
    }

    static ObjectNode find(ArrayNode all, String idOrNumber) {
        for (JsonNode i : all) {
            if (i.path("id").asText().equals(idOrNumber) || i.path("number").asText().equals(idOrNumber)) {
                return (ObjectNode) i;
            }
        }
        throw notFound();
    }

    static Member member(String id) {
        for (Member m : HabitatTeam.MEMBERS) {
            if (m.pdId().equals(id)) {
                return m;
            }
        }
        return null;
    }

    static Service service(String id) {
        for (Service s : HabitatTeam.SERVICES) {
            if (s.pdId().equals(id)) {
                return s;
            }
        }
        return null;
    }

    private static String lower(String s) {
        return s == null || s.isBlank() ? null : s.toLowerCase(Locale.ROOT);
    }

    static Instant time(String text, String name) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw error(400, 2001, "Invalid Input Provided", name + " is not a valid ISO 8601 date-time");
            }
        }
    }

    // ---- paging and errors ---------------------------------------------------------------------

    /** {@code [offset, limit]} after PagerDuty's checks: limit 1..100 (default 25), offset + limit at most 10,000. */
    static int[] window(Exchange ex) {
        int limit = intParam(ex, "limit", 25);
        int offset = intParam(ex, "offset", 0);
        if (limit < 1 || limit > 100) {
            throw error(400, 2001, "Invalid Input Provided", "limit must be between 1 and 100");
        }
        if (offset < 0 || offset + limit > MAX_OFFSET) {
            throw error(400, 2001, "Invalid Input Provided",
                    "Offset must be less than 10000; offset + limit may not exceed 10000: narrow since/until instead");
        }
        return new int[] {offset, limit};
    }

    private static int intParam(Exchange ex, String name, int fallback) {
        String v = ex.param(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw error(400, 2001, "Invalid Input Provided", name + " must be an integer");
        }
    }

    static ObjectNode page(Exchange ex, String key, List<JsonNode> all) {
        int[] w = window(ex);
        List<JsonNode> slice = all.subList(Math.min(w[0], all.size()), Math.min(all.size(), w[0] + w[1]));
        return pageOf(ex, key, slice, all.size(), w);
    }

    private static ObjectNode pageOf(Exchange ex, String key, List<JsonNode> slice, int total, int[] w) {
        ObjectNode out = F.objectNode();
        ArrayNode arr = out.putArray(key);
        slice.forEach(arr::add);
        out.put("limit", w[1]).put("offset", w[0]).put("more", w[0] + w[1] < total);
        if ("true".equals(ex.param("total"))) {
            out.put("total", total);
        } else {
            out.putNull("total");
        }
        return out;
    }

    static ObjectNode wrap(String key, JsonNode value) {
        ObjectNode n = F.objectNode();
        n.set(key, value);
        return n;
    }

    static Reply error(int status, int code, String message, String detail) {
        ObjectNode n = F.objectNode();
        ObjectNode e = n.putObject("error");
        e.put("message", message).put("code", code);
        if (detail != null) {
            e.putArray("errors").add(detail);
        }
        return Reply.json(status, n);
    }

    static Reply notFound() {
        return error(404, 2100, "Not Found", null);
    }

    /**
     * A request the sandbox does not emulate: 501, so a client never takes it for a missing object (404) or
     * for its own mistake (400). The body keeps PagerDuty's error shape, with a code PagerDuty does not use.
     */
    static Reply notImplemented(Exchange ex) {
        return error(501, 9501, "Not implemented by the tcli sandbox", ex.method() + " /" + String.join("/", ex.segments())
                + " is a request the sandbox's PagerDuty does not emulate (docs/sandbox.md lists what it does)");
    }

    static Set<String> idsOf(JsonNode arr) {
        Set<String> out = new HashSet<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }
}
