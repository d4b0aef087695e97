package dev.tcli.postmortem.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.http.ApiClient;
import dev.tcli.spi.http.ApiException;

/** A read-only Statuspage v1 client: one incident with its updates. */
public final class Statuspage {
    public static final String DEFAULT_URL = "https://api.statuspage.io/v1";
    private final ApiClient api;
    private final String pageId;

    Statuspage(ApiClient api, String pageId) {
        this.api = api;
        this.pageId = pageId;
    }

    public static Statuspage connect(ModuleContext ctx) {
        var s = ctx.settings("statuspage");
        String base = s.string("base_url", DEFAULT_URL);
        // DESIGN.md's example writes the bare host; the API itself lives under /v1
        if (base.replaceAll("/+$", "").equals("https://api.statuspage.io")) {
            base = DEFAULT_URL;
        }
        String page = s.require("page_id");
        String token = ctx.secret("statuspage", "token");
        return new Statuspage(ctx.http().api("statuspage").baseUrl(base).header("Authorization", "OAuth " + token, true).build(),
                page);
    }

    /** The incident with its {@code incident_updates}; exit 5 naming it when the page does not have it. */
    public JsonNode incident(String id) {
        try {
            JsonNode n = api.get("/pages/" + pageId + "/incidents/" + id);
            if (!n.isObject() || !n.has("id")) {
                throw TcliException.unavailable("Statuspage answered GET /pages/" + pageId + "/incidents/" + id
                        + " without an incident object", null);
            }
            return n;
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw TcliException.notFound("no Statuspage incident " + id + " on page " + pageId
                        + ": check the id with `tcli status incident list`");
            }
            throw e;
        }
    }
}
