package dev.tcli.spi.http;

import com.fasterxml.jackson.databind.JsonNode;
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

    /** The HTTP status, or 0 when no answer came (network error, malformed body). */
    public int status() {
        return status;
    }

    public JsonNode body() {
        return body;
    }
}
