package dev.tcli.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Records every exchange the emulators answer, for contract tests that validate requests and
 * responses against the official OpenAPI documents. Process-wide; off unless a test starts it.
 */
public final class Recorder {
    /** One request and its answer, as seen on the wire. */
    public record Recorded(String service, String method, String path, String rawQuery,
            Map<String, List<String>> requestHeaders, String requestBody, int status,
            Map<String, List<String>> responseHeaders, String responseBody) {

        /** A request header's first value, whatever its case; null when absent. */
        public String requestHeader(String name) {
            for (Map.Entry<String, List<String>> e : requestHeaders.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        /** The request body as JSON. */
        public com.fasterxml.jackson.databind.JsonNode requestJson() {
            try {
                return Exchange.JSON.readTree(requestBody);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("request body is not JSON: " + requestBody, e);
            }
        }
    }

    private static volatile List<Recorded> sink;

    private Recorder() {
    }

    public static synchronized void start() {
        sink = Collections.synchronizedList(new ArrayList<>());
    }

    /** Stops recording and returns what was recorded. */
    public static synchronized List<Recorded> stop() {
        List<Recorded> out = sink == null ? List.of() : new ArrayList<>(sink);
        sink = null;
        return out;
    }

    static void record(Recorded r) {
        List<Recorded> s = sink;
        if (s != null) {
            s.add(r);
        }
    }
}
