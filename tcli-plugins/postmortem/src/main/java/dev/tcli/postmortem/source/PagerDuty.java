package dev.tcli.postmortem.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import dev.tcli.spi.http.ApiClient;
import dev.tcli.spi.http.ApiException;
import dev.tcli.spi.http.Pages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small read-only PagerDuty REST v2 client: one incident, its log entries, and the incidents
 * of a window. Only GETs, so nothing here needs {@code From} or journaling.
 */
public final class PagerDuty implements Pager {
    public static final String DEFAULT_URL = "https://api.pagerduty.com";
    private static final int PAGE = 100;
    private final ApiClient api;

    PagerDuty(ApiClient api) {
        this.api = api;
    }

    public static PagerDuty connect(ModuleContext ctx) {
        String base = ctx.settings("pagerduty").string("base_url", DEFAULT_URL);
        String token = ctx.secret("pagerduty", "token");
        return new PagerDuty(ctx.http().api("pagerduty").baseUrl(base)
                .header("Authorization", "Token token=" + token, true)
                .header("Accept", "application/vnd.pagerduty+json;version=2")
                .build());
    }

    @Override
    public String name() {
        return "PagerDuty";
    }

    @Override
    public List<LogEntry> logEntries(JsonNode incident) {
        return logEntries(incident.path("id").asText());
    }

    /** One incident by id or number; exit 5 naming it when PagerDuty does not know it. */
    @Override
    public JsonNode incident(String ref) {
        String id = ref.startsWith("#") ? ref.substring(1) : ref;
        try {
            JsonNode n = api.get("/incidents/" + id).path("incident");
            if (!n.isObject()) {
                throw TcliException.unavailable("PagerDuty answered GET /incidents/" + id + " without an incident object", null);
            }
            return n;
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw TcliException.notFound("no PagerDuty incident " + ref
                        + ": check the id or number with `tcli oncall incidents --since 30d`");
            }
            throw e;
        }
    }

    /** Every log entry of an incident, oldest first (trigger, notify, acknowledge, escalate, assign, annotate, resolve). */
    public List<LogEntry> logEntries(String incidentId) {
        List<LogEntry> out = new ArrayList<>();
        for (JsonNode e : Pages.byOffset(offset -> page("/incidents/" + incidentId + "/log_entries", "log_entries",
                Map.of("limit", PAGE, "offset", offset, "time_zone", "UTC")))) {
            LogEntry le = LogEntry.of(e);
            if (le != null) {
                out.add(le);
            }
        }
        out.sort(null);
        return out;
    }

    /** Incidents created in {@code [since, until)}, any status, streamed 100 at a time. */
    public Iterable<JsonNode> incidents(Instant since, Instant until, List<String> teamIds) {
        return Pages.byOffset(offset -> {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("since", Times.utc(since));
            q.put("until", Times.utc(until));
            q.put("statuses[]", List.of("triggered", "acknowledged", "resolved"));
            if (!teamIds.isEmpty()) {
                q.put("team_ids[]", teamIds);
            }
            q.put("time_zone", "UTC");
            q.put("sort_by", "created_at:asc");
            q.put("limit", PAGE);
            q.put("offset", offset);
            return page("/incidents", "incidents", q);
        });
    }

    /**
     * A team id from an id or a name: ids (seven capitals and digits, e.g. {@code PTBLDR1}) pass
     * through, names are looked up with {@code GET /teams?query=}.
     */
    public String teamId(String nameOrId) {
        if (nameOrId.matches("P[A-Z0-9]{6}")) {
            return nameOrId;
        }
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode t : Pages.byOffset(offset -> page("/teams", "teams", Map.of("query", nameOrId, "limit", PAGE, "offset", offset)))) {
            if (t.path("name").asText(t.path("summary").asText()).equalsIgnoreCase(nameOrId)) {
                return t.path("id").asText();
            }
            found.add(t);
        }
        if (found.size() == 1) {
            return found.get(0).path("id").asText();
        }
        if (found.isEmpty()) {
            throw TcliException.notFound("no PagerDuty team matches '" + nameOrId + "': give its name or id (e.g. PTBLDR1)");
        }
        List<String> names = found.stream().map(t -> t.path("name").asText(t.path("summary").asText())).toList();
        throw TcliException.usage("'" + nameOrId + "' matches several PagerDuty teams (" + String.join(", ", names) + "): give the exact name or the id");
    }

    private Pages.Page page(String path, String key, Map<String, ?> query) {
        JsonNode reply = api.get(path, query);
        JsonNode items = reply.path(key);
        if (!items.isArray()) {
            throw TcliException.unavailable("PagerDuty answered GET " + path + " without a '" + key + "' list", null);
        }
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return new Pages.Page(list, reply.path("more").asBoolean(false));
    }
}
