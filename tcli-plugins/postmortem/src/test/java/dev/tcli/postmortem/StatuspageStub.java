package dev.tcli.postmortem;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in Statuspage v1 for {@code GET /v1/pages/{page}/incidents/{id}}, used while the
 * sandbox has no Statuspage emulator. Records what it received; checks {@code Authorization: OAuth}.
 */
final class StatuspageStub implements AutoCloseable {
    record Request(String method, String path, String authorization) {
    }

    static final String TOKEN = "sp-test-token";
    final List<Request> received = Collections.synchronizedList(new ArrayList<>());
    final Map<String, String> incidents = new ConcurrentHashMap<>();
    private final HttpServer server;

    StatuspageStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String path = ex.getRequestURI().getPath();
            received.add(new Request(ex.getRequestMethod(), path, auth));
            int status;
            String body;
            String id = path.replaceAll(".*/incidents/", "");
            if (!("OAuth " + TOKEN).equals(auth)) {
                status = 401;
                body = "{\"error\":\"Could not authenticate\"}";
            } else if (ex.getRequestMethod().equals("GET") && path.startsWith("/v1/pages/pg-habitat/incidents/") && incidents.containsKey(id)) {
                status = 200;
                body = incidents.get(id);
            } else {
                status = 404;
                body = "{\"error\":\"Not found\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
