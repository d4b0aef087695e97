package dev.tcli.hab;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the supervisor gateway's {@code GET /services} document (habitat-sup-api.yaml). */
public final class GatewayServices {
    private GatewayServices() {
    }

    public static List<ServiceStatus> parse(String node, JsonNode services, Instant now) {
        if (services == null || !services.isArray()) {
            throw new IllegalArgumentException("GET /services did not return a JSON array");
        }
        List<ServiceStatus> rows = new ArrayList<>();
        for (JsonNode s : services) {
            JsonNode pkg = s.path("pkg");
            String ident = pkg.path("ident").asText(null);
            if (ident == null && pkg.has("origin")) {
                ident = pkg.path("origin").asText() + "/" + pkg.path("name").asText() + "/" + pkg.path("version").asText()
                        + "/" + pkg.path("release").asText();
            }
            JsonNode process = s.path("process");
            String state = lower(process.path("state").asText(null));
            Long elapsed = null;
            if (process.path("state_entered").canConvertToLong() && process.path("state_entered").asLong() > 0) {
                elapsed = Math.max(0, now.getEpochSecond() - process.path("state_entered").asLong());
            }
            JsonNode pidNode = process.path("pid");
            String pid = pidNode.isNumber() ? pidNode.asText() : null;
            List<String> binds = new ArrayList<>();
            s.path("binds").forEach(b -> binds.add(b.asText()));
            rows.add(new ServiceStatus(node, ident, lower(s.path("topology").asText(null)), lower(s.path("desired_state").asText(null)),
                    state, elapsed, pid, s.path("service_group").asText(null), lower(s.path("health_check").asText(null)),
                    binds, "gateway", null));
        }
        return rows;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
