package dev.tcli.spi.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A small JSON client for one service's base URL, built from {@link Http#api}. Every call goes
 * through the shared client (retries, logging, proxies). Errors become {@link ApiException}
 * with the right exit code and a one-line message naming the service.
 *
 * <p>Dry run: when {@code --dry-run} is set, {@link #send} for anything but GET/HEAD prints the
 * exact request (credential headers masked) to stdout, sends nothing, and returns a missing
 * node. Commands check {@code ctx.flags().dryRun()} before using the reply or journaling.
 */
public interface ApiClient {

    String service();

    String baseUrl();

    /** GET {@code path} with query parameters (values may be lists for repeated keys). */
    default JsonNode get(String path, Map<String, ?> query) {
        return send("GET", path, query, null, Map.of());
    }

    default JsonNode get(String path) {
        return get(path, Map.of());
    }

    /** Sends a request with a JSON body (may be null) and extra headers; returns the parsed reply (missing node on 204). */
    JsonNode send(String method, String path, Map<String, ?> query, Object body, Map<String, String> headers);

    /** Sends and returns the raw answer (status, headers, body), for protocols JSON helpers do not cover. */
    Response exchange(String method, String path, Map<String, ?> query, Object body, Map<String, String> headers);

    /** A raw answer: any status is returned, not thrown (network failures still throw, exit 6). */
    record Response(int status, Map<String, java.util.List<String>> headers, String body) {
        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** Configures an {@link ApiClient}. */
    interface Builder {
        Builder baseUrl(String baseUrl);

        /** A header sent on every request; its value is masked in logs and dry runs when {@code secret}. */
        Builder header(String name, String value, boolean secret);

        default Builder header(String name, String value) {
            return header(name, value, false);
        }

        /** Keep cookies between calls (Sumo Logic search jobs need their JSESSIONID). */
        Builder cookies();

        /** Do not follow redirects (so a module can explain a wrong deployment URL). */
        Builder noRedirects();

        /** Treat POST as safe to retry on 5xx and network errors (an idempotent endpoint). */
        Builder retryPosts();

        /**
         * Answers for which {@code test(status, body)} holds are a rate limit, whatever their status:
         * retried like a 429 (with backoff, as the retry settings allow) and, when retries run out,
         * exit 6 "rate limiting us" rather than the status's usual meaning. For services that
         * signal a rate limit another way, e.g. Splunk On-Call's 403.
         */
        Builder rateLimitedWhen(java.util.function.BiPredicate<Integer, String> test);

        ApiClient build();
    }
}
