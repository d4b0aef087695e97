package dev.tcli.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.testkit.TcliHarness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxFrameworkTest {
    @TempDir
    Path tmp;
    final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(SandboxServer s, String method) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(s.baseUrl("counter") + "/count"))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int count(SandboxServer s) throws Exception {
        return Exchange.JSON.readTree(call(s, "GET").body()).get("count").asInt();
    }

    @Test
    void stateSurvivesAServerRestartAndIsSharedUnderTheLock() throws Exception {
        Path dir = tmp.resolve("sandbox");
        int start;
        try (SandboxServer a = SandboxServer.start(dir, 0, Clock.systemUTC())) {
            start = count(a);
            assertEquals(200, call(a, "POST").statusCode());
        }
        try (SandboxServer b = SandboxServer.start(dir, 0, Clock.systemUTC());
                SandboxServer c = SandboxServer.start(dir, 0, Clock.systemUTC())) {
            assertEquals(start + 1, count(b), "the mutation persisted");
            // two servers on one state dir, as two tcli processes would be: no lost update
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SandboxServer s = i % 2 == 0 ? b : c;
                fs.add(pool.submit(() -> call(s, "POST")));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            pool.shutdown();
            assertEquals(start + 41, count(c));
            assertEquals(start + 41, count(b));
        }
        assertTrue(Files.exists(dir.resolve("counter.json")));
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp files left behind");
    }

    @Test
    void seedIsDeterministicAndResetRestoresIt() throws Exception {
        Path dir = tmp.resolve("sandbox");
        try (SandboxServer s = SandboxServer.start(dir, 0, Clock.systemUTC())) {
            int seeded = count(s);
            call(s, "POST");
            s.reset();
            assertEquals(seeded, count(s));
        }
    }

    @Test
    void faultsFireOnTheNextCallsThenClear() throws Exception {
        Path dir = tmp.resolve("sandbox");
        Faults.add(dir, new Faults.Fault("counter", null, null, "429", 2, 3, 0));
        Faults.add(dir, Faults.Fault.of("counter", "truncate", 1));
        try (SandboxServer s = SandboxServer.start(dir, 0, Clock.systemUTC())) {
            var r1 = call(s, "GET");
            assertEquals(429, r1.statusCode());
            assertEquals("3", r1.headers().firstValue("Retry-After").orElse(""));
            assertEquals(429, call(s, "GET").statusCode());
            var truncated = call(s, "GET");
            assertEquals(200, truncated.statusCode());
            assertTrue(!truncated.body().endsWith("}"), truncated.body());
            assertEquals(200, call(s, "GET").statusCode());
            assertTrue(!Files.exists(dir.resolve(Faults.FILE)), "consumed faults are removed");
        }
    }

    @Test
    void unknownEmulatorAndControlEndpoints() throws Exception {
        try (SandboxServer s = SandboxServer.start(tmp.resolve("sandbox"), 0, Clock.systemUTC())) {
            var r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/nope/x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode());
            var st = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/_sandbox/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode n = Exchange.JSON.readTree(st.body());
            assertEquals(s.baseUrl("counter"), n.at("/base_urls/counter").asText());
        }
    }

    @Test
    void sandboxCommandsResetStatusAndFault() throws Exception {
        var t = new TcliHarness(tmp);
        var reset = t.run("sandbox", "reset");
        assertEquals(0, reset.exit(), reset.toString());
        assertTrue(Files.exists(t.stateDir().resolve("sandbox/counter.json")));
        var status = t.run("sandbox", "status", "-o", "json");
        assertEquals(0, status.exit(), status.toString());
        boolean found = false;
        for (JsonNode n : status.json()) {
            found |= n.get("service").asText().equals("counter");
        }
        assertTrue(found, status.toString());
        assertEquals(0, t.run("sandbox", "fault", "500", "--service", "counter", "--count", "2").exit());
        assertTrue(Files.readString(t.stateDir().resolve("sandbox/faults.json")).contains("\"500\""));
        assertEquals(2, t.run("sandbox", "fault", "teapot").exit());
        assertEquals(0, t.run("sandbox", "fault", "--clear").exit());
        assertTrue(!Files.exists(t.stateDir().resolve("sandbox/faults.json")));
    }

    @Test
    void sandboxProfileMarksOutputAndPointsSettingsAtTheEmulators() {
        var t = new TcliHarness(tmp);
        var r = t.run("--profile", "sandbox", "config", "show", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stderr().contains("SANDBOX"), r.toString());
        assertTrue(r.json().at("/settings/counter/base_url").asText().startsWith("http://127.0.0.1:"), r.toString());
        assertTrue(r.json().get("sandbox").asBoolean());
        var quiet = t.run("-q", "--profile", "sandbox", "config", "show");
        assertTrue(!quiet.stderr().contains("SANDBOX"), quiet.toString());
    }
}
