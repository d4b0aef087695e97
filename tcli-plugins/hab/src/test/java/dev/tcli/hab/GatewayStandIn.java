package dev.tcli.hab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Plays the supervisor's HTTP gateway (port 9631 on a node): {@code GET /services} built from
 * the node stand-ins' state (so a stop/start shows), using the real gateway fixture as the
 * template of each entry; or a fixture file verbatim; or a status code. Records what it received.
 */
final class GatewayStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as received. */
    record Received(String method, String path, String authorization) {
    }

    private final HttpServer server;
    private final Path state;
    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile String fixture;
    volatile int status = 200;
    /** How long to sit on a request before answering (a supervisor that accepts and hangs). */
    volatile long delayMillis;

    GatewayStandIn(Path state) throws IOException {
        this.state = state;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Authorization")));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body;
            int code = status;
            if (!ex.getRequestURI().getPath().equals("/services")) {
                code = 404;
                body = new byte[0];
            } else if (code != 200) {
                body = "{}".getBytes(StandardCharsets.UTF_8);
            } else {
                body = (fixture != null ? resource(fixture) : services()).getBytes(StandardCharsets.UTF_8);
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        // one thread per request: a hanging answer must not hold up the next test's requests
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gateway-stand-in");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    static String resource(String name) {
        try (InputStream in = GatewayStandIn.class.getResourceAsStream("/habitat-sup-fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stand-ins' services as the gateway would describe them. */
    private String services() {
        try {
            ObjectNode template = (ObjectNode) JSON.readTree(resource("sample-services-without-cfg-output.json")).get(0);
            ArrayNode out = JSON.createArrayNode();
            try (Stream<Path> files = Files.list(state.resolve("services"))) {
                for (Path f : files.sorted().toList()) {
                    String[] v = Files.readString(f).trim().split("\\s+");
                    String[] ident = v[0].split("/");
                    ObjectNode s = template.deepCopy();
                    ObjectNode pkg = (ObjectNode) s.get("pkg");
                    pkg.put("ident", v[0]).put("origin", ident[0]).put("name", ident[1]);
                    s.put("topology", v[1]);
                    s.put("desired_state", v[2].equals("up") ? "Up" : "Down");
                    ObjectNode process = (ObjectNode) s.get("process");
                    process.put("state", v[3]);
                    process.put("state_entered", Long.parseLong(v[4]));
                    if (v[5].equals("<none>")) {
                        process.putNull("pid");
                    } else {
                        process.put("pid", Integer.parseInt(v[5]));
                    }
                    s.put("service_group", v[6]);
                    Path health = state.resolve(ident[1] + ".health");
                    s.put("health_check", Files.exists(health) ? Files.readString(health).trim() : "Ok");
                    out.add(s);
                }
            }
            return JSON.writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
