package dev.tcli.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One component of the status page, as tcli shows it.
 *
 * @param group the name of the component group it sits in, or null
 */
public record Component(String id, String name, String status, String group) {

    static Component of(JsonNode n, Map<String, String> groupNames) {
        String groupId = n.path("group_id").asText(null);
        return new Component(n.path("id").asText(), n.path("name").asText(), n.path("status").asText(),
                groupId == null ? null : groupNames.get(groupId));
    }
}
