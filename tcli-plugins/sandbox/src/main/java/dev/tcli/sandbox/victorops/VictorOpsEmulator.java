package dev.tcli.sandbox.victorops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.Emulator;
import dev.tcli.sandbox.Exchange;
import dev.tcli.sandbox.Exchange.Reply;
import dev.tcli.sandbox.Faults;
import dev.tcli.sandbox.Seed;
import dev.tcli.sandbox.pagerduty.HabitatTeam;
import dev.tcli.sandbox.pagerduty.HabitatTeam.Member;
import dev.tcli.sandbox.pagerduty.HabitatTeam.PastIncident;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splunk On-Call (VictorOps) public API, the same Habitat Builder team as the PagerDuty emulator.
 * Checks what the real API checks (CONTRACTS.md): {@code X-VO-Api-Id} and {@code X-VO-Api-Key}
 * (missing → 401, wrong → 403), {@code userName} + {@code incidentNames} on ack/resolve with a
 * per-incident {@code cmdAccepted}, incident numbers as strings, reporting {@code limit} ≤ 100;
 * take on-call ({@code fromUser} must be the one on call now) lasts until the next shift change.
 * Over its rate limit Splunk On-Call answers 403, not 429: {@code tcli sandbox fault 403 --service
 * victorops} stages that answer, which this emulator gives.
 */
public final class VictorOpsEmulator implements Emulator {
    public static final String API_ID = "sandbox-vo-api-id";
    public static final String API_KEY = "sandbox-vo-api-key";
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String[][] POLICIES = {{"Builder Primary", "pol-builder-primary"}, {"Builder Secondary", "pol-builder-secondary"}};
    /** The sandbox's wording of the rate-limit 403 (the spec says only "Authentication failed or rate-limit reached"). */
    public static final String RATE_LIMITED = "API rate limit exceeded";

    @Override
    public String name() {
        return "victorops";
    }

    @Override
    public void settings(String baseUrl, ObjectNode profile) {
        profile.putObject("victorops").put("base_url", baseUrl).put("api_id", API_ID).put("api_key", API_KEY)
                .put("username", HabitatTeam.ME.username()).put("team", HabitatTeam.TEAM_SLUG);
    }

    @Override
    public ObjectNode seed(Seed seed) {
        ObjectNode s = F.objectNode();
        s.put("rotation_start", HabitatTeam.rotationStart(seed.now()).toString());
        ArrayNode incidents = s.putArray("incidents");
        for (PastIncident p : HabitatTeam.history(seed)) {
            ObjectNode i = incidents.addObject();
            i.put("incidentNumber", String.valueOf(p.number())).put("startTime", p.createdAt().toString())
                    .put("currentPhase", switch (p.status()) {
                        case "resolved" -> "RESOLVED";
                        case "acknowledged" -> "ACKED";
                        default -> "UNACKED";
                    })
                    .put("alertCount", 1).put("lastAlertTime", p.createdAt().toString())
                    .put("lastAlertId", "alert-" + p.number()).put("entityId", p.service().name() + "/" + p.number())
                    .put("entityDisplayName", p.title()).put("entityState", "high".equals(p.urgency()) ? "CRITICAL" : "WARNING")
                    .put("host", p.service().name()).put("service", p.service().name()).put("routingKey", p.service().name());
            Member paged = p.escalatedTo() != null ? p.escalatedTo() : p.assignee();
            i.putArray("pagedUsers").add(paged.username());
            i.putArray("pagedTeams").add(HabitatTeam.TEAM_SLUG);
            ObjectNode pol = i.putArray("pagedPolicies").addObject();
            pol.putObject("policy").put("name", POLICIES[p.escalatedTo() != null ? 1 : 0][0]).put("slug", POLICIES[p.escalatedTo() != null ? 1 : 0][1]);
            pol.putObject("team").put("name", HabitatTeam.TEAM_NAME).put("slug", HabitatTeam.TEAM_SLUG);
            ArrayNode tr = i.putArray("transitions");
            transition(tr, "triggered", p.createdAt(), null, null, false);
            if (p.ackAt() != null) {
                transition(tr, "acknowledged", p.ackAt(), p.ackBy().username(), null, true);
                i.put("ackUser", p.ackBy().username()).put("ackTime", p.ackAt().toString());
            }
            for (HabitatTeam.Note n : p.notes()) {
                transition(tr, "chat", n.at(), n.by().username(), n.text(), true);
            }
            if (p.resolvedAt() != null) {
                transition(tr, "resolved", p.resolvedAt(), p.resolvedBy().username(), null, true);
                i.put("endTime", p.resolvedAt().toString());
            }
        }
        return s;
    }

    private static void transition(ArrayNode tr, String name, Instant at, String by, String message, boolean manually) {
        ObjectNode t = tr.addObject();
        t.put("name", name).put("at", at.toString()).put("manually", manually);
        if (by != null) {
            t.put("by", by);
        }
        if (message != null) {
            t.put("message", message);
        }
    }

    @Override
    public Reply handle(Exchange ex, ObjectNode state) {
        authenticate(ex);
        if ("403".equals(Faults.forEmulator())) {
            return Reply.json(403, message(RATE_LIMITED));
        }
        String path = ex.path();
        String m = ex.method();
        List<String> seg = ex.segments();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ArrayNode all = (ArrayNode) state.get("incidents");
        if (path.equals("/api-public/v1/incidents") && m.equals("GET")) {
            ArrayNode out = F.arrayNode();
            for (JsonNode i : all) {
                boolean recent = i.hasNonNull("endTime") && Instant.parse(i.path("endTime").asText()).isAfter(now.minus(Duration.ofHours(24)));
                if (!i.path("currentPhase").asText().equals("RESOLVED") || recent) {
                    out.add(active(i));
                }
            }
            ObjectNode body = F.objectNode();
            body.set("incidents", out);
            return Reply.json(200, body);
        }
        if ((path.equals("/api-public/v1/incidents/ack") || path.equals("/api-public/v1/incidents/resolve")) && m.equals("PATCH")) {
            return ackOrResolve(ex, all, path.endsWith("/ack"), now);
        }
        if (path.equals("/api-public/v1/incidents/reroute") && m.equals("POST")) {
            return reroute(ex, all, state, now);
        }
        if (path.equals("/api-reporting/v2/incidents") && m.equals("GET")) {
            return history(ex, all);
        }
        if (path.equals("/api-public/v1/user") && m.equals("GET")) {
            ObjectNode body = F.objectNode();
            ArrayNode users = body.putArray("users");
            HabitatTeam.MEMBERS.forEach(u -> users.add(user(u, ex.baseUrl())));
            body.put("_selfUrl", "/api-public/v1/user");
            return Reply.json(200, body);
        }
        if (seg.size() == 4 && path.startsWith("/api-public/v1/user/") && m.equals("GET")) {
            Member u = byUsername(seg.get(3));
            if (u == null) {
                return Reply.json(404, message("User not found: " + seg.get(3)));
            }
            return Reply.json(200, user(u, ex.baseUrl()));
        }
        if (path.equals("/api-public/v1/team") && m.equals("GET")) {
            ArrayNode teams = F.arrayNode();
            teams.addObject().put("name", HabitatTeam.TEAM_NAME).put("slug", HabitatTeam.TEAM_SLUG)
                    .put("memberCount", HabitatTeam.MEMBERS.size()).put("version", 1).put("isDefaultTeam", false)
                    .put("_selfUrl", "/api-public/v1/team/" + HabitatTeam.TEAM_SLUG);
            return Reply.json(200, teams);
        }
        if (seg.size() == 6 && seg.get(2).equals("policies") && path.startsWith("/api-public/v1/") && path.endsWith("/oncall/user")
                && m.equals("PATCH")) {
            return take(ex, state, seg.get(3), now);
        }
        if (seg.size() == 6 && seg.get(2).equals("team") && path.startsWith("/api-public/v1/") && path.endsWith("/oncall/user")
                && m.equals("PATCH")) {
            return takeOnTeam(ex, state, seg.get(3), now);
        }
        if (path.equals("/api-public/v1/oncall/current") && m.equals("GET")) {
            return Reply.json(200, current(state, now));
        }
        if (seg.size() == 6 && path.startsWith("/api-public/v2/team/") && path.endsWith("/oncall/schedule") && m.equals("GET")) {
            if (!seg.get(3).equals(HabitatTeam.TEAM_SLUG)) {
                return Reply.json(404, message("Team not found: " + seg.get(3)));
            }
            return schedule(ex, state, now);
        }
        return Reply.json(404, message("Path not found"));
    }

    private static void authenticate(Exchange ex) {
        String id = ex.header("X-VO-Api-Id");
        String key = ex.header("X-VO-Api-Key");
        if (id == null || key == null) {
            throw Reply.json(401, message("Authentication parameters missing"));
        }
        if (!id.equals(API_ID) || !key.equals(API_KEY)) {
            throw Reply.json(403, message("Authentication failed"));
        }
    }

    static ObjectNode message(String text) {
        ObjectNode n = F.objectNode();
        n.put("message", text);
        return n;
    }

    private static ObjectNode active(JsonNode i) {
        ObjectNode n = ((ObjectNode) i).deepCopy();
        n.remove("ackUser");
        n.remove("ackTime");
        n.remove("endTime");
        return n;
    }

    static Member byUsername(String username) {
        for (Member u : HabitatTeam.MEMBERS) {
            if (u.username().equals(username)) {
                return u;
            }
        }
        return null;
    }

    private static ObjectNode user(Member u, String base) {
        ObjectNode n = F.objectNode();
        String[] names = u.name().split(" ", 2);
        n.put("firstName", names[0]).put("lastName", names.length > 1 ? names[1] : "").put("displayName", u.name())
                .put("username", u.username()).put("email", u.email()).put("createdAt", "2024-03-01T17:00:00Z")
                .put("passwordLastUpdated", "2024-03-01T17:00:00Z").put("verified", false)
                .put("_selfUrl", "/api-public/v1/user/" + u.username());
        return n;
    }

    private static JsonNode find(ArrayNode all, String number) {
        for (JsonNode i : all) {
            if (i.path("incidentNumber").asText().equals(number)) {
                return i;
            }
        }
        return null;
    }

    private static Reply ackOrResolve(Exchange ex, ArrayNode all, boolean ack, Instant now) {
        JsonNode body = ex.json();
        String userName = body.path("userName").asText("");
        JsonNode names = body.path("incidentNames");
        if (userName.isBlank() || !names.isArray() || names.isEmpty()) {
            return Reply.json(400, message("userName and incidentNames are required"));
        }
        Member by = byUsername(userName);
        if (by == null) {
            return Reply.json(404, message("User not found: " + userName));
        }
        ObjectNode out = F.objectNode();
        ArrayNode results = out.putArray("results");
        for (JsonNode n : names) {
            ObjectNode r = results.addObject();
            if (!n.isTextual()) {
                return Reply.json(400, message("incidentNames must be strings"));
            }
            r.put("incidentNumber", n.asText());
            ObjectNode i = (ObjectNode) find(all, n.asText());
            if (i == null) {
                r.put("cmdAccepted", false).put("message", "Incident not found");
                continue;
            }
            r.put("entityId", i.path("entityId").asText());
            String phase = i.path("currentPhase").asText();
            if (phase.equals("RESOLVED")) {
                r.put("cmdAccepted", false).put("message", "Incident is already resolved");
                continue;
            }
            if (ack && phase.equals("ACKED")) {
                r.put("cmdAccepted", false).put("message", "Incident is already acknowledged");
                continue;
            }
            ArrayNode tr = i.withArray("transitions");
            if (ack) {
                i.put("currentPhase", "ACKED").put("ackUser", by.username()).put("ackTime", now.toString());
                transition(tr, "acknowledged", now, by.username(), body.path("message").asText(null), true);
            } else {
                i.put("currentPhase", "RESOLVED").put("endTime", now.toString());
                transition(tr, "resolved", now, by.username(), body.path("message").asText(null), true);
            }
            r.put("cmdAccepted", true).put("message", ack ? "Incident acknowledged" : "Incident resolved");
            ex.mutated();
        }
        return Reply.json(200, out);
    }

    private static Reply reroute(Exchange ex, ArrayNode all, ObjectNode state, Instant now) {
        JsonNode body = ex.json();
        Member by = byUsername(body.path("userName").asText(""));
        if (by == null || !body.path("reroutes").isArray()) {
            return Reply.json(400, message("userName (a user of the organization) and reroutes are required"));
        }
        ObjectNode out = F.objectNode();
        ArrayNode statuses = out.putArray("statuses");
        for (JsonNode rr : body.path("reroutes")) {
            ObjectNode st = statuses.addObject();
            String number = rr.path("incidentNumber").asText();
            st.put("incidentNumber", number);
            ObjectNode i = (ObjectNode) find(all, number);
            ArrayNode ts = F.arrayNode();
            boolean ok = i != null && !i.path("currentPhase").asText().equals("RESOLVED");
            List<String> paged = new ArrayList<>();
            for (JsonNode target : rr.path("targets")) {
                String type = target.path("type").asText();
                String slug = target.path("slug").asText();
                boolean known = type.equals("User") ? byUsername(slug) != null
                        : type.equals("EscalationPolicy") && (slug.equals(POLICIES[0][1]) || slug.equals(POLICIES[1][1]));
                ts.addObject().put("slug", slug).put("success", known && ok).put("message", known ? "ok" : "Unknown " + type + " " + slug);
                if (known && type.equals("User")) {
                    paged.add(slug);
                } else if (known) {
                    paged.add(VictorOpsSchedules.onCall(state, slug, now).username());
                }
                ok = ok && known;
            }
            st.put("success", ok).set("targetStatus", ts);
            st.put("message", i == null ? "Incident not found" : ok ? "Rerouted" : "Reroute failed");
            if (ok) {
                ArrayNode pu = i.putArray("pagedUsers");
                paged.forEach(pu::add);
                i.put("currentPhase", "UNACKED");
                transition(i.withArray("transitions"), "rerouted", now, by.username(), String.join(",", paged), true);
                ex.mutated();
            }
        }
        return Reply.json(200, out);
    }

    private static Reply history(Exchange ex, ArrayNode all) {
        int limit = num(ex, "limit", 20);
        int offset = num(ex, "offset", 0);
        if (limit < 1 || limit > 100 || offset < 0) {
            return Reply.json(400, message("limit must be between 1 and 100 and offset 0 or more"));
        }
        Set<String> phases = new java.util.HashSet<>();
        String cp = ex.param("currentPhase");
        for (String p : (cp == null ? "resolved" : cp).split(",")) {
            phases.add(switch (p.trim().toLowerCase(Locale.ROOT)) {
                case "triggered", "unacked" -> "UNACKED";
                case "acknowledged", "acked" -> "ACKED";
                default -> "RESOLVED";
            });
        }
        Instant after = time(ex.param("startedAfter"));
        Instant before = time(ex.param("startedBefore"));
        String number = ex.param("incidentNumber");
        String service = ex.param("service");
        List<JsonNode> match = new ArrayList<>();
        for (JsonNode i : all) {
            Instant start = Instant.parse(i.path("startTime").asText());
            if (phases.contains(i.path("currentPhase").asText()) && (after == null || start.isAfter(after))
                    && (before == null || start.isBefore(before)) && (number == null || number.equals(i.path("incidentNumber").asText()))
                    && (service == null || List.of(service.split(",")).contains(i.path("service").asText()))) {
                match.add(i);
            }
        }
        ObjectNode out = F.objectNode();
        out.put("offset", offset).put("limit", limit).put("total", match.size());
        ArrayNode arr = out.putArray("incidents");
        for (int k = offset; k < Math.min(match.size(), offset + limit); k++) {
            JsonNode i = match.get(k);
            ObjectNode n = arr.addObject();
            for (String f : List.of("incidentNumber", "startTime", "currentPhase", "alertCount", "lastAlertTime", "entityId", "host",
                    "service", "entityDisplayName", "ackTime", "endTime")) {
                if (i.has(f)) {
                    n.set(f, i.get(f));
                }
            }
            n.put("lastAlertID", i.path("lastAlertId").asText()).put("entityType", "service").put("teams", HabitatTeam.TEAM_SLUG);
            if (i.hasNonNull("ackUser")) {
                Member u = byUsername(i.path("ackUser").asText());
                n.put("ackUserId", u.username());
                n.putObject("ackUser").put("email", u.email()).put("first", u.name().split(" ")[0]).put("last", u.name().split(" ", 2)[1]);
            }
        }
        return Reply.json(200, out);
    }

    private static int num(Exchange ex, String name, int fallback) {
        String v = ex.param(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw Reply.json(400, message(name + " must be a number"));
        }
    }

    private static Instant time(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw Reply.json(400, message("not an ISO 8601 time: " + s));
        }
    }

    /**
     * {@code PATCH /api-public/v1/policies/{policy}/oncall/user} {@code {"fromUser","toUser"}}: {@code toUser}
     * replaces {@code fromUser}, who must be on call on the policy now, until the next shift change.
     */
    private static Reply take(Exchange ex, ObjectNode state, String policy, Instant now) {
        JsonNode body = ex.json();
        String fromName = body.path("fromUser").asText("");
        String toName = body.path("toUser").asText("");
        if (fromName.isBlank() || toName.isBlank()) {
            return Reply.json(400, message("fromUser and toUser are required"));
        }
        if (!policy.equals(POLICIES[0][1]) && !policy.equals(POLICIES[1][1])) {
            return Reply.json(404, message("Policy not found: " + policy));
        }
        Member from = byUsername(fromName);
        Member to = byUsername(toName);
        if (from == null || to == null) {
            return Reply.json(404, message("User not found: " + (from == null ? fromName : toName)));
        }
        if (!VictorOpsSchedules.onCall(state, policy, now).equals(from)) {
            return Reply.json(400, message(fromName + " is not on call for " + policy));
        }
        VictorOpsSchedules.take(state, policy, from, to, now);
        ex.mutated();
        return Reply.json(200, F.objectNode().put("result", "Success"));
    }

    /** The deprecated team form: the team's policy on which {@code fromUser} is on call now. */
    private static Reply takeOnTeam(Exchange ex, ObjectNode state, String team, Instant now) {
        if (!team.equals(HabitatTeam.TEAM_SLUG)) {
            return Reply.json(404, message("Team not found: " + team));
        }
        String fromName = ex.json().path("fromUser").asText("");
        for (String[] p : POLICIES) {
            if (VictorOpsSchedules.onCall(state, p[1], now).username().equals(fromName)) {
                return take(ex, state, p[1], now);
            }
        }
        return take(ex, state, POLICIES[0][1], now); // answers what is wrong with the request
    }

    private static ObjectNode current(ObjectNode state, Instant now) {
        ObjectNode out = F.objectNode();
        ObjectNode team = out.putArray("teamsOnCall").addObject();
        team.putObject("team").put("name", HabitatTeam.TEAM_NAME).put("slug", HabitatTeam.TEAM_SLUG);
        ArrayNode now_ = team.putArray("onCallNow");
        for (String[] p : POLICIES) {
            ObjectNode e = now_.addObject();
            e.putObject("escalationPolicy").put("name", p[0]).put("slug", p[1]);
            e.putArray("users").addObject().putObject("onCallUser").put("username", VictorOpsSchedules.onCall(state, p[1], now).username());
        }
        return out;
    }

    private static Reply schedule(Exchange ex, ObjectNode state, Instant now) {
        int fwd = num(ex, "daysForward", 14);
        int skip = num(ex, "daysSkip", 0);
        if (fwd < 0 || fwd > 30 || skip < 0 || skip > 90) {
            return Reply.json(400, message("daysForward must be 0..30 and daysSkip 0..90"));
        }
        return Reply.json(200, VictorOpsSchedules.teamSchedule(state, now, skip, fwd));
    }
}
