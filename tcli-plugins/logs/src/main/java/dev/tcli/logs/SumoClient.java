package dev.tcli.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.Mappers;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.Settings;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.http.ApiClient;
import dev.tcli.spi.http.ApiException;
import dev.tcli.spi.http.ApiPath;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Sumo Logic Search Job API calls tcli makes (CONTRACTS.md). One client per search: it keeps
 * the cookies Sumo sets when a job is created ({@code JSESSIONID}, {@code AWSALB}), without which
 * every later call of the job answers 404. Redirects are not followed blindly: a 301 means the
 * account lives in another deployment, and the right base URL is worth telling the user.
 */
public final class SumoClient {
    public static final String DEFAULT_URL = "https://api.sumologic.com";
    static final String JOBS = "/api/v1/search/jobs";
    /** Sumo's maximum page. */
    static final int MAX_PAGE = 10_000;

    private final ModuleContext ctx;
    private final ApiClient api;
    private String base;
    private final int pageSize;
    private final Duration pollInterval;

    SumoClient(ModuleContext ctx, ApiClient api, String base, int pageSize, Duration pollInterval) {
        this.ctx = ctx;
        this.api = api;
        this.base = base;
        this.pageSize = pageSize;
        this.pollInterval = pollInterval;
    }

    /** From {@code [profiles.X.sumologic]}: base_url, access_id, access_key (or access_key_cmd, TCLI_SUMOLOGIC_ACCESS_KEY). */
    public static SumoClient connect(ModuleContext ctx) {
        Settings s = ctx.settings("sumologic");
        String base = s.string("base_url", DEFAULT_URL).replaceAll("/+$", "");
        String id = s.require("access_id");
        String key = ctx.secret("sumologic", "access_key");
        String basic = Base64.getEncoder().encodeToString((id + ":" + key).getBytes(StandardCharsets.UTF_8));
        int page = Math.max(1, Math.min(MAX_PAGE, s.integer("page_size").orElse(MAX_PAGE)));
        Duration poll = s.duration("poll_interval").orElse(Duration.ofSeconds(5));
        ApiClient api = ctx.http().api("sumologic").baseUrl(base).header("Authorization", "Basic " + basic, true)
                .cookies().noRedirects().build();
        return new SumoClient(ctx, api, base, page, poll);
    }

    /** The deployment's API this client talks to, e.g. https://api.us2.sumologic.com. */
    String base() {
        return base;
    }

    /**
     * One GET answered as it is, a redirect not followed: how {@code onboard check} tells a
     * wrong deployment (301) and refused keys (401) from keys Sumo accepted.
     */
    ApiClient.Response unfollowed(String path) {
        return api.exchange("GET", base + path, Map.of(), null, Map.of("Accept", "application/json"));
    }

    int pageSize() {
        return pageSize;
    }

    /** The longest wait between two status polls (Sumo cancels a job not polled for 30 s). */
    Duration pollInterval() {
        return pollInterval;
    }

    /** Creates a search job; returns its id. A malformed query or time is a usage error (exit 2). */
    String create(Map<String, Object> request) {
        ApiClient.Response r = call("POST", JOBS, null, request);
        if (r.status() == 202 || r.status() == 200 || r.status() == 201) {
            String id = "";
            String what = "no job id";
            try {
                id = parse(r).path("id").asText("");
            } catch (ApiException cut) {
                what = shape(r.body());
            }
            if (id.isEmpty()) {
                // the job exists even though its answer was cut: its Location names it, so it is deleted, not left running
                String fromLocation = jobIdFrom(r.header("Location"));
                String fate;
                if (fromLocation == null) {
                    fate = "no Location header to find the job it may have created (it expires 30 s after creation without polls)";
                } else {
                    try {
                        delete(fromLocation);
                        fate = "the job it created (" + fromLocation + ") was deleted";
                    } catch (RuntimeException e) {
                        fate = "could not delete the job it created (" + fromLocation + "); it expires in 30 s";
                    }
                }
                throw ApiException.malformed("Sumo Logic", "POST " + JOBS, what + "; " + fate);
            }
            return id;
        }
        JsonNode err = parseQuietly(r);
        String code = err.path("code").asText("");
        if (r.status() == 400) {
            throw new ApiException(ExitCode.USAGE, 400, err, "Sumo Logic refused the search: " + err.path("message").asText(code)
                    + (code.isEmpty() ? "" : " (" + code + ")"));
        }
        if (r.status() == 429) {
            throw new ApiException(ExitCode.UNAVAILABLE, 429, err, "Sumo Logic is still refusing new search jobs after retries ("
                    + err.path("message").asText("rate limit exceeded") + "); at most 200 jobs may run per organization and "
                    + "4 requests per second per user: wait a minute and try again");
        }
        throw failure("POST", JOBS, r);
    }

    JsonNode status(String id) {
        return ok("GET", ApiPath.of(JOBS + "/{}", id), null);
    }

    /** One page of {@code messages} or {@code records}, newest first. */
    JsonNode page(String id, String what, int offset, int limit) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("offset", offset);
        q.put("limit", limit);
        return ok("GET", ApiPath.of(JOBS + "/{}/{}", id, what), q);
    }

    /**
     * One page of messages as flat maps, read from the answer with a streaming parser: no JSON tree
     * of 10,000 messages is built, only the maps that are handed out.
     */
    java.util.List<Map<String, String>> messages(String id, int offset, int limit) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("offset", offset);
        q.put("limit", limit);
        String path = ApiPath.of(JOBS + "/{}/messages", id);
        ApiClient.Response r = call("GET", path, q, null);
        if (r.status() < 200 || r.status() >= 300) {
            return rethrow("GET", path, r);
        }
        java.util.List<Map<String, String>> out = new java.util.ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser p = Mappers.json().getFactory().createParser(r.body())) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                throw new java.io.IOException("not a JSON object");
            }
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("messages")) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                        String k = p.currentName();
                        p.nextToken();
                        if (k.equals("map") && p.currentToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                            Map<String, String> m = new LinkedHashMap<>();
                            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                                String name = p.currentName();
                                p.nextToken();
                                m.put(name, p.currentToken().isScalarValue() ? p.getValueAsString() : p.readValueAsTree().toString());
                            }
                            out.add(m);
                        } else {
                            p.skipChildren();
                        }
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new ApiException(ExitCode.UNAVAILABLE, r.status(), MissingNode.getInstance(),
                    "Sumo Logic sent a malformed page of messages (" + shape(r.body()) + "); try again");
        }
        return out;
    }

    void delete(String id) {
        ApiClient.Response r = call("DELETE", ApiPath.of(JOBS + "/{}", id), null, null);
        if (r.status() >= 300 && r.status() != 404) {
            throw failure("DELETE", ApiPath.of(JOBS + "/{}", id), r);
        }
    }

    private JsonNode ok(String method, String path, Map<String, Object> query) {
        ApiClient.Response r = call(method, path, query, null);
        if (r.status() >= 200 && r.status() < 300) {
            return parse(r);
        }
        return rethrow(method, path, r);
    }

    private <T> T rethrow(String method, String path, ApiClient.Response r) {
        JsonNode err = parseQuietly(r);
        if (r.status() == 404 && err.path("code").asText("").endsWith("jobid.invalid")) {
            throw new ApiException(ExitCode.FAILED, 404, err, "Sumo Logic no longer knows this search job (" + err.path("code").asText()
                    + "): its session cookie was not sent back, or it was cancelled after 30 s without a poll; run the search again");
        }
        throw failure(method, path, r);
    }

    /** Sends one request to the current base URL, following a deployment redirect once (with a warning). */
    private ApiClient.Response call(String method, String path, Map<String, Object> query, Object body) {
        ApiClient.Response r = api.exchange(method, base + path, query, body, Map.of());
        if (r.status() == 301 || r.status() == 302 || r.status() == 307 || r.status() == 308) {
            String moved = deploymentOf(r.header("Location"), path);
            String where = ctx.settings("sumologic").where("base_url");
            ctx.out().warn("Sumo Logic says this account lives at " + moved + ", not " + base + ": set base_url = \"" + moved
                    + "\" in [profiles." + ctx.profile() + ".sumologic]" + (where == null || where.isBlank() ? "" : " (" + where + ")"));
            base = moved;
            r = api.exchange(method, base + path, query, body, Map.of());
        }
        return r;
    }

    /** The base URL of the deployment a redirect points at; refuses to send credentials anywhere but Sumo (or the same host). */
    private String deploymentOf(String location, String path) {
        if (location == null || location.isBlank()) {
            throw new TcliException(ExitCode.CONFIG, "Sumo Logic answered 301 (moved) without a Location: base_url " + base
                    + " is the wrong deployment; see https://help.sumologic.com/docs/api/about-apis/getting-started/ for yours");
        }
        URI loc = URI.create(location.trim());
        URI mine = URI.create(base);
        String host = loc.getHost() == null ? "" : loc.getHost();
        if (!host.endsWith(".sumologic.com") && !host.equals(mine.getHost())) {
            throw new TcliException(ExitCode.CONFIG, "Sumo Logic redirected to " + location + ", which is not a Sumo Logic deployment; "
                    + "tcli did not follow it. Check base_url (" + base + ")");
        }
        String p = loc.getRawPath() == null ? "" : loc.getRawPath();
        int at = p.indexOf("/api/");
        String prefix = at >= 0 ? p.substring(0, at) : "";
        return loc.getScheme() + "://" + loc.getRawAuthority() + prefix;
    }

    private ApiException failure(String method, String path, ApiClient.Response r) {
        JsonNode err = parseQuietly(r);
        String detail = err.path("message").asText("");
        String code = err.path("code").asText("");
        String suffix = detail.isEmpty() ? "" : ": " + detail + (code.isEmpty() ? "" : " (" + code + ")");
        int s = r.status();
        int exit = ApiException.exitCodeFor(s); // the one mapping every client shares
        if (exit == ExitCode.AUTH) {
            return new ApiException(exit, s, err, "Sumo Logic rejected the access id/key (HTTP " + s + suffix
                    + "); check access_id and access_key in [profiles." + ctx.profile() + ".sumologic]");
        }
        if (exit == ExitCode.UNAVAILABLE) {
            return new ApiException(exit, s, err, "Sumo Logic is " + (s == 429 ? "rate limiting us" : "failing")
                    + " (HTTP " + s + " on " + method + " " + path + ")" + suffix + "; try again in a minute");
        }
        if (exit == ExitCode.NOT_FOUND) {
            return new ApiException(exit, s, err, "Sumo Logic: not found (" + method + " " + path + ")" + suffix
                    + "; is base_url " + base + " a Sumo Logic API URL?");
        }
        return new ApiException(exit, s, err, "Sumo Logic refused " + method + " " + path + " (HTTP " + s + ")" + suffix);
    }

    private static JsonNode parse(ApiClient.Response r) {
        try {
            return Mappers.json().readTree(r.body() == null || r.body().isBlank() ? "{}" : r.body());
        } catch (java.io.IOException e) {
            throw new ApiException(ExitCode.UNAVAILABLE, r.status(), MissingNode.getInstance(),
                    "Sumo Logic sent a malformed answer (" + shape(r.body()) + "); try again");
        }
    }

    /** What is wrong with an answer, in words (not the JSON parser's internals). */
    static String shape(String body) {
        return ApiException.describe(body);
    }

    /** The job id at the end of a create answer's {@code Location} ({@code .../api/v1/search/jobs/ID}), or null. */
    static String jobIdFrom(String location) {
        if (location == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/search/jobs/([A-Za-z0-9_-]{1,64})/?$").matcher(location.strip());
        return m.find() ? m.group(1) : null;
    }

    static JsonNode parseQuietly(ApiClient.Response r) {
        try {
            return Mappers.json().readTree(r.body() == null || r.body().isBlank() ? "{}" : r.body());
        } catch (java.io.IOException e) {
            return MissingNode.getInstance();
        }
    }
}
