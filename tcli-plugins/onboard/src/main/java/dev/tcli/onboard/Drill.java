package dev.tcli.onboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.sandbox.sumologic.SumoLogicEmulator;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import dev.tcli.spi.http.ApiClient;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One practice incident: pages the trainee through the sandbox's PagerDuty Events API, puts
 * matching errors into the sandbox's logs, then watches the emulators' shared state for the
 * runbook's steps (ack, status page incident, a log search that finds the error, both resolved,
 * a postmortem draft) and times each from the page.
 */
public final class Drill {
    static final String PD_ACCEPT = "application/vnd.pagerduty+json;version=2";
    static final String SERVICE = "builder-api";
    static final String HOST = "live-builder-api-1";
    static final String CATEGORY = "live/api";
    static final String ERROR = "datastore connection pool exhausted (20/20 in use, waited 5000ms)";

    /** The runbook's steps in order: key, what the trainee does. */
    public static final Map<String, String> STEPS = steps();

    private final ModuleContext ctx;
    private final SandboxState state;
    private final Path dir;
    private final Map<String, Instant> done = new LinkedHashMap<>();
    private final Map<String, String> details = new LinkedHashMap<>();
    private final List<Map<String, String>> injected = new ArrayList<>();
    private Instant start;
    private String dedupKey;
    private String incidentId;
    private Integer number;
    private String title;
    private Set<String> statusBefore = new HashSet<>();
    private String statusIncident;
    private boolean logsAvailable;

    public Drill(ModuleContext ctx, Path dir) {
        this.ctx = ctx;
        this.state = new SandboxState(ctx);
        this.dir = dir;
    }

    private static Map<String, String> steps() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ack", "acknowledge the page");
        m.put("status_update", "tell customers: post a status page incident");
        m.put("find_the_log", "find the error in the logs");
        m.put("resolve", "resolve the incident and the status page incident");
        m.put("postmortem", "draft the postmortem (postmortem-*.md)");
        return m;
    }

    public Integer number() {
        return number;
    }

    public String title() {
        return title;
    }

    // ---- setting the scene ---------------------------------------------------------------------

    /** Pages through the Events API (as a monitor would) and puts the matching errors in the logs. */
    public void begin() {
        JsonNode sp = state.copy("statuspage", "incidents");
        if (sp != null) {
            sp.forEach(i -> statusBefore.add(i.path("id").asText()));
        }
        start = ctx.clock().instant();
        dedupKey = "tcli-drill-" + start.getEpochSecond();
        title = SERVICE + ": " + ERROR.replaceAll(" \\(.*", "") + " on " + HOST + " [drill]";
        event("trigger", Map.of("summary", title, "source", HOST, "severity", "critical", "component", SERVICE));
        JsonNode incident = state.<JsonNode>read("pagerduty", s -> {
            for (JsonNode i : s.path("incidents")) {
                if (i.path("incident_key").asText().equals(dedupKey)) {
                    return i.deepCopy();
                }
            }
            return null;
        }).orElse(null);
        if (incident == null) {
            throw TcliException.failed("the sandbox accepted the practice page but opened no incident; run 'tcli sandbox reset' and try again");
        }
        incidentId = incident.path("id").asText();
        number = incident.path("number").asInt();
        long now = start.toEpochMilli();
        for (int k = 24; k >= 1; k--) {
            long at = now - k * 10_000L;
            Map<String, String> m = new LinkedHashMap<>();
            m.put("_messagetime", String.valueOf(at));
            m.put("_sourcecategory", CATEGORY);
            m.put("_sourcehost", HOST);
            m.put("_sourcename", "/hab/svc/builder-api/logs/stdout.log");
            m.put("_raw", Instant.ofEpochMilli(at) + " ERROR builder_api::server: GET /v1/depot/channels/core/stable/pkgs 503: " + ERROR);
            injected.add(m);
        }
        logsAvailable = state.injectLogs(injected);
    }

    /** One PagerDuty Events v2 call for this drill's dedup key (the routing key is the service's integration). */
    private void event(String action, Map<String, Object> payload) {
        var pd = ctx.settings("pagerduty");
        ApiClient rest = ctx.http().api("pagerduty").baseUrl(pd.require("base_url"))
                .header("Authorization", "Token token=" + ctx.secret("pagerduty", "token"), true)
                .header("Accept", PD_ACCEPT).build();
        String key = null;
        for (JsonNode s : rest.get("/services", Map.of("query", SERVICE, "include[]", "integrations")).path("services")) {
            for (JsonNode i : s.path("integrations")) {
                if (s.path("name").asText().equals(SERVICE) && i.hasNonNull("integration_key")) {
                    key = i.get("integration_key").asText();
                }
            }
        }
        if (key == null) {
            throw TcliException.failed("the sandbox has no Events integration on " + SERVICE + "; run 'tcli sandbox reset'");
        }
        ctx.redact(key);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routing_key", key);
        body.put("event_action", action);
        body.put("dedup_key", dedupKey);
        if (payload != null) {
            body.put("payload", payload);
        }
        ApiClient events = ctx.http().api("pagerduty-events").baseUrl(pd.string("events_url", pd.require("base_url"))).retryPosts().build();
        ApiClient.Response r = events.exchange("POST", "/v2/enqueue", null, body, Map.of());
        if (r.status() != 202 && r.status() != 200) {
            throw TcliException.failed("the sandbox's PagerDuty Events API answered HTTP " + r.status() + " to the practice " + action);
        }
    }

    /** Resolves the practice page if the trainee did not, so the sandbox is not left paging. */
    public boolean cleanUp() {
        if (incidentId == null || !"resolved".equals(pdStatus())) {
            try {
                event("resolve", null);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    // ---- watching -----------------------------------------------------------------------------

    /** Reads the sandbox once; returns the steps newly done. */
    public List<String> poll() {
        Instant now = ctx.clock().instant();
        List<String> fresh = new ArrayList<>();
        String pd = pdStatus();
        if (!done.containsKey("ack") && pd != null && !pd.equals("triggered")) {
            mark("ack", now, "#" + number + " " + pd, fresh);
        }
        if (statusIncident == null) {
            JsonNode sp = state.copy("statuspage", "incidents");
            if (sp != null) {
                for (JsonNode i : sp) {
                    if (!statusBefore.contains(i.path("id").asText())) {
                        statusIncident = i.path("id").asText();
                        mark("status_update", now, "status page incident " + statusIncident + ": " + i.path("name").asText(), fresh);
                        break;
                    }
                }
            }
        }
        if (!done.containsKey("find_the_log") && logsAvailable) {
            String q = matchingSearch();
            if (q != null) {
                mark("find_the_log", now, "searched: " + q, fresh);
            }
        }
        if (!done.containsKey("resolve") && "resolved".equals(pd) && statusIncident != null && statusResolved()) {
            mark("resolve", now, "#" + number + " and " + statusIncident + " resolved", fresh);
        }
        if (!done.containsKey("postmortem")) {
            Path draft = postmortem();
            if (draft != null) {
                mark("postmortem", now, draft.toString(), fresh);
            }
        }
        return fresh;
    }

    private void mark(String step, Instant at, String detail, List<String> fresh) {
        done.put(step, at);
        details.put(step, detail);
        fresh.add(step);
    }

    public boolean allDone() {
        return done.keySet().containsAll(STEPS.keySet());
    }

    public Duration elapsed(String step) {
        Instant at = done.get(step);
        return at == null ? null : Duration.between(start, at);
    }

    private String pdStatus() {
        return state.read("pagerduty", s -> {
            for (JsonNode i : s.path("incidents")) {
                if (i.path("id").asText().equals(incidentId)) {
                    return i.path("status").asText();
                }
            }
            return null;
        }).orElse(null);
    }

    private boolean statusResolved() {
        JsonNode sp = state.copy("statuspage", "incidents");
        if (sp == null) {
            return false;
        }
        for (JsonNode i : sp) {
            if (i.path("id").asText().equals(statusIncident)) {
                return Set.of("resolved", "postmortem", "completed").contains(i.path("status").asText());
            }
        }
        return false;
    }

    /** A search started after the page whose query and time range find an injected error. */
    private String matchingSearch() {
        JsonNode searches = state.copy("sumologic", "searches");
        if (searches == null) {
            return null;
        }
        long since = start.toEpochMilli() - 1000;
        for (JsonNode j : searches) {
            if (j.path("created").asLong() < since) {
                continue;
            }
            String query = j.path("query").asText();
            for (Map<String, String> m : injected) {
                if (SumoLogicEmulator.wouldFind(query, j.path("from").asLong(), j.path("to").asLong(), m)) {
                    return query;
                }
            }
        }
        return null;
    }

    private Path postmortem() {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "postmortem-*.md")) {
            for (Path f : files) {
                if (!Files.getLastModifiedTime(f).toInstant().isBefore(start.minusSeconds(1))) {
                    return f;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    // ---- the end ------------------------------------------------------------------------------

    public Scorecard scorecard(String ended) {
        List<Scorecard.StepResult> steps = new ArrayList<>();
        for (var e : STEPS.entrySet()) {
            Duration d = elapsed(e.getKey());
            String detail = details.get(e.getKey());
            if (d == null && e.getKey().equals("find_the_log") && !logsAvailable) {
                detail = "the sandbox has no Sumo Logic emulator";
            }
            steps.add(new Scorecard.StepResult(e.getKey(), e.getValue(), d != null, d == null ? null : secs(d), detail));
        }
        return new Scorecard(incidentId, number, title, Times.utc(start), ended, secs(elapsed("ack")), secs(elapsed("status_update")),
                secs(elapsed("find_the_log")), secs(elapsed("resolve")), secs(elapsed("postmortem")), steps,
                Scorecard.advice(steps, ctx.profile(), number));
    }

    private static Double secs(Duration d) {
        return d == null ? null : d.toMillis() / 1000.0;
    }
}
