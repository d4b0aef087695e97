package dev.tcli.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcli.sandbox.Faults;
import dev.tcli.sandbox.Recorder;
import dev.tcli.testkit.TcliHarness;
import dev.tcli.testkit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A temp home with profiles extending the sandbox, and what the Statuspage emulator received. */
abstract class StatusTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PAGE = "hbldr7sbx0pg";
    static final String TOKEN = "sandbox-statuspage-token";
    static final String CONFIG = TestProfile.toml(TestProfile.fast("fast"),
            TestProfile.fast("small").set("statuspage", "per_page", 2),
            TestProfile.of("badtoken").set("statuspage", "token", "not-the-token"));

    @TempDir
    Path tmp;
    TcliHarness t;
    /** What this test's emulators answered (its own sandbox state, so parallel tests never mix). */
    Recorder rec;
    private final List<Recorder.Recorded> seen = new ArrayList<>();

    @BeforeEach
    void setUp() {
        t = new TcliHarness(tmp).config(CONFIG);
        rec = Recorder.of(t.stateDir().resolve("sandbox"));
    }

    @AfterEach
    void tearDown() {
        rec.close();
    }

    TcliHarness.Result status(String... args) {
        List<String> all = new ArrayList<>(List.of("--profile", "fast", "status"));
        all.addAll(List.of(args));
        return t.run(all.toArray(String[]::new));
    }

    TcliHarness.Result ok(String... args) {
        TcliHarness.Result r = status(args);
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    Path sandboxDir() {
        return t.stateDir().resolve("sandbox");
    }

    void fault(String kind, int count) {
        Faults.add(sandboxDir(), Faults.Fault.of("statuspage", kind, count));
    }

    /** Statuspage exchanges so far (the recorder keeps running). */
    List<Recorder.Recorded> received(Predicate<Recorder.Recorded> p) {
        seen.addAll(rec.all());
        rec.clear();
        List<Recorder.Recorded> out = new ArrayList<>();
        for (Recorder.Recorded r : seen) {
            if (r.service().equals("statuspage") && p.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    List<Recorder.Recorded> writes() {
        return received(r -> !r.method().equals("GET"));
    }



    JsonNode components() {
        return ok("components", "-o", "json").json();
    }

    String componentId(String name) {
        for (JsonNode c : components()) {
            if (c.path("name").asText().equals(name)) {
                return c.path("id").asText();
            }
        }
        throw new AssertionError("no component " + name);
    }

    String openIncident() {
        JsonNode list = ok("incident", "list", "--unresolved", "-o", "json").json();
        assertEquals(1, list.size(), list.toString());
        return list.get(0).path("id").asText();
    }

    List<JsonNode> journal() {
        List<JsonNode> out = new ArrayList<>();
        try {
            Path f = t.stateDir().resolve("journal.jsonl");
            if (Files.exists(f)) {
                for (String line : Files.readAllLines(f)) {
                    out.add(JSON.readTree(line));
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
