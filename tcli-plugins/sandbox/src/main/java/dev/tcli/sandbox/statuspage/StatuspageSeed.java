package dev.tcli.sandbox.statuspage;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.Seed;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Habitat Builder status page: components (API and Builder Web in the "Builder" group, Depot,
 * Build Workers), the team's incident templates, a few past incidents with their updates, and one
 * unresolved incident a few minutes old that matches the open PagerDuty incident on builder-api.
 */
final class StatuspageSeed {
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private StatuspageSeed() {
    }

    /** A Statuspage-looking 12-character id, stable for a kind and number. */
    static String id(String kind, int n) {
        Random r = new Random(kind.hashCode() * 1_000_003L + n);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private record Past(String name, String component, String status, int daysAgo, int minutes, String[] bodies) {
    }

    private static final List<Past> PAST = List.of(
            new Past("Builder API errors during deploy", "API", "partial_outage", 2, 38, new String[] {
                "We are investigating elevated error rates on the Builder API.",
                "A bad configuration in the latest deploy has been identified; rolling back.",
                "The rollback is complete and error rates are back to normal. We are monitoring.",
                "This incident has been resolved."}),
            new Past("Slow package downloads from the Depot", "Depot", "degraded_performance", 6, 95, new String[] {
                "Package downloads from the Depot are slower than usual. We are investigating.",
                "The storage backend was throttling requests; capacity has been raised.",
                "Download times have recovered. We are monitoring.",
                "This incident has been resolved."}),
            new Past("Builds queued for longer than usual", "Build Workers", "degraded_performance", 11, 140, new String[] {
                "Builds are waiting in the queue longer than usual. We are investigating.",
                "Two build workers stopped taking jobs after a kernel update; they are being replaced.",
                "New workers are processing the backlog. We are monitoring.",
                "This incident has been resolved."}),
            new Past("Builder Web sign-in failures", "Builder Web", "major_outage", 19, 52, new String[] {
                "Some users cannot sign in to Builder. We are investigating.",
                "The OAuth callback was failing after a certificate rotation; a fix is being deployed.",
                "Sign-in works again. We are monitoring.",
                "This incident has been resolved."}));

    static ObjectNode seed(Seed seed) {
        Random r = seed.random("statuspage");
        Instant now = seed.now();
        ObjectNode s = StatuspageEmulator.F.objectNode();
        s.put("page_id", StatuspageEmulator.PAGE_ID);
        s.put("page_created_at", now.minus(Duration.ofDays(900)).toString());
        ArrayNode comps = s.putArray("components");
        String created = now.minus(Duration.ofDays(900)).toString();
        String groupId = id("g", 1);
        Map<String, String> ids = new LinkedHashMap<>();
        component(comps, groupId, "Builder", "Builder API and web app", null, true, 1, created);
        ids.put("API", id("c", 1));
        component(comps, ids.get("API"), "API", "The Builder REST API used by the hab CLI", groupId, false, 2, created);
        ids.put("Builder Web", id("c", 2));
        component(comps, ids.get("Builder Web"), "Builder Web", "bldr.habitat.sh", groupId, false, 3, created);
        ids.put("Depot", id("c", 3));
        component(comps, ids.get("Depot"), "Depot", "Package downloads and uploads", null, false, 4, created);
        ids.put("Build Workers", id("c", 4));
        component(comps, ids.get("Build Workers"), "Build Workers", "Package builds from plans", null, false, 5, created);

        ArrayNode templates = s.putArray("templates");
        template(templates, 1, "Investigating API errors", "Elevated error rates on the Builder API", "investigating",
                "We are investigating elevated error rates on the Builder API. Some hab commands may fail; retrying should help.",
                ids.get("API"));
        template(templates, 2, "Builds delayed", "Builds are delayed", "investigating",
                "Builds are taking longer than usual to start. Queued builds will run; no action is needed on your side.",
                ids.get("Build Workers"));
        template(templates, 3, "Depot degraded", "Slow or failing package downloads", "investigating",
                "Package downloads from the Depot are slow or failing for some users. We are investigating.",
                ids.get("Depot"));
        template(templates, 4, "Scheduled maintenance", "Scheduled database maintenance", "scheduled",
                "Builder will be read-only for up to 30 minutes during database maintenance.", ids.get("API"));
        template(templates, 5, "All clear", "Resolved", "resolved",
                "This incident has been resolved. Thank you for your patience.", null);

        ArrayNode incidents = s.putArray("incidents");
        int n = 1;
        int u = 1;
        for (Past p : PAST) {
            Instant start = now.minus(Duration.ofDays(p.daysAgo())).minus(Duration.ofMinutes(r.nextInt(600)));
            ObjectNode i = incidents.addObject();
            String incId = id("i", n++);
            i.put("id", incId).put("name", p.name()).put("status", "resolved").put("created_at", start.toString())
                    .put("shortlink", "https://stspg.io/" + incId.substring(0, 7)).put("page_id", StatuspageEmulator.PAGE_ID);
            i.putArray("component_ids").add(ids.get(p.component()));
            ArrayNode ups = i.putArray("incident_updates");
            String[] statuses = {"investigating", "identified", "monitoring", "resolved"};
            Instant[] at = {start, start.plus(Duration.ofMinutes(p.minutes() / 4)), start.plus(Duration.ofMinutes(p.minutes() / 2)),
                start.plus(Duration.ofMinutes(p.minutes()))};
            for (int k = 3; k >= 0; k--) {
                ObjectNode up = ups.addObject();
                up.put("id", id("u", 1000 + u++)).put("incident_id", incId).put("status", statuses[k]).put("body", p.bodies()[k])
                        .put("created_at", at[k].toString()).put("updated_at", at[k].toString()).put("display_at", at[k].toString())
                        .put("deliver_notifications", true);
                ArrayNode aff = up.putArray("affected_components");
                if (k == 0 || k == 3) {
                    aff.addObject().put("code", ids.get(p.component())).put("name", p.component())
                            .put("old_status", k == 0 ? "operational" : p.status()).put("new_status", k == 0 ? p.status() : "operational");
                }
            }
            i.put("updated_at", at[3].toString()).put("monitoring_at", at[2].toString()).put("resolved_at", at[3].toString());
        }
        // the one still open: matches PagerDuty's "builder-api: 5xx rate above 5%", minutes old
        Instant open = now.minus(Duration.ofMinutes(4));
        ObjectNode i = incidents.addObject();
        String incId = id("i", n++);
        i.put("id", incId).put("name", "Elevated error rates on the Builder API").put("status", "investigating")
                .put("created_at", open.toString()).put("updated_at", open.toString())
                .put("shortlink", "https://stspg.io/" + incId.substring(0, 7)).put("page_id", StatuspageEmulator.PAGE_ID);
        i.putArray("component_ids").add(ids.get("API"));
        ObjectNode up = i.putArray("incident_updates").addObject();
        up.put("id", id("u", 1000 + u++)).put("incident_id", incId).put("status", "investigating")
                .put("body", "We are investigating elevated error rates on the Builder API. Some hab commands may fail; retrying should help.")
                .put("created_at", open.toString()).put("updated_at", open.toString()).put("display_at", open.toString())
                .put("deliver_notifications", true);
        up.putArray("affected_components").addObject().put("code", ids.get("API")).put("name", "API")
                .put("old_status", "operational").put("new_status", "degraded_performance");
        StatuspageEmulator.component(s, ids.get("API")).put("status", "degraded_performance").put("updated_at", open.toString());
        s.put("next_incident", n);
        s.put("next_update", u + 1000);
        return s;
    }

    private static void component(ArrayNode comps, String id, String name, String description, String groupId, boolean group,
            int position, String created) {
        ObjectNode c = comps.addObject();
        c.put("id", id).put("page_id", StatuspageEmulator.PAGE_ID).put("name", name).put("description", description)
                .put("status", "operational").put("position", position).put("group", group).put("showcase", true)
                .put("only_show_if_degraded", false).put("created_at", created).put("updated_at", created);
        if (groupId != null) {
            c.put("group_id", groupId);
        }
    }

    private static void template(ArrayNode templates, int n, String name, String title, String status, String body, String componentId) {
        ObjectNode t = templates.addObject();
        t.put("id", id("t", n)).put("name", name).put("title", title).put("update_status", status).put("body", body)
                .put("group_id", id("tg", 1)).put("should_tweet", false).put("should_send_notifications", true);
        ArrayNode ids = t.putArray("component_ids");
        if (componentId != null) {
            ids.add(componentId);
        }
    }
}
