package dev.tcli.postmortem.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.http.ApiClient;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A read-only Splunk On-Call (VictorOps) client for postmortems: one incident by number, from the
 * active list (which carries {@code transitions}) or else the reporting API, and its timeline from
 * the transitions (triggered, acknowledged, chat notes, rerouted, resolved). When the answer has
 * no transitions, the start, ack and end times make the timeline.
 */
public final class SplunkOnCall implements Pager {
    public static final String DEFAULT_URL = "https://api.victorops.com";
    private static final Pattern RATE_LIMIT = Pattern.compile("(?i)rate.?limit|too many requests|throttl|limit exceeded");
    private final ApiClient api;
    private final String org;
    private Map<String, String> names;

    SplunkOnCall(ApiClient api, String org) {
        this.api = api;
        this.org = org;
    }

    public static SplunkOnCall connect(ModuleContext ctx) {
        var s = ctx.settings("victorops");
        String id = s.require("api_id");
        String key = ctx.secret("victorops", "api_key");
        // over its rate limit Splunk On-Call answers 403, not 429 (CONTRACTS.md)
        ApiClient api = ctx.http().api("Splunk On-Call").baseUrl(s.string("base_url", DEFAULT_URL))
                .header("X-VO-Api-Id", id).header("X-VO-Api-Key", key, true)
                .rateLimitedWhen((status, body) -> status == 403 && RATE_LIMIT.matcher(body).find()).build();
        return new SplunkOnCall(api, s.string("org", "habitat"));
    }

    @Override
    public String name() {
        return "Splunk On-Call";
    }

    @Override
    public JsonNode incident(String ref) {
        String number = ref.startsWith("#") ? ref.substring(1) : ref;
        if (!number.matches("\\d{1,12}")) {
            throw TcliException.notFound("no Splunk On-Call incident " + ref + ": incidents are numbers like 1042");
        }
        JsonNode raw = null;
        for (JsonNode i : api.get("/api-public/v1/incidents").path("incidents")) {
            if (i.path("incidentNumber").asText().equals(number)) {
                raw = i;
            }
        }
        if (raw == null) {
            JsonNode hist = api.get("/api-reporting/v2/incidents", Map.of("incidentNumber", number,
                    "currentPhase", "triggered,acknowledged,resolved", "limit", 1)).path("incidents");
            if (hist.size() == 0) {
                throw TcliException.notFound("no Splunk On-Call incident " + ref
                        + ": check the number with `tcli oncall incidents --since 30d`");
            }
            raw = hist.get(0);
        }
        return normalized(raw);
    }

    /** PagerDuty's field names for what the draft reads; the raw answer kept under {@code raw}. */
    private ObjectNode normalized(JsonNode i) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        String number = i.path("incidentNumber").asText();
        n.put("id", number).put("incident_number", number)
                .put("title", i.hasNonNull("entityDisplayName") ? i.path("entityDisplayName").asText() : i.path("entityId").asText())
                .put("status", switch (i.path("currentPhase").asText().toUpperCase(java.util.Locale.ROOT)) {
                    case "UNACKED", "TRIGGERED" -> "triggered";
                    case "ACKED", "ACKNOWLEDGED" -> "acknowledged";
                    default -> "resolved";
                })
                .put("urgency", "CRITICAL".equals(i.path("entityState").asText("CRITICAL")) ? "high" : "low")
                .put("html_url", "https://portal.victorops.com/ui/" + org + "/incident/" + number + "/details");
        putTime(n, "created_at", i.path("startTime").asText(null));
        if ("resolved".equals(n.path("status").asText())) {
            putTime(n, "resolved_at", i.path("endTime").asText(null));
        }
        n.putObject("service").put("summary", i.path("service").asText("?"));
        n.set("raw", i);
        return n;
    }

    private static void putTime(ObjectNode n, String field, String text) {
        Instant at = time(text);
        if (at != null) {
            n.put(field, at.toString());
        }
    }

    @Override
    public List<LogEntry> logEntries(JsonNode incident) {
        JsonNode raw = incident.path("raw");
        List<LogEntry> out = new ArrayList<>();
        int k = 0;
        if (raw.path("transitions").isArray() && raw.path("transitions").size() > 0) {
            for (JsonNode t : raw.path("transitions")) {
                Instant at = time(t.path("at").asText(null));
                if (at == null) {
                    continue;
                }
                String name = t.path("name").asText();
                String kind = switch (name) {
                    case "triggered" -> "trigger";
                    case "acknowledged" -> "acknowledge";
                    case "resolved" -> "resolve";
                    case "chat" -> "annotate";
                    case "rerouted" -> "assign";
                    default -> name;
                };
                String by = t.hasNonNull("by") ? person(t.path("by").asText()) : null;
                String summary = switch (kind) {
                    case "trigger" -> "Triggered";
                    case "acknowledge" -> "Acknowledged by " + by;
                    case "resolve" -> "Resolved by " + (by != null ? by : "Splunk On-Call");
                    case "annotate" -> "Note added by " + by;
                    case "assign" -> "Rerouted by " + by + (t.hasNonNull("message") ? " to " + t.path("message").asText() : "");
                    default -> name + (by != null ? " by " + by : "");
                };
                String note = kind.equals("annotate") ? t.path("message").asText(null) : null;
                out.add(new LogEntry("T" + k++, at, kind, by != null ? by : "Splunk On-Call", by != null ? "user" : "service", null,
                        note, summary));
            }
        } else {
            // the reporting API's times when the answer carries no transitions
            Instant start = time(raw.path("startTime").asText(null));
            if (start != null) {
                out.add(new LogEntry("T" + k++, start, "trigger", "Splunk On-Call", "service", null, null, "Triggered"));
            }
            Instant ack = time(raw.path("ackTime").asText(null));
            if (ack != null) {
                String by = raw.hasNonNull("ackUserId") ? person(raw.path("ackUserId").asText()) : null;
                out.add(new LogEntry("T" + k++, ack, "acknowledge", by, by != null ? "user" : "service", null, null,
                        "Acknowledged" + (by != null ? " by " + by : "")));
            }
            Instant end = time(raw.path("endTime").asText(null));
            if (end != null && "resolved".equals(incident.path("status").asText())) {
                out.add(new LogEntry("T" + k, end, "resolve", null, "service", null, null, "Resolved"));
            }
        }
        out.sort(null);
        return out;
    }

    /** A username as the people reading the postmortem know it: the display name. */
    private String person(String username) {
        if (names == null) {
            names = new HashMap<>();
            for (JsonNode u : api.get("/api-public/v1/user").path("users")) {
                String name = u.hasNonNull("displayName") ? u.path("displayName").asText()
                        : (u.path("firstName").asText() + " " + u.path("lastName").asText()).trim();
                names.put(u.path("username").asText(), name.isBlank() ? u.path("username").asText() : name);
            }
        }
        return names.getOrDefault(username, username);
    }

    static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
