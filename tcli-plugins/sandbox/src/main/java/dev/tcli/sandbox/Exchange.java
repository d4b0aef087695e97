package dev.tcli.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.spi.Mappers;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request to an emulator, with helpers for what every emulated API needs: query values
 * (repeated keys and PagerDuty's {@code statuses[]}), headers, cookies, the JSON body.
 */
public final class Exchange {
    public static final ObjectMapper JSON = Mappers.json();

    private final String method;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String baseUrl;
    private boolean mutated;

    Exchange(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body, String baseUrl) {
        this.method = method;
        this.path = path.isEmpty() ? "/" : path;
        this.query = parseQuery(rawQuery);
        this.headers = new LinkedHashMap<>();
        headers.forEach((k, v) -> this.headers.put(k.toLowerCase(Locale.ROOT), v));
        this.body = body;
        this.baseUrl = baseUrl;
    }

    public String method() {
        return method;
    }

    /** The path below the emulator's prefix, e.g. {@code /incidents/P123}. */
    public String path() {
        return path;
    }

    /** {@code http://127.0.0.1:PORT/<name>}, for self links. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Path segments, e.g. {@code ["incidents", "P123"]}. */
    public List<String> segments() {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** A query parameter's first value (also accepting {@code name[]}), or null. */
    public String param(String name) {
        List<String> v = params(name);
        return v.isEmpty() ? null : v.get(0);
    }

    /** Every value of a query parameter, {@code name} and {@code name[]} alike, comma lists not split. */
    public List<String> params(String name) {
        List<String> out = new ArrayList<>(query.getOrDefault(name, List.of()));
        out.addAll(query.getOrDefault(name + "[]", List.of()));
        return out;
    }

    public Map<String, List<String>> query() {
        return query;
    }

    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** A cookie sent with the request, or null. */
    public String cookie(String name) {
        List<String> all = headers.getOrDefault("cookie", List.of());
        for (String h : all) {
            for (String part : h.split(";")) {
                String p = part.trim();
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).equals(name)) {
                    return p.substring(eq + 1);
                }
            }
        }
        return null;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The JSON body; a 400 reply (thrown) when it is not JSON. Missing node when empty. */
    public JsonNode json() {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw Reply.json(400, error("invalid JSON body: " + e.getMessage()));
        }
    }

    /** Marks the state as changed, so the server saves it. */
    public void mutated() {
        this.mutated = true;
    }

    boolean isMutated() {
        return mutated;
    }

    private static ObjectNode error(String message) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("error", message);
        return n;
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    /** An answer. Also throwable, to answer early from deep inside a handler. */
    public static final class Reply extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient Map<String, List<String>> headers = new LinkedHashMap<>();
        final byte[] body;

        private Reply(int status, byte[] body, String contentType) {
            super(null, null, false, false);
            this.status = status;
            this.body = body;
            if (contentType != null) {
                header("Content-Type", contentType);
            }
        }

        public static Reply json(int status, JsonNode body) {
            try {
                return new Reply(status, JSON.writeValueAsBytes(body), "application/json; charset=utf-8");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        public static Reply text(int status, String body) {
            return new Reply(status, body.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        }

        public static Reply empty(int status) {
            return new Reply(status, new byte[0], null);
        }

        public Reply header(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        public int status() {
            return status;
        }

        public byte[] body() {
            return body;
        }

        Reply withBody(byte[] newBody) {
            Reply r = new Reply(status, newBody, null);
            r.headers.putAll(headers);
            return r;
        }
    }
}
