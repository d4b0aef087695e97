package dev.tcli.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** A temp home whose config has profiles extending the sandbox, and the recorder of what the emulators received. */
abstract class OncallTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Fast retries; otherwise the built-in sandbox profile. */
    static final String CONFIG = TestProfile.toml(TestProfile.fast("fast"),
            TestProfile.of("badtoken").set("pagerduty", "token", "not-the-token"),
            TestProfile.of("account").set("pagerduty", "token", "sandbox-pagerduty-account-token")
                    .set("pagerduty", "email", "dana.whitfield@example.com"));

    @TempDir
    Path tmp;
    TcliHarness t;
    /** What this test's emulators answered (its own sandbox state, so parallel tests never mix). */
    Recorder rec;

    @BeforeEach
    void setUp() {
        t = new TcliHarness(tmp).config(CONFIG);
        rec = Recorder.of(t.stateDir().resolve("sandbox"));
    }

    @AfterEach
    void tearDown() {
        rec.close();
    }

    TcliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--profile", "fast", "oncall"));
        all.addAll(List.of(args));
        return t.run(all.toArray(String[]::new));
    }

    List<Recorder.Recorded> received(Predicate<Recorder.Recorded> p) {
        List<Recorder.Recorded> out = new ArrayList<>();
        for (Recorder.Recorded r : snapshot()) {
            if (p.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** What was recorded so far (the recorder keeps running). */
    List<Recorder.Recorded> snapshot() {
        return rec.all();
    }

    JsonNode openIncidents() {
        var r = run("incidents", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        return r.json();
    }

    String myTriggered() {
        for (JsonNode i : openIncidents()) {
            if (i.path("status").asText().equals("triggered") && i.path("assignees").toString().contains("Dana Whitfield")) {
                return i.path("number").asText();
            }
        }
        throw new AssertionError("no triggered incident for me in the seed");
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }
}
