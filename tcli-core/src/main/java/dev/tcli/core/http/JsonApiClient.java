package dev.tcli.core.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tcli.core.Redactor;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.Mappers;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.http.ApiClient;
import dev.tcli.spi.http.ApiException;
import dev.tcli.spi.http.ApiPath;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintWriter;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** {@link ApiClient} over the shared OkHttp client. */
final class JsonApiClient implements ApiClient {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final OkHttpLayer layer;
    private final SchemeClients clients;
    private final String service;
    private final String baseUrl;
    private final Map<String, String> headers;
    private final Set<String> secretHeaders;
    private final boolean retryPosts;
    private final java.util.function.BiPredicate<Integer, String> rateLimited;

    private JsonApiClient(Builder b) {
        this.layer = b.layer;
        this.service = b.service;
        this.baseUrl = b.baseUrl.endsWith("/") ? b.baseUrl.substring(0, b.baseUrl.length() - 1) : b.baseUrl;
        this.headers = Map.copyOf(b.headers);
        this.secretHeaders = Set.copyOf(b.secretHeaders);
        this.retryPosts = b.retryPosts;
        this.rateLimited = b.rateLimited;
        SchemeClients shared = layer.clients();
        if (b.cookies || b.noRedirects) {
            CookieJar jar = b.cookies ? new MemoryCookieJar() : null; // one jar for http and https alike
            boolean noRedirects = b.noRedirects;
            this.clients = shared.derive(nb -> {
                if (jar != null) {
                    nb.cookieJar(jar);
                }
                return noRedirects ? nb.followRedirects(false).followSslRedirects(false) : nb;
            });
        } else {
            this.clients = shared;
        }
    }

    @Override
    public String service() {
        return service;
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public JsonNode send(String method, String path, Map<String, ?> query, Object body, Map<String, String> extra) {
        if (layer.dryRun() && !READS.contains(method)) {
            printDryRun(method, path, query, body, extra);
            return MissingNode.getInstance();
        }
        Response r = exchange(method, path, query, body, extra);
        return parse(method, path, r);
    }

    @Override
    public Response exchange(String method, String path, Map<String, ?> query, Object body, Map<String, String> extra) {
        Request request = request(method, path, query, body, extra);
        try (okhttp3.Response response = clients.execute(request)) {
            return new Response(response.code(), response.headers().toMultimap(), boundedBody(response, method, path));
        } catch (SocketTimeoutException e) {
            throw new ApiException(ExitCode.UNAVAILABLE, 0, MissingNode.getInstance(),
                    service + " did not answer in time (" + method + " " + path + "); try again, or raise timeout in [" + layer.table() + "]");
        } catch (InterruptedIOException e) {
            throw new TcliException(ExitCode.INTERRUPTED, "interrupted");
        } catch (IOException e) {
            throw new ApiException(ExitCode.UNAVAILABLE, 0, MissingNode.getInstance(),
                    "cannot reach " + service + " at " + baseUrl + ": " + Redactor.redact(String.valueOf(e.getMessage())));
        }
    }

    /** The body, or exit 6 when it is larger than max_body: never an OutOfMemoryError for a hostile or runaway answer. */
    private String boundedBody(okhttp3.Response response, String method, String path) throws IOException {
        long max = layer.maxBody();
        okhttp3.ResponseBody b = response.body();
        long declared = b.contentLength();
        okio.BufferedSource src = b.source();
        if (declared > max || src.request(max + 1)) {
            throw new ApiException(ExitCode.UNAVAILABLE, response.code(), MissingNode.getInstance(), service + " sent an answer larger than "
                    + max + " bytes to " + method + " " + path + " (max_body in [" + layer.table() + "]); narrow the request or raise max_body");
        }
        java.nio.charset.Charset cs = b.contentType() == null ? StandardCharsets.UTF_8 : b.contentType().charset(StandardCharsets.UTF_8);
        return src.readString(cs);
    }

    private Request request(String method, String path, Map<String, ?> query, Object body, Map<String, String> extra) {
        HttpUrl url = url(path, query);
        Request.Builder rb = new Request.Builder().url(url).header("User-Agent", layer.userAgent())
                .header("Accept", "application/json");
        headers.forEach(rb::header);
        extra.forEach(rb::header);
        RequestBody rbody = null;
        if (body != null) {
            rbody = RequestBody.create(toJson(body), JSON);
        } else if (!READS.contains(method) && !"DELETE".equals(method)) {
            rbody = RequestBody.create(new byte[0], null);
        }
        rb.method(method, rbody);
        if (retryPosts) {
            rb.tag(RetryInterceptor.RepeatablePost.class, new RetryInterceptor.RepeatablePost());
        }
        if (rateLimited != null) {
            rb.tag(RetryInterceptor.RateLimited.class, new RetryInterceptor.RateLimited(rateLimited));
        }
        return rb.build();
    }

    private HttpUrl url(String path, Map<String, ?> query) {
        // an id that walks ('..'), or carries '?' or '#', never reaches the server (issue 14 section 3)
        ApiPath.check(path);
        String full = path.startsWith("http://") || path.startsWith("https://") ? path : baseUrl + path;
        HttpUrl parsed = HttpUrl.parse(full);
        if (parsed == null) {
            throw TcliException.config(service + ": base_url '" + baseUrl + "' is not a valid http(s) URL");
        }
        HttpUrl.Builder ub = parsed.newBuilder();
        if (query != null) {
            for (var e : query.entrySet()) {
                Object v = e.getValue();
                if (v == null) {
                    continue;
                }
                if (v instanceof Iterable<?> it) {
                    for (Object o : it) {
                        ub.addQueryParameter(e.getKey(), String.valueOf(o));
                    }
                } else {
                    ub.addQueryParameter(e.getKey(), String.valueOf(v));
                }
            }
        }
        return ub.build();
    }

    private JsonNode parse(String method, String path, Response r) {
        if (r.status() >= 200 && r.status() < 300) {
            if (r.body() == null || r.body().isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return Mappers.json().readTree(r.body());
            } catch (JacksonException e) {
                throw ApiException.malformed(service, method + " " + path, ApiException.describe(r.body()));
            }
        }
        throw error(method, path, r);
    }

    ApiException error(String method, String path, Response r) {
        JsonNode body = MissingNode.getInstance();
        try {
            if (r.body() != null && !r.body().isBlank()) {
                body = Mappers.json().readTree(r.body());
            }
        } catch (JacksonException ignored) {
            // an HTML error page: keep the status
        }
        String detail = Redactor.redact(errorMessage(body));
        String suffix = detail.isEmpty() ? "" : ": " + detail;
        int s = r.status();
        String where = method + " " + path;
        if (s == 429 || s == 420 || rateLimited != null && s >= 400 && rateLimited.test(s, r.body() == null ? "" : r.body())) {
            return new ApiException(ExitCode.UNAVAILABLE, s, body, service + " is rate limiting us (HTTP " + s + ") and retries ran out"
                    + suffix + "; wait a minute and try again");
        }
        int code = ApiException.exitCodeFor(s);
        if (code == ExitCode.AUTH) {
            return new ApiException(code, s, body, service + " rejected the credentials (HTTP " + s + suffix
                    + "); check them with 'tcli config show' and 'tcli onboard check'");
        }
        if (code == ExitCode.NOT_FOUND) {
            return new ApiException(code, s, body, service + ": not found (" + where + ")" + suffix);
        }
        if (code == ExitCode.UNAVAILABLE) {
            return new ApiException(code, s, body, service + " is failing (HTTP " + s + " on " + where
                    + ")" + suffix + "; try again later");
        }
        if (s >= 300 && s < 400) {
            String loc = r.header("Location");
            return new ApiException(ExitCode.FAILED, s, body, service + " redirected " + where + " to "
                    + (loc == null ? "?" : loc) + "; check base_url");
        }
        return new ApiException(code, s, body, service + " refused " + where + " (HTTP " + s + ")" + suffix);
    }

    /** The error shapes of PagerDuty, Statuspage, Sumo Logic and Splunk On-Call (CONTRACTS.md). */
    static String errorMessage(JsonNode body) {
        if (body == null || body.isMissingNode()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        JsonNode error = body.get("error");
        if (error != null) {
            if (error.isTextual()) {
                parts.add(error.asText());
            } else if (error.isArray()) {
                error.forEach(e -> parts.add(e.asText()));
            } else if (error.isObject()) {
                if (error.hasNonNull("message")) {
                    parts.add(error.get("message").asText());
                }
                JsonNode errors = error.get("errors");
                if (errors != null && errors.isArray()) {
                    errors.forEach(e -> parts.add(e.asText()));
                }
            }
        }
        if (parts.isEmpty() && body.hasNonNull("message")) {
            parts.add(body.get("message").asText());
        }
        if (parts.isEmpty() && body.hasNonNull("code")) {
            parts.add(body.get("code").asText());
        }
        if (parts.isEmpty() && body.has("errors") && body.get("errors").isArray()) {
            body.get("errors").forEach(e -> parts.add(e.isTextual() ? e.asText() : e.toString()));
        }
        return String.join("; ", parts);
    }

    private static String toJson(Object body) {
        try {
            return body instanceof String s ? s : Mappers.json().writeValueAsString(body);
        } catch (IOException e) {
            throw new TcliException(ExitCode.FAILED, "cannot encode request body: " + e.getMessage());
        }
    }

    private void printDryRun(String method, String path, Map<String, ?> query, Object body, Map<String, String> extra) {
        PrintWriter out = layer.stdout();
        out.println("DRY RUN, not sent: " + method + " " + Redactor.redact(url(path, query).toString()));
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        all.forEach((k, v) -> out.println(k + ": "
                + (secretHeaders.contains(k) || LoggingInterceptor.isSecretHeader(k) ? Redactor.MASK : Redactor.redact(v))));
        if (body != null) {
            try {
                Object tree = body instanceof String s ? Mappers.json().readTree(s) : body;
                out.println(Redactor.redact(Mappers.json().writerWithDefaultPrettyPrinter().writeValueAsString(tree)));
            } catch (IOException e) {
                out.println(Redactor.redact(String.valueOf(body)));
            }
        }
        out.println();
        out.flush();
    }

    static final class Builder implements ApiClient.Builder {
        private final OkHttpLayer layer;
        private final String service;
        private String baseUrl;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Set<String> secretHeaders = new java.util.HashSet<>();
        private boolean cookies;
        private boolean noRedirects;
        private boolean retryPosts;
        private java.util.function.BiPredicate<Integer, String> rateLimited;

        Builder(OkHttpLayer layer, String service) {
            this.layer = layer;
            this.service = service;
        }

        @Override
        public ApiClient.Builder baseUrl(String url) {
            this.baseUrl = url;
            return this;
        }

        @Override
        public ApiClient.Builder header(String name, String value, boolean secret) {
            headers.put(name, value);
            if (secret) {
                secretHeaders.add(name);
                Redactor.register(value);
            }
            return this;
        }

        @Override
        public ApiClient.Builder cookies() {
            this.cookies = true;
            return this;
        }

        @Override
        public ApiClient.Builder noRedirects() {
            this.noRedirects = true;
            return this;
        }

        @Override
        public ApiClient.Builder retryPosts() {
            this.retryPosts = true;
            return this;
        }

        @Override
        public ApiClient.Builder rateLimitedWhen(java.util.function.BiPredicate<Integer, String> test) {
            this.rateLimited = test;
            return this;
        }

        @Override
        public ApiClient build() {
            if (baseUrl == null || baseUrl.isBlank()) {
                throw TcliException.config(service + ": no base_url");
            }
            return new JsonApiClient(this);
        }
    }

    /** Cookies for one client only: a Sumo Logic job's JSESSIONID must come back on every call. */
    static final class MemoryCookieJar implements CookieJar {
        private final Map<String, Cookie> cookies = new ConcurrentHashMap<>();

        @Override
        public void saveFromResponse(HttpUrl url, List<Cookie> list) {
            for (Cookie c : list) {
                // a session cookie is a credential for the job: never shown, whatever echoes it
                Redactor.register(c.value());
                cookies.put(c.name() + "@" + c.domain() + c.path(), c);
            }
        }

        @Override
        public List<Cookie> loadForRequest(HttpUrl url) {
            List<Cookie> out = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (Cookie c : cookies.values()) {
                if (c.expiresAt() > now && c.matches(url)) {
                    out.add(c);
                }
            }
            return out;
        }
    }

    static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
