package dev.tcli.spi.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.TcliException;

/**
 * A service answered with an error. The exit code follows docs/design.md §3: 401/403 → 4,
 * 404 → 5, 429/5xx after retries → 6, other 4xx → 1. {@link #body()} is the parsed error body
 * (or a missing node) so a module can refine the message.
 */
public class ApiException extends TcliException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient JsonNode body;

    public ApiException(int exitCode, int status, JsonNode body, String message) {
        super(exitCode, message);
        this.status = status;
        this.body = body;
    }

    /**
     * The one mapping from an HTTP status to an exit code, used by every client (the shared
     * JSON client, Sumo Logic's job client, PagerDuty Events): 2xx → 0, 401/403 → 4, 404 → 5,
     * 408/420/429 and 5xx (after the retries the policy allows) → 6, 3xx and other 4xx → 1.
     */
    public static int exitCodeFor(int status) {
        if (status >= 200 && status < 300) {
            return ExitCode.OK;
        }
        if (status == 401 || status == 403) {
            return ExitCode.AUTH;
        }
        if (status == 404) {
            return ExitCode.NOT_FOUND;
        }
        if (status == 408 || status == 420 || status == 429 || status >= 500) {
            return ExitCode.UNAVAILABLE;
        }
        return ExitCode.FAILED;
    }

    /**
     * A 2xx whose body is empty, not JSON, or not the shape the API documents: exit 6, never
     * success (an empty roster is not "nobody is on call", a create without an id is not done).
     */
    public static ApiException malformed(String service, String where, String what) {
        return new ApiException(ExitCode.UNAVAILABLE, 0, com.fasterxml.jackson.databind.node.MissingNode.getInstance(),
                service + " sent a malformed answer to " + where + " (" + what + "); try again, and report it if it persists");
    }

    /** What is wrong with an answer that is not JSON, in words (never the JSON parser's internals). */
    public static String describe(String body) {
        if (body == null || body.isBlank()) {
            return "an empty body";
        }
        String b = body.strip();
        return b.startsWith("{") || b.startsWith("[") ? "cut short or broken JSON, " + body.length() + " bytes" : "not JSON";
    }

    /** {@code answer.get(field)} when it is an array, else {@link #malformed}. */
    public static JsonNode array(JsonNode answer, String field, String service, String where) {
        JsonNode v = answer == null ? null : answer.get(field);
        if (v == null || !v.isArray()) {
            throw malformed(service, where, answer == null || answer.isMissingNode() ? "an empty body" : "no '" + field + "' list");
        }
        return v;
    }

    /** {@code answer.get(field)} as non-blank text (an id), else {@link #malformed}. */
    public static String text(JsonNode answer, String field, String service, String where) {
        JsonNode v = answer == null ? null : answer.get(field);
        if (v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank()) {
            throw malformed(service, where, answer == null || answer.isMissingNode() ? "an empty body" : "no '" + field + "'");
        }
        return v.asText();
    }

    /** The HTTP status, or 0 when no answer came (network error, malformed body). */
    public int status() {
        return status;
    }

    public JsonNode body() {
        return body;
    }
}
