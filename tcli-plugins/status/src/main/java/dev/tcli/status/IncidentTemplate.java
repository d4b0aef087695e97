package dev.tcli.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the page's incident templates: {@code title} becomes the incident name, {@code body} the
 * first update, {@code status} its status.
 *
 * @param componentIds the template's affected components (ids, for the create request)
 * @param components   their names
 */
public record IncidentTemplate(String id, String name, String title, String status, String body, List<String> components,
        List<String> componentIds) {

    public static IncidentTemplate of(JsonNode n) {
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (JsonNode c : n.path("components")) {
            names.add(c.path("name").asText());
            ids.add(c.path("id").asText());
        }
        return new IncidentTemplate(n.path("id").asText(), n.path("name").asText(), n.path("title").asText(null),
                n.path("update_status").asText(null), n.path("body").asText(null), names, ids);
    }
}
