package dev.tcli.sandbox.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.Emulator;
import dev.tcli.sandbox.Exchange.Reply;
import dev.tcli.sandbox.Exchange;
import dev.tcli.sandbox.Seed;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Atlassian Statuspage API v1 for the Habitat Builder status page. Checks what the real API checks
 * (CONTRACTS.md): {@code Authorization: OAuth KEY} (or {@code ?api_key=}), bare-array lists paged by
 * {@code page}/{@code per_page} (at most 100), component and incident status values, and answers
 * errors in the three shapes the real API uses: {@code {"message"}} for authentication,
 * {@code {"error":"..."}} for unknown pages and ids, {@code {"error":[...]}} for validation (422).
 *
 * <p>Served under {@code /statuspage/v1}, so base_url carries the {@code /v1} as the real one does.
 */
public final class StatuspageEmulator implements Emulator {
    public static final String TOKEN = "sandbox-statuspage-token";
    public static final String PAGE_ID = "hbldr7sbx0pg";
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final Set<String> COMPONENT_STATUSES = Set.of("operational", "under_maintenance", "degraded_performance",
            "partial_outage", "major_outage");
    static final Set<String> INCIDENT_STATUSES = Set.of("investigating", "identified", "monitoring", "resolved");
    static final Set<String> SCHEDULED_STATUSES = Set.of("scheduled", "in_progress", "verifying", "completed");
    static final Set<String> IMPACTS = Set.of("none", "maintenance", "minor", "major", "critical");
    private static final int MAX_PER_PAGE = 100;

    @Override
    public String name() {
        return "statuspage";
    }

    @Override
    public void settings(String baseUrl, ObjectNode profile) {
        profile.putObject("statuspage").put("base_url", baseUrl + "/v1").put("page_id", PAGE_ID).put("token", TOKEN);
    }

    @Override
    public ObjectNode seed(Seed seed) {
        return StatuspageSeed.seed(seed);
    }

    // ---- requests ------------------------------------------------------------------------------

    @Override
    public Reply handle(Exchange ex, ObjectNode state) {
        List<String> seg = ex.segments();
        authenticate(ex);
        if (seg.size() < 3 || !seg.get(0).equals("v1") || !seg.get(1).equals("pages")) {
            throw notFound();
        }
        String page = seg.get(2);
        if (page.endsWith(".json")) {
            page = page.substring(0, page.length() - 5);
        }
        if (!page.equals(state.path("page_id").asText())) {
            throw notFound();
        }
        List<String> rest = seg.subList(3, seg.size());
        String m = ex.method();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (rest.isEmpty()) {
            if (m.equals("GET")) {
                ObjectNode p = F.objectNode();
                p.put("id", page).put("name", "Habitat Builder").put("subdomain", "habitat-builder")
                        .put("url", "https://status.habitat.example.com").put("time_zone", "Etc/UTC")
                        .put("created_at", state.path("page_created_at").asText()).put("updated_at", now.toString());
                return Reply.json(200, p);
            }
            throw notFound();
        }
        switch (rest.get(0)) {
            case "components":
                return components(ex, state, rest, m, now);
            case "component-groups":
                if (rest.size() == 1 && m.equals("GET")) {
                    List<JsonNode> groups = new ArrayList<>();
                    for (JsonNode c : state.path("components")) {
                        if (c.path("group").asBoolean()) {
                            groups.add(group(state, c));
                        }
                    }
                    return Reply.json(200, page(ex, groups, "per_page"));
                }
                break;
            case "incident_templates":
                if (rest.size() == 1 && m.equals("GET")) {
                    List<JsonNode> out = new ArrayList<>();
                    for (JsonNode t : state.path("templates")) {
                        ObjectNode r = ((ObjectNode) t).deepCopy();
                        ArrayNode comps = F.arrayNode();
                        for (JsonNode id : t.path("component_ids")) {
                            ObjectNode c = component(state, id.asText());
                            if (c != null) {
                                comps.add(c);
                            }
                        }
                        r.remove("component_ids");
                        r.set("components", comps);
                        out.add(r);
                    }
                    return Reply.json(200, page(ex, out, "per_page"));
                }
                break;
            case "incidents":
                return incidents(ex, state, rest, m, now);
            default:
                break;
        }
        throw notFound();
    }

    private Reply components(Exchange ex, ObjectNode state, List<String> rest, String m, Instant now) {
        if (rest.size() == 1 && m.equals("GET")) {
            List<JsonNode> all = new ArrayList<>();
            state.path("components").forEach(all::add);
            return Reply.json(200, page(ex, all, "per_page"));
        }
        if (rest.size() != 2) {
            throw notFound();
        }
        ObjectNode c = component(state, rest.get(1));
        if (c == null) {
            throw notFound();
        }
        if (m.equals("GET")) {
            return Reply.json(200, c);
        }
        if (m.equals("PATCH") || m.equals("PUT")) {
            JsonNode body = ex.json().path("component");
            if (!body.isObject()) {
                throw invalid("component is missing");
            }
            if (body.has("status")) {
                String s = body.path("status").asText();
                if (!COMPONENT_STATUSES.contains(s)) {
                    throw invalid("Status is not included in the list");
                }
                if (c.path("group").asBoolean()) {
                    throw invalid("Status of a component group follows its components");
                }
                c.put("status", s);
            }
            if (body.hasNonNull("name")) {
                c.put("name", body.path("name").asText());
            }
            if (body.hasNonNull("description")) {
                c.put("description", body.path("description").asText());
            }
            c.put("updated_at", now.toString());
            ex.mutated();
            return Reply.json(200, c);
        }
        throw notFound();
    }

    private Reply incidents(Exchange ex, ObjectNode state, List<String> rest, String m, Instant now) {
        ArrayNode all = state.withArray("incidents");
        if (rest.size() == 1 && m.equals("GET")) {
            String q = ex.param("q");
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode i : all) {
                if (q == null || q.isBlank() || i.toString().toLowerCase().contains(q.toLowerCase())) {
                    out.add(render(state, i));
                }
            }
            return Reply.json(200, page(ex, newestFirst(out), "limit"));
        }
        if (rest.size() == 2 && m.equals("GET") && Set.of("unresolved", "upcoming", "scheduled", "active_maintenance")
                .contains(rest.get(1))) {
            List<JsonNode> out = new ArrayList<>();
            for (JsonNode i : all) {
                String s = i.path("status").asText();
                boolean scheduled = SCHEDULED_STATUSES.contains(s);
                boolean keep = switch (rest.get(1)) {
                    case "unresolved" -> !scheduled && !s.equals("resolved");
                    case "upcoming", "scheduled" -> s.equals("scheduled");
                    default -> s.equals("in_progress") || s.equals("verifying");
                };
                if (keep) {
                    out.add(render(state, i));
                }
            }
            return Reply.json(200, page(ex, newestFirst(out), "per_page"));
        }
        if (rest.size() == 1 && m.equals("POST")) {
            JsonNode body = ex.json().path("incident");
            if (!body.isObject()) {
                throw invalid("incident is missing");
            }
            String name = body.path("name").asText("");
            List<String> problems = new ArrayList<>();
            if (name.isBlank()) {
                problems.add("Name can't be blank");
            } else if (name.length() > 255) {
                problems.add("Name is too long (maximum is 255 characters)");
            }
            String status = body.path("status").asText("investigating");
            if (!INCIDENT_STATUSES.contains(status) && !SCHEDULED_STATUSES.contains(status)) {
                problems.add("Status is not included in the list");
            }
            checkImpact(body, problems);
            Map<String, String> changes = componentChanges(state, body, problems);
            if (!problems.isEmpty()) {
                throw invalid(problems.toArray(String[]::new));
            }
            int n = state.path("next_incident").asInt(1);
            state.put("next_incident", n + 1);
            ObjectNode inc = all.insertObject(0);
            inc.put("id", StatuspageSeed.id("i", n)).put("name", name).put("status", status)
                    .put("created_at", now.toString()).put("updated_at", now.toString())
                    .put("shortlink", "https://stspg.io/" + StatuspageSeed.id("s", n).substring(0, 7)).put("page_id", PAGE_ID);
            if (body.hasNonNull("impact_override")) {
                inc.put("impact_override", body.path("impact_override").asText());
            }
            inc.putArray("component_ids");
            inc.putArray("incident_updates");
            addUpdate(state, inc, status, body, changes, now);
            ex.mutated();
            return Reply.json(201, render(state, inc));
        }
        if (rest.size() != 2) {
            throw notFound();
        }
        ObjectNode inc = null;
        for (JsonNode i : all) {
            if (i.path("id").asText().equals(rest.get(1))) {
                inc = (ObjectNode) i;
            }
        }
        if (inc == null) {
            throw notFound();
        }
        if (m.equals("GET")) {
            return Reply.json(200, render(state, inc));
        }
        if (m.equals("PATCH") || m.equals("PUT")) {
            JsonNode body = ex.json().path("incident");
            if (!body.isObject()) {
                throw invalid("incident is missing");
            }
            List<String> problems = new ArrayList<>();
            String status = body.path("status").asText(inc.path("status").asText());
            if (!INCIDENT_STATUSES.contains(status) && !SCHEDULED_STATUSES.contains(status)) {
                problems.add("Status is not included in the list");
            }
            checkImpact(body, problems);
            Map<String, String> changes = componentChanges(state, body, problems);
            if (!problems.isEmpty()) {
                throw invalid(problems.toArray(String[]::new));
            }
            if (body.hasNonNull("name")) {
                inc.put("name", body.path("name").asText());
            }
            if (body.hasNonNull("impact_override")) {
                inc.put("impact_override", body.path("impact_override").asText());
            }
            inc.put("status", status).put("updated_at", now.toString());
            addUpdate(state, inc, status, body, changes, now);
            ex.mutated();
            return Reply.json(200, render(state, inc));
        }
        if (m.equals("DELETE")) {
            for (Iterator<JsonNode> it = all.iterator(); it.hasNext();) {
                if (it.next() == inc) {
                    it.remove();
                }
            }
            ex.mutated();
            return Reply.json(200, render(state, inc));
        }
        throw notFound();
    }

    /** Applies component changes and records one incident update, the way the real page does. */
    static void addUpdate(ObjectNode state, ObjectNode inc, String status, JsonNode body, Map<String, String> changes, Instant now) {
        ArrayNode ids = inc.withArray("component_ids");
        ArrayNode affected = F.arrayNode();
        for (Map.Entry<String, String> e : changes.entrySet()) {
            ObjectNode c = component(state, e.getKey());
            String old = c.path("status").asText();
            if (!e.getValue().isEmpty()) {
                c.put("status", e.getValue()).put("updated_at", now.toString());
                affected.addObject().put("code", c.path("id").asText()).put("name", c.path("name").asText())
                        .put("old_status", old).put("new_status", e.getValue());
            }
            boolean known = false;
            for (JsonNode id : ids) {
                known |= id.asText().equals(e.getKey());
            }
            if (!known) {
                ids.add(e.getKey());
            }
        }
        if (status.equals("resolved") && !inc.has("resolved_at")) {
            inc.put("resolved_at", now.toString());
        }
        if (status.equals("monitoring") && !inc.has("monitoring_at")) {
            inc.put("monitoring_at", now.toString());
        }
        ArrayNode updates = inc.withArray("incident_updates");
        ObjectNode u = updates.insertObject(0);
        int n = state.path("next_update").asInt(1);
        state.put("next_update", n + 1);
        u.put("id", StatuspageSeed.id("u", n)).put("incident_id", inc.path("id").asText()).put("status", status)
                .put("body", body.path("body").asText(defaultBody(status))).put("created_at", now.toString())
                .put("updated_at", now.toString()).put("display_at", now.toString())
                .put("deliver_notifications", body.path("deliver_notifications").asBoolean(true));
        u.set("affected_components", affected);
    }

    static String defaultBody(String status) {
        return switch (status) {
            case "investigating" -> "We are currently investigating this issue.";
            case "identified" -> "The issue has been identified and a fix is being implemented.";
            case "monitoring" -> "A fix has been implemented and we are monitoring the results.";
            case "resolved" -> "This incident has been resolved.";
            default -> "";
        };
    }

    private static void checkImpact(JsonNode body, List<String> problems) {
        if (body.hasNonNull("impact_override") && !IMPACTS.contains(body.path("impact_override").asText())) {
            problems.add("Impact override is not included in the list");
        }
    }

    /** {@code components: {id: status}} and {@code component_ids: [id]}, checked against the page. */
    private static Map<String, String> componentChanges(ObjectNode state, JsonNode body, List<String> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode map = body.path("components");
        if (!map.isMissingNode() && !map.isNull()) {
            if (!map.isObject()) {
                problems.add("Components must be a map of component id to status");
            } else {
                map.properties().forEach(e -> {
                    ObjectNode c = component(state, e.getKey());
                    if (c == null || c.path("group").asBoolean()) {
                        problems.add("Component " + e.getKey() + " was not found on this page");
                    } else if (!COMPONENT_STATUSES.contains(e.getValue().asText())) {
                        problems.add("Component status " + e.getValue().asText() + " is not included in the list");
                    } else {
                        out.put(e.getKey(), e.getValue().asText());
                    }
                });
            }
        }
        for (JsonNode id : body.path("component_ids")) {
            ObjectNode c = component(state, id.asText());
            if (c == null) {
                problems.add("Component " + id.asText() + " was not found on this page");
            } else {
                out.putIfAbsent(id.asText(), "");
            }
        }
        return out;
    }

    /** The incident as the API shows it: components expanded, impact computed unless overridden. */
    static ObjectNode render(ObjectNode state, JsonNode stored) {
        ObjectNode i = ((ObjectNode) stored).deepCopy();
        ArrayNode comps = F.arrayNode();
        String worst = "none";
        for (JsonNode id : stored.path("component_ids")) {
            ObjectNode c = component(state, id.asText());
            if (c != null) {
                comps.add(c);
            }
        }
        for (JsonNode u : stored.path("incident_updates")) {
            for (JsonNode a : u.path("affected_components")) {
                worst = worse(worst, impactOf(a.path("new_status").asText()));
            }
        }
        i.remove("component_ids");
        i.set("components", comps);
        i.put("impact", stored.path("impact_override").asText(worst));
        return i;
    }

    private static String impactOf(String componentStatus) {
        return switch (componentStatus) {
            case "major_outage" -> "critical";
            case "partial_outage" -> "major";
            case "degraded_performance" -> "minor";
            case "under_maintenance" -> "maintenance";
            default -> "none";
        };
    }

    private static String worse(String a, String b) {
        List<String> order = List.of("none", "maintenance", "minor", "major", "critical");
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }

    static ObjectNode component(ObjectNode state, String id) {
        for (JsonNode c : state.path("components")) {
            if (c.path("id").asText().equals(id)) {
                return (ObjectNode) c;
            }
        }
        return null;
    }

    private static ObjectNode group(ObjectNode state, JsonNode g) {
        ObjectNode out = F.objectNode();
        out.put("id", g.path("id").asText()).put("page_id", PAGE_ID).put("name", g.path("name").asText())
                .put("description", g.path("description").asText()).put("position", g.path("position").asText())
                .put("created_at", g.path("created_at").asText()).put("updated_at", g.path("updated_at").asText());
        ArrayNode ids = out.putArray("components");
        for (JsonNode c : state.path("components")) {
            if (c.path("group_id").asText().equals(g.path("id").asText())) {
                ids.add(c.path("id").asText());
            }
        }
        return out;
    }

    private static List<JsonNode> newestFirst(List<JsonNode> list) {
        list.sort((a, b) -> b.path("created_at").asText().compareTo(a.path("created_at").asText()));
        return list;
    }

    /** One 1-based page of a bare-array listing; {@code per_page} (or {@code limit}) above 100 is refused. */
    private static ArrayNode page(Exchange ex, List<JsonNode> all, String sizeParam) {
        int per = intParam(ex, sizeParam, MAX_PER_PAGE);
        if (ex.param("per_page") != null && !sizeParam.equals("per_page")) {
            per = intParam(ex, "per_page", MAX_PER_PAGE);
        }
        int page = intParam(ex, "page", 1);
        if (per < 1 || per > MAX_PER_PAGE) {
            throw Reply.json(400, F.objectNode().put("error", sizeParam + " must be between 1 and " + MAX_PER_PAGE));
        }
        if (page < 1) {
            throw Reply.json(400, F.objectNode().put("error", "page must be 1 or more"));
        }
        ArrayNode out = F.arrayNode();
        long from = (long) (page - 1) * per;
        for (long k = from; k < Math.min(all.size(), from + per); k++) {
            out.add(all.get((int) k));
        }
        return out;
    }

    private static int intParam(Exchange ex, String name, int fallback) {
        String v = ex.param(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw Reply.json(400, F.objectNode().put("error", name + " must be a number"));
        }
    }

    private static void authenticate(Exchange ex) {
        String auth = ex.header("Authorization");
        if (("OAuth " + TOKEN).equals(auth) || (auth == null && TOKEN.equals(ex.param("api_key")))) {
            return;
        }
        throw Reply.json(401, F.objectNode().put("message", "Could not authenticate"));
    }

    private static Reply notFound() {
        return Reply.json(404, F.objectNode().put("error", "The requested resource could not be found."));
    }

    private static Reply invalid(String... problems) {
        ObjectNode n = F.objectNode();
        ArrayNode arr = n.putArray("error");
        for (String p : problems) {
            arr.add(p);
        }
        return Reply.json(422, n);
    }
}
