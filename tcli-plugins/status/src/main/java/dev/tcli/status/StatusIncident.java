package dev.tcli.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An incident on the status page, with its updates newest first. Times are ISO-8601 UTC as the
 * API gives them; tables show them in the profile's zone.
 *
 * @param components the names of the affected components
 */
public record StatusIncident(String id, String name, String status, String impact, String createdAt, String updatedAt,
        String resolvedAt, String shortlink, List<String> components, List<Update> updates) {

    /** One posted update. {@code changes} reads like {@code API: operational -> degraded_performance}. */
    public record Update(String id, String status, String body, String createdAt, List<String> changes) {
    }

    public static StatusIncident of(JsonNode n) {
        List<String> comps = new ArrayList<>();
        n.path("components").forEach(c -> comps.add(c.path("name").asText()));
        List<Update> updates = new ArrayList<>();
        for (JsonNode u : n.path("incident_updates")) {
            List<String> changes = new ArrayList<>();
            for (JsonNode a : u.path("affected_components")) {
                changes.add(a.path("name").asText() + ": " + a.path("old_status").asText() + " -> " + a.path("new_status").asText());
            }
            updates.add(new Update(u.path("id").asText(), u.path("status").asText(), u.path("body").asText(),
                    u.path("created_at").asText(null), changes));
        }
        return new StatusIncident(n.path("id").asText(), n.path("name").asText(), n.path("status").asText(),
                n.path("impact").asText(null), n.path("created_at").asText(null), n.path("updated_at").asText(null),
                n.path("resolved_at").asText(null), n.path("shortlink").asText(null), comps, updates);
    }

    public boolean resolved() {
        return "resolved".equals(status) || "completed".equals(status);
    }
}
