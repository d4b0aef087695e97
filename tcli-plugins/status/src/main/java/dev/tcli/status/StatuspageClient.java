package dev.tcli.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.http.ApiClient;
import dev.tcli.spi.http.ApiException;
import dev.tcli.spi.http.ApiPath;
import dev.tcli.spi.http.Pages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Statuspage v1 calls tcli makes, for one page. Lists are bare arrays paged by {@code page}
 * (1-based) and {@code per_page} (at most 100); a short page is the last one (CONTRACTS.md).
 */
public final class StatuspageClient {
    public static final String DEFAULT_URL = "https://api.statuspage.io/v1";
    static final int MAX_PER_PAGE = 100;

    private final ApiClient api;
    private final String pageId;
    private final int perPage;
    /** On a dry run a write sends nothing and its answer is missing: only real answers are checked. */
    private boolean dryRun;
    /** For journaling writes whose outcome is unknown (null in tests that build a bare client). */
    private dev.tcli.spi.ModuleContext ctx;

    StatuspageClient(ApiClient api, String pageId, int perPage) {
        this.api = api;
        this.pageId = pageId;
        this.perPage = perPage;
    }

    /** From {@code [profiles.X.statuspage]}: base_url (default the public API), page_id, token or token_cmd. */
    public static StatuspageClient connect(ModuleContext ctx) {
        var s = ctx.settings("statuspage");
        String base = apiBase(s.string("base_url", DEFAULT_URL));
        String page = s.require("page_id");
        String token = ctx.secret("statuspage", "token");
        int perPage = Math.max(1, Math.min(MAX_PER_PAGE, s.integer("per_page").orElse(MAX_PER_PAGE)));
        ApiClient api = ctx.http().api("statuspage").baseUrl(base).header("Authorization", "OAuth " + token, true).build();
        StatuspageClient c = new StatuspageClient(api, page, perPage);
        c.dryRun = ctx.flags().dryRun();
        c.ctx = ctx;
        return c;
    }

    /**
     * base_url as the API wants it: documented as a host, so any base without a version segment
     * ({@code /v1}) gets {@code /v1} added (a proxy's {@code https://proxy/statuspage} too), not only
     * the exact public host.
     */
    static String apiBase(String configured) {
        String base = configured.replaceAll("/+$", "");
        return base.matches("(?i)^[a-z][a-z0-9+.-]*://[^/]+(/.*)?/v\\d+$") ? base : base + "/v1";
    }

    public String pageId() {
        return pageId;
    }

    /** Every component, groups included (a group has {@code group: true}), in page order. */
    public Iterable<JsonNode> rawComponents() {
        return paged(ApiPath.of("/pages/{}/components", pageId), "per_page", Map.of());
    }

    /** The components people set (not the group containers), each with its group's name. */
    public List<Component> components() {
        List<JsonNode> all = new ArrayList<>();
        rawComponents().forEach(all::add);
        Map<String, String> groups = new LinkedHashMap<>();
        for (JsonNode c : all) {
            if (c.path("group").asBoolean()) {
                groups.put(c.path("id").asText(), c.path("name").asText());
            }
        }
        List<Component> out = new ArrayList<>();
        for (JsonNode c : all) {
            if (!c.path("group").asBoolean()) {
                out.add(Component.of(c, groups));
            }
        }
        return out;
    }

    public JsonNode setComponentStatus(String componentId, ComponentStatus status) {
        Map<String, Object> body = Map.of("component", Map.of("status", status.api()));
        return unknownOutcome("component set", componentId, Map.of("component_id", componentId, "to", status.api()),
                "tcli status components", () -> written(api.send("PATCH", ApiPath.of("/pages/{}/components/{}", pageId, componentId),
                        null, body, Map.of()), "PATCH /components/" + componentId));
    }

    /** Incidents newest first; {@code unresolved} uses the page's own unresolved listing. */
    public Iterable<JsonNode> incidents(boolean unresolved) {
        return unresolved ? paged(ApiPath.of("/pages/{}/incidents/unresolved", pageId), "per_page", Map.of())
                : paged(ApiPath.of("/pages/{}/incidents", pageId), "limit", Map.of());
    }

    /** One incident with its updates; exit 5 naming it when the page has no such incident. */
    public JsonNode incident(String id) {
        try {
            return object(api.get(ApiPath.of("/pages/{}/incidents/{}", pageId, id)), "GET /incidents/" + id);
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw TcliException.notFound("no incident " + id + " on status page " + pageId
                        + ": list them with `tcli status incident list`");
            }
            throw e;
        }
    }

    public JsonNode createIncident(ObjectNode incident) {
        return unknownOutcome("incident create", incident.path("name").asText(), Map.of("name", incident.path("name").asText()),
                "tcli status incident list --unresolved", () -> written(refine(() -> api.send("POST", ApiPath.of("/pages/{}/incidents", pageId),
                        null, wrap(incident), Map.of())), "POST /incidents"));
    }

    public JsonNode updateIncident(String id, ObjectNode incident) {
        String verb = "resolved".equals(incident.path("status").asText()) ? "incident resolve" : "incident update";
        return unknownOutcome(verb, id, Map.of("status", incident.path("status").asText("")), "tcli status incident show " + id,
                () -> written(refine(() -> api.send("PATCH", ApiPath.of("/pages/{}/incidents/{}", pageId, id), null, wrap(incident),
                        Map.of())), "PATCH /incidents/" + id));
    }

    public List<JsonNode> templates() {
        List<JsonNode> out = new ArrayList<>();
        paged(ApiPath.of("/pages/{}/incident_templates", pageId), "per_page", Map.of()).forEach(out::add);
        return out;
    }

    /** A timeout, 5xx, malformed answer or Ctrl-C after sending: journaled as unknown, "check before retrying". */
    private JsonNode unknownOutcome(String verb, String target, Map<String, ?> details, String check,
            java.util.function.Supplier<JsonNode> write) {
        if (ctx == null) {
            return write.get();
        }
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put("page_id", pageId);
        return dev.tcli.spi.UnknownOutcome.guard(ctx, "status", verb, target, d, check, write);
    }

    /**
     * A write's answer must name what was written: an empty or id-less 2xx is exit 6 (the write
     * may have happened: the caller journals it as unknown), never "done" with an empty target.
     */
    private JsonNode written(JsonNode reply, String where) {
        if (!dryRun) {
            ApiException.text(reply, "id", "statuspage", where);
        }
        return reply;
    }

    private static ObjectNode wrap(ObjectNode incident) {
        ObjectNode body = incident.objectNode();
        body.set("incident", incident);
        return body;
    }

    /** A 422 from the page is our request's fault: say what the page said (it names the field). */
    private JsonNode refine(java.util.function.Supplier<JsonNode> call) {
        try {
            return call.get();
        } catch (ApiException e) {
            if (e.status() == 422 || e.status() == 400) {
                throw new TcliException(dev.tcli.spi.ExitCode.FAILED, "the status page refused the change: "
                        + e.getMessage().replaceFirst("^statuspage refused [^:]*: ", ""));
            }
            throw e;
        }
    }

    private Iterable<JsonNode> paged(String path, String sizeParam, Map<String, Object> extra) {
        return Pages.byOffset(offset -> {
            Map<String, Object> q = new LinkedHashMap<>(extra);
            q.put("page", offset / perPage + 1);
            q.put(sizeParam, perPage);
            JsonNode arr = api.get(path, q);
            if (!arr.isArray()) {
                throw TcliException.unavailable("statuspage answered GET " + path + " without a list; check base_url "
                        + api.baseUrl() + " (it should end in /v1)", null);
            }
            List<JsonNode> items = new ArrayList<>();
            arr.forEach(items::add);
            return new Pages.Page(items, items.size() == perPage);
        });
    }

    private static JsonNode object(JsonNode n, String what) {
        if (!n.isObject() || !n.has("id")) {
            throw TcliException.unavailable("statuspage answered " + what + " without an object; check base_url", null);
        }
        return n;
    }
}
