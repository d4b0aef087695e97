package dev.tcli.onboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.Settings;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.http.ApiClient;
import dev.tcli.spi.http.ApiException;
import dev.tcli.status.Component;
import dev.tcli.status.StatuspageClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Each configured service's credentials resolve and are accepted, and the PagerDuty user can be
 * reached and is on a rota. Every check is skipped, saying so, when its section is absent.
 */
final class ServiceChecks {
    static final String PD_ACCEPT = "application/vnd.pagerduty+json;version=2";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Contact method types PagerDuty can wake you with (email alone does not). */
    private static final List<String> WAKING = List.of("phone_contact_method", "sms_contact_method", "push_notification_contact_method");

    private final ModuleContext ctx;

    ServiceChecks(ModuleContext ctx) {
        this.ctx = ctx;
    }

    List<Check> all() {
        List<Check> out = new ArrayList<>(pagerDuty());
        out.add(statuspage());
        out.add(sumoLogic());
        out.add(victorOps());
        return out;
    }

    private String notConfigured(String service, String section) {
        return service + " is not configured ([profiles." + ctx.profile() + "." + section + "])";
    }

    // ---- PagerDuty ---------------------------------------------------------------------------

    /** Who the token says I am, and how that was found out. */
    record PdUser(JsonNode user, String how) {
    }

    List<Check> pagerDuty() {
        Settings s = ctx.settings("pagerduty");
        if (!s.present()) {
            String why = notConfigured("PagerDuty", "pagerduty");
            return List.of(Check.skipped("pagerduty", why), Check.skipped("pagerduty-contact", why),
                    Check.skipped("pagerduty-schedule", why));
        }
        String settingsHint = "check token_cmd (or TCLI_PAGERDUTY_TOKEN) in [profiles." + ctx.profile()
                + ".pagerduty]; a user token comes from PagerDuty → My Profile → User Settings → Create API User Token";
        Supplier<ApiClient> api = Lazy.of(() -> ctx.http().api("pagerduty").baseUrl(s.string("base_url", "https://api.pagerduty.com"))
                .header("Authorization", "Token token=" + ctx.secret("pagerduty", "token"), true).header("Accept", PD_ACCEPT).build());
        Supplier<PdUser> me = Lazy.of(() -> me(api.get(), s));
        Check creds = Check.of("pagerduty", settingsHint, t -> {
            PdUser u = me.get();
            return Outcome.pass("token accepted (" + u.how() + "): " + u.user().path("name").asText() + " <"
                    + u.user().path("email").asText() + ">");
        });
        Check contact = Check.of("pagerduty-contact", "add your phone (and the PagerDuty app for push) under PagerDuty → My Profile "
                + "→ Contact Information, then set notification rules that use them", t -> {
                    PdUser u = me.get();
                    List<String> waking = new ArrayList<>();
                    List<String> other = new ArrayList<>();
                    for (JsonNode cm : u.user().path("contact_methods")) {
                        String type = cm.path("type").asText().replace("_reference", "");
                        String label = type.replace("_contact_method", "").replace("push_notification", "push");
                        (WAKING.contains(type) ? waking : other).add(label);
                    }
                    if (waking.isEmpty()) {
                        return Outcome.fail("no phone, SMS or push contact method" + (other.isEmpty() ? "" : " (only " + String.join(", ", other) + ")"));
                    }
                    return Outcome.pass(String.join(", ", waking));
                });
        Check schedule = Check.of("pagerduty-schedule", "ask your team lead to add you to the on-call rotation (a PagerDuty schedule)", t -> {
            String id = me.get().user().path("id").asText();
            List<String> mine = new ArrayList<>();
            int offset = 0;
            while (true) {
                JsonNode page = api.get().get("/schedules", Map.of("limit", 100, "offset", offset));
                for (JsonNode sc : page.path("schedules")) {
                    for (JsonNode u : sc.path("users")) {
                        if (u.path("id").asText().equals(id)) {
                            mine.add(sc.path("name").asText(sc.path("summary").asText()));
                            break;
                        }
                    }
                }
                int n = page.path("schedules").size();
                if (!page.path("more").asBoolean() || n == 0) {
                    break;
                }
                offset += n;
            }
            return mine.isEmpty() ? Outcome.fail(me.get().user().path("name").asText() + " is on no schedule")
                    : Outcome.pass("on " + String.join(", ", mine));
        });
        return List.of(creds, contact, schedule);
    }

    /** GET /users/me (a user token); an account token is refused there, so the configured email finds the user. */
    private PdUser me(ApiClient api, Settings s) {
        try {
            return new PdUser(api.get("/users/me", Map.of("include[]", "contact_methods")).path("user"), "user token");
        } catch (ApiException e) {
            if (e.status() != 400 && e.status() != 403) {
                throw e;
            }
        }
        String email = s.string("email").orElseThrow(() -> TcliException.config("the token is an account token (GET /users/me refused it): "
                + "set email = \"you@example.com\" in [profiles." + ctx.profile() + ".pagerduty]"));
        JsonNode users = api.get("/users", Map.of("query", email, "include[]", "contact_methods")).path("users");
        for (JsonNode u : users) {
            if (u.path("email").asText().equalsIgnoreCase(email)) {
                return new PdUser(u, "account token, user by email");
            }
        }
        throw TcliException.config("the token works but no PagerDuty user has the email '" + email + "' (" + s.where("email") + ")");
    }

    // ---- Statuspage ----------------------------------------------------------------------------

    Check statuspage() {
        if (!ctx.settings("statuspage").present()) {
            return Check.skipped("statuspage", notConfigured("Statuspage", "statuspage"));
        }
        return Check.of("statuspage", "check page_id and token_cmd (or TCLI_STATUSPAGE_TOKEN) in [profiles." + ctx.profile()
                + ".statuspage]; an API key comes from Statuspage → your avatar → API info", t -> {
                    StatuspageClient page = StatuspageClient.connect(ctx);
                    List<Component> components = page.components();
                    return Outcome.pass("page " + page.pageId() + " readable (" + components.size() + " components)");
                });
    }

    // ---- Sumo Logic --------------------------------------------------------------------------

    /**
     * A tiny call that changes nothing: the status of a search job that does not exist. Sumo
     * answers 401 for bad credentials, 301 from the wrong deployment, and its own 404 error
     * (with a {@code code}) once it has accepted who we are.
     */
    Check sumoLogic() {
        Settings s = ctx.settings("sumologic");
        if (!s.present()) {
            return Check.skipped("sumologic", notConfigured("Sumo Logic", "sumologic"));
        }
        return Check.of("sumologic", "check access_id and access_key_cmd (or TCLI_SUMOLOGIC_ACCESS_KEY) in [profiles." + ctx.profile()
                + ".sumologic]; create an access key in Sumo Logic → Preferences → My Access Keys", t -> {
                    String base = s.string("base_url", "https://api.sumologic.com").replaceAll("/+$", "");
                    String id = s.require("access_id");
                    String key = ctx.secret("sumologic", "access_key");
                    String basic = Base64.getEncoder().encodeToString((id + ":" + key).getBytes(StandardCharsets.UTF_8));
                    ApiClient api = ctx.http().api("sumologic").baseUrl(base).header("Authorization", "Basic " + basic, true)
                            .noRedirects().build();
                    String probe = "/api/v1/search/jobs/" + URLEncoder.encode("tcli-onboard-probe", StandardCharsets.UTF_8);
                    ApiClient.Response r = api.exchange("GET", probe, Map.of(), null, Map.of("Accept", "application/json"));
                    return sumoVerdict(r, base);
                });
    }

    static Outcome sumoVerdict(ApiClient.Response r, String base) {
        int st = r.status();
        if (st == 301 || st == 302 || st == 307 || st == 308) {
            return Outcome.fail("this account lives on another deployment: " + r.header("Location"),
                    "set base_url in [sumologic] to the deployment in that address (e.g. https://api.us2.sumologic.com)");
        }
        if (st == 401 || st == 403) {
            return Outcome.fail("Sumo Logic refused the access id/key (HTTP " + st + ")");
        }
        if (st == 404) {
            // Sumo's own answer for a job id it does not know; any other 404 is not the search job API
            JsonNode body = parse(r.body());
            if (body != null && body.path("code").asText().contains("jobid")) {
                return Outcome.pass("access key accepted by " + base);
            }
            return Outcome.fail(base + " does not look like a Sumo Logic API (HTTP " + st + " without a Sumo answer)",
                    "set base_url in [sumologic] to your deployment's API, e.g. https://api.us2.sumologic.com");
        }
        return Outcome.fail("Sumo Logic answered HTTP " + st);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode n = body == null || body.isBlank() ? null : JSON.readTree(body);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    // ---- Splunk On-Call ------------------------------------------------------------------------

    Check victorOps() {
        Settings s = ctx.settings("victorops");
        if (!s.present()) {
            return Check.skipped("victorops", notConfigured("Splunk On-Call", "victorops"));
        }
        return Check.of("victorops", "check api_id, api_key_cmd (or TCLI_VICTOROPS_API_KEY) and username in [profiles." + ctx.profile()
                + ".victorops]; API keys are under Splunk On-Call → Integrations → API", t -> {
                    String id = s.require("api_id");
                    String key = ctx.secret("victorops", "api_key");
                    String user = s.require("username");
                    ApiClient api = ctx.http().api("victorops").baseUrl(s.string("base_url", "https://api.victorops.com"))
                            .header("X-VO-Api-Id", id).header("X-VO-Api-Key", key, true).build();
                    try {
                        JsonNode u = api.get("/api-public/v1/user/" + URLEncoder.encode(user, StandardCharsets.UTF_8));
                        String name = u.path("displayName").asText((u.path("firstName").asText() + " " + u.path("lastName").asText()).trim());
                        return Outcome.pass("API key accepted: " + name + " (" + u.path("username").asText(user) + ")");
                    } catch (ApiException e) {
                        if (e.exitCode() == ExitCode.NOT_FOUND) {
                            return Outcome.fail("the API key works but there is no user '" + user + "' (" + s.where("username") + ")");
                        }
                        throw e;
                    }
                });
    }
}
