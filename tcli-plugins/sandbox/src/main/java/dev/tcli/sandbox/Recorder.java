package dev.tcli.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Records every exchange the emulators answer, for contract tests that validate requests and
 * responses against the official OpenAPI documents. One per sandbox state directory (a test's temp home); off unless a test starts one.
 */
public final class Recorder implements AutoCloseable {
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

    /** The recorders running now, by the sandbox state directory whose emulators they listen to. */
    private static final Map<Path, Recorder> RUNNING = new ConcurrentHashMap<>();

    private final Path stateDir;
    private final List<Recorded> seen = Collections.synchronizedList(new ArrayList<>());

    private Recorder(Path stateDir) {
        this.stateDir = stateDir;
    }

    /**
     * Starts recording what the emulators serving {@code sandboxStateDir} answer (a test's own temp
     * home, so tests running side by side never see each other's exchanges). Close it when done.
     */
    public static Recorder of(Path sandboxStateDir) {
        Recorder r = new Recorder(key(sandboxStateDir));
        RUNNING.put(r.stateDir, r);
        return r;
    }

    /** Everything recorded so far, in order; recording goes on. */
    public List<Recorded> all() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    /** The recorded exchanges {@code keep} accepts. */
    public List<Recorded> received(Predicate<Recorded> keep) {
        return all().stream().filter(keep).toList();
    }

    /** Forgets what was recorded so far. */
    public void clear() {
        seen.clear();
    }

    /** Stops recording. */
    public void close() {
        RUNNING.remove(stateDir, this);
    }

    static void record(Path stateDir, Recorded r) {
        Recorder rec = RUNNING.get(key(stateDir));
        if (rec != null) {
            rec.seen.add(r);
        }
    }

    private static Path key(Path dir) {
        return dir.toAbsolutePath().normalize();
    }
}
