package dev.tcli.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The emulators on one loopback port (a JDK {@link HttpServer}: starts in milliseconds), each
 * under {@code /<name>}, plus {@code /_sandbox/status} and {@code POST /_sandbox/reset}.
 */
public final class SandboxServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService pool;
    private final Map<String, Emulator> emulators = new LinkedHashMap<>();
    private final StateStore store;
    private final Clock clock;

    private SandboxServer(HttpServer server, ExecutorService pool, StateStore store, Clock clock) {
        this.server = server;
        this.pool = pool;
        this.store = store;
        this.clock = clock;
        for (Emulator e : emulators()) {
            emulators.put(e.name(), e);
        }
    }

    /** Every emulator in the sandbox module (META-INF/services/dev.tcli.sandbox.Emulator). */
    public static List<Emulator> emulators() {
        List<Emulator> out = new ArrayList<>();
        ServiceLoader.load(Emulator.class, SandboxServer.class.getClassLoader()).forEach(out::add);
        return out;
    }

    /** The emulator with this {@link Emulator#name()} (e.g. {@code sumologic}), for tools that edit its state. */
    public static java.util.Optional<Emulator> emulator(String name) {
        return emulators().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** Starts on {@code port} (0 = any free port) on loopback, with state in {@code stateDir}. */
    /**
     * {@link #start} on a port the user chose ({@code tcli sandbox serve --port N}): a port out of range is
     * exit 2, a port in use exit 6, each one line naming what to do (0 picks any free port).
     */
    public static SandboxServer startOnPort(Path stateDir, int port, Clock clock) throws IOException {
        if (port < 0 || port > 65535) {
            throw dev.tcli.spi.TcliException.usage("--port " + port + " is not a TCP port: give 1-65535, or leave it out for any free port");
        }
        try {
            return start(stateDir, port, clock);
        } catch (java.net.BindException e) {
            throw new dev.tcli.spi.TcliException(dev.tcli.spi.ExitCode.UNAVAILABLE, "cannot serve on 127.0.0.1:" + port + ": "
                    + (port < 1024 ? "ports below 1024 need root" : "the port is in use (another 'tcli sandbox serve'?)")
                    + "; pick another --port, or leave it out for any free port");
        }
    }

    public static SandboxServer start(Path stateDir, int port, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sandbox-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        SandboxServer s = new SandboxServer(server, pool, new StateStore(stateDir, clock), clock);
        server.createContext("/", s::serve);
        server.start();
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl(String emulator) {
        return "http://127.0.0.1:" + port() + "/" + emulator;
    }

    public StateStore store() {
        return store;
    }

    /** The sandbox profile's settings: every emulator's sections. */
    public ObjectNode settings() {
        ObjectNode profile = Exchange.JSON.createObjectNode();
        for (Emulator e : emulators.values()) {
            e.settings(baseUrl(e.name()), profile);
        }
        return profile;
    }

    public void reset() {
        store.reset(emulators.values(), Seed.at(clock.instant()));
    }

    private void serve(HttpExchange http) throws IOException {
        try (http) {
            String full = http.getRequestURI().getRawPath();
            String[] parts = full.split("/", 3);
            String name = parts.length > 1 ? parts[1] : "";
            String rest = parts.length > 2 ? "/" + parts[2] : "/";
            byte[] body = http.getRequestBody().readAllBytes();
            Exchange.Reply reply;
            if (name.equals("_sandbox")) {
                reply = control(http.getRequestMethod(), rest);
            } else {
                Emulator e = emulators.get(name);
                if (e == null) {
                    reply = Exchange.Reply.text(404, "no emulator at /" + name);
                } else {
                    reply = answer(e, http, rest, body);
                }
            }
            if (reply == null) {
                return; // connection reset on purpose
            }
            // Recorded before the answer leaves: a test that has its response must also see the record.
            Recorder.record(store.dir(), new Recorder.Recorded(name, http.getRequestMethod(), rest, http.getRequestURI().getRawQuery(),
                    Map.copyOf(http.getRequestHeaders()), new String(body, StandardCharsets.UTF_8), reply.status,
                    Map.copyOf(reply.headers), new String(reply.body, StandardCharsets.UTF_8)));
            reply.headers.forEach((k, v) -> http.getResponseHeaders().put(k, v));
            int len = reply.body.length;
            http.sendResponseHeaders(reply.status, len == 0 ? -1 : len);
            if (len > 0) {
                try (OutputStream os = http.getResponseBody()) {
                    os.write(reply.body);
                }
            }
        }
    }

    private Exchange.Reply answer(Emulator e, HttpExchange http, String rest, byte[] body) {
        ObjectNode fault = Faults.take(store.dir(), e.name(), http.getRequestMethod(), rest);
        if (fault != null) {
            switch (fault.path("kind").asText()) {
                case "429":
                    return Exchange.Reply.json(429, error("rate limited (sandbox fault)"))
                            .header("Retry-After", String.valueOf(fault.path("retry_after").asInt(1)))
                            .header("ratelimit-reset", String.valueOf(fault.path("retry_after").asInt(1)));
                case "500":
                    return Exchange.Reply.json(500, error("internal error (sandbox fault)"));
                case "503":
                    return Exchange.Reply.json(503, error("service unavailable (sandbox fault)"));
                case "reset":
                    return null;
                case "slow":
                    try {
                        Thread.sleep(fault.path("delay_ms").asInt(2000));
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                    }
                    break;
                default:
                    break;
            }
        }
        Exchange ex = new Exchange(http.getRequestMethod(), rest, http.getRequestURI().getRawQuery(),
                http.getRequestHeaders(), body, baseUrl(e.name()));
        Exchange.Reply reply;
        try {
            reply = store.withState(e, state -> {
                Exchange.Reply r;
                try {
                    r = e.handle(ex, state);
                } catch (Exchange.Reply thrown) {
                    r = thrown;
                }
                return new StateStore.Result<>(r, ex.isMutated());
            });
        } catch (RuntimeException boom) {
            reply = Exchange.Reply.json(500, error("sandbox emulator error: " + boom));
        }
        if (fault != null && fault.path("kind").asText().equals("empty") && reply.status >= 200 && reply.status < 300) {
            // the request was served (a write took effect) but the answer came back empty: an integration or proxy bug
            reply = reply.withBody(new byte[0]);
        }
        if (fault != null && fault.path("kind").asText().equals("truncate") && reply.body.length > 2) {
            byte[] cut = new byte[reply.body.length / 2];
            System.arraycopy(reply.body, 0, cut, 0, cut.length);
            reply = reply.withBody(cut);
        }
        return reply;
    }

    private Exchange.Reply control(String method, String path) {
        if (path.equals("/reset") && method.equals("POST")) {
            reset();
            return Exchange.Reply.empty(204);
        }
        if (path.equals("/status")) {
            ObjectNode n = Exchange.JSON.createObjectNode();
            n.put("state_dir", store.dir().toString());
            ObjectNode urls = n.putObject("base_urls");
            emulators.keySet().forEach(k -> urls.put(k, baseUrl(k)));
            return Exchange.Reply.json(200, n);
        }
        return Exchange.Reply.text(404, "unknown sandbox control " + path);
    }

    private static ObjectNode error(String message) {
        ObjectNode n = Exchange.JSON.createObjectNode();
        n.putObject("error").put("message", message).put("code", 0);
        n.put("message", message);
        return n;
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
