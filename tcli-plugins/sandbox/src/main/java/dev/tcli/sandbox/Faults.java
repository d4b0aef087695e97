package dev.tcli.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Fault injection for tests and drills: {@code faults.json} in the sandbox state dir lists
 * faults that the next matching calls suffer, each consumed as it fires, so a test (or
 * {@code tcli sandbox fault}) can stage them before a separate tcli process runs.
 *
 * <p>Kinds: {@code 429} (with {@code Retry-After}), {@code 500}, {@code 503}, {@code slow}
 * (delay before answering), {@code truncate} (the JSON body cut in half), {@code reset}
 * (connection closed without an answer), {@code 403} (Splunk On-Call only: its rate-limit answer,
 * which it sends instead of a 429).
 *
 * <p>Most kinds are answered by the server before the emulator runs. A kind only one service has
 * ({@code 403}) is answered by that emulator, in its service's words: {@link #take} leaves it in
 * {@link #forEmulator()} for the request being served on this thread (the server calls the emulator
 * on the thread that took the fault), where the emulator finds it.
 */
public final class Faults {
    static final String FILE = "faults.json";
    public static final java.util.List<String> KINDS = java.util.List.of("429", "500", "503", "slow", "truncate", "empty", "reset", "403");
    /** Kinds the emulator answers itself, with the service it belongs to. */
    private static final java.util.Map<String, String> EMULATOR_KINDS = java.util.Map.of("403", "victorops");
    private static final ThreadLocal<String> FOR_EMULATOR = new ThreadLocal<>();

    /** One staged fault. {@code service} and {@code pathPrefix} null match everything. */
    public record Fault(String service, String method, String pathPrefix, String kind, int count, int retryAfterSeconds,
            int delayMillis) {
        public Fault {
            kind = kind.toLowerCase(Locale.ROOT);
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("unknown fault kind '" + kind + "': use " + String.join(", ", KINDS));
            }
            String owner = EMULATOR_KINDS.get(kind);
            if (owner != null && !owner.equalsIgnoreCase(service)) {
                // a 403 is a rate limit only on Splunk On-Call; elsewhere it would be a refusal nobody staged
                throw new IllegalArgumentException("fault " + kind + " is Splunk On-Call's rate-limit answer: stage it with --service "
                        + owner + " (the other services answer 429)");
            }
        }

        public static Fault of(String service, String kind, int count) {
            return new Fault(service, null, null, kind, count, 1, 2000);
        }
    }

    private Faults() {
    }

    /** Stages a fault in a sandbox state dir. */
    public static void add(Path stateDir, Fault f) {
        update(stateDir, arr -> {
            ObjectNode n = arr.addObject();
            n.put("service", f.service());
            n.put("method", f.method());
            n.put("path_prefix", f.pathPrefix());
            n.put("kind", f.kind());
            n.put("count", f.count());
            n.put("retry_after", f.retryAfterSeconds());
            n.put("delay_ms", f.delayMillis());
            return null;
        });
    }

    /** Removes every staged fault; returns how many calls they would still have failed. */
    public static int clear(Path stateDir) {
        int[] calls = {0};
        update(stateDir, arr -> {
            arr.forEach(f -> calls[0] += f.path("count").asInt(1));
            arr.removeAll();
            return null;
        });
        return calls[0];
    }

    /** The faults staged now, with the calls each has left (for {@code sandbox status} and dry runs). */
    public static java.util.List<Fault> staged(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        java.util.List<Fault> out = new java.util.ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        update(stateDir, arr -> {
            for (JsonNode f : arr) {
                out.add(new Fault(text(f, "service"), text(f, "method"), text(f, "path_prefix"), f.path("kind").asText(),
                        f.path("count").asInt(1), f.path("retry_after").asInt(1), f.path("delay_ms").asInt(2000)));
            }
            return null;
        });
        return out;
    }

    /** One line for a fault: {@code 429 on pagerduty GET /incidents, 2 call(s) left}. */
    public static String describe(Fault f) {
        return f.kind() + " on " + (f.service() == null ? "any service" : f.service())
                + (f.method() == null ? "" : " " + f.method().toUpperCase(Locale.ROOT))
                + (f.pathPrefix() == null ? "" : " " + f.pathPrefix() + "*") + ", " + f.count() + " call(s) left";
    }

    private static String text(JsonNode f, String field) {
        JsonNode v = f.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /**
     * The fault kind its emulator must answer for the request this thread is serving (e.g. {@code 403}
     * for {@code victorops}), or null. Set by every {@link #take}, so never left over from an earlier request.
     */
    public static String forEmulator() {
        return FOR_EMULATOR.get();
    }

    /** Takes one matching fault (decrementing its count), or null. */
    static ObjectNode take(Path stateDir, String service, String method, String path) {
        FOR_EMULATOR.remove();
        if (!Files.exists(stateDir.resolve(FILE))) {
            return null;
        }
        ObjectNode taken = update(stateDir, arr -> {
            for (int i = 0; i < arr.size(); i++) {
                ObjectNode f = (ObjectNode) arr.get(i);
                if (matches(f.get("service"), service) && matches(f.get("method"), method)
                        && (f.path("path_prefix").isNull() || f.path("path_prefix").isMissingNode()
                                || path.startsWith(f.get("path_prefix").asText()))) {
                    int left = f.path("count").asInt(1) - 1;
                    ObjectNode copy = f.deepCopy();
                    if (left <= 0) {
                        arr.remove(i);
                    } else {
                        f.put("count", left);
                    }
                    return copy;
                }
            }
            return null;
        });
        if (taken != null && EMULATOR_KINDS.containsKey(taken.path("kind").asText())) {
            FOR_EMULATOR.set(taken.path("kind").asText());
        }
        return taken;
    }

    private static boolean matches(JsonNode want, String actual) {
        return want == null || want.isNull() || want.asText().equalsIgnoreCase(actual);
    }

    /** A file lock is held per JVM: two threads of one process (a test staging a fault while the server takes one) wait here. */
    private static final Object IN_PROCESS = new Object();

    private static ObjectNode update(Path stateDir, java.util.function.Function<ArrayNode, ObjectNode> work) {
        synchronized (IN_PROCESS) {
            return updateLocked(stateDir, work);
        }
    }

    private static ObjectNode updateLocked(Path stateDir, java.util.function.Function<ArrayNode, ObjectNode> work) {
        try {
            Files.createDirectories(stateDir);
            Path file = stateDir.resolve(FILE);
            try (FileChannel ch = FileChannel.open(stateDir.resolve(".faults.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                ch.lock(); // released when the channel closes
                ArrayNode arr = Files.exists(file) ? (ArrayNode) Exchange.JSON.readTree(file.toFile())
                        : Exchange.JSON.createArrayNode();
                ObjectNode out = work.apply(arr);
                if (arr.isEmpty()) {
                    Files.deleteIfExists(file);
                } else {
                    Exchange.JSON.writeValue(file.toFile(), arr);
                }
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
