package dev.tcli.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.Faults;
import dev.tcli.sandbox.Recorder;
import dev.tcli.sandbox.StateStore;
import dev.tcli.sandbox.sumologic.SumoLogicEmulator;
import dev.tcli.testkit.TcliHarness;
import dev.tcli.testkit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A temp home with profiles extending the sandbox, a team file with saved searches, and what the Sumo Logic emulator received. */
abstract class LogsTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String CONFIG = "[team]\nrepo = \"~/team\"\n" + TestProfile.toml(
            TestProfile.fast("fast").set("sumologic", "poll_interval", "20ms"),
            TestProfile.fast("small").set("sumologic", "poll_interval", "20ms").set("sumologic", "page_size", 7),
            TestProfile.of("patient").retries("150ms", 6).set("sumologic", "poll_interval", "20ms"),
            TestProfile.of("badkey").set("sumologic", "access_key", "not-the-key"));
    static final String TEAM = """
            [logs.saved.live-api-errors]
            query = "_sourceCategory=live/api error"
            since = "2h"
            description = "builder-api errors"

            [logs.saved.depot-disk]
            query = "_sourceHost=live-depot-0 \\"No space left\\""
            """;

    @TempDir
    Path tmp;
    TcliHarness t;
    /** What this test's emulators answered (its own sandbox state, so parallel tests never mix). */
    Recorder rec;
    private final List<Recorder.Recorded> seen = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        t = new TcliHarness(tmp).config(CONFIG);
        Files.createDirectories(t.home().resolve("team"));
        Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM);
        rec = Recorder.of(t.stateDir().resolve("sandbox"));
    }

    @AfterEach
    void tearDown() {
        seen.addAll(rec.all());
        rec.clear();
        if (!rateLimitExpected) {
            // the emulator enforces Sumo's 4 requests a second: tcli's own polling and paging must stay inside it
            assertEquals(List.of(), seen.stream().filter(x -> x.service().equals("sumologic") && x.status() == 429
                    && x.responseBody().contains("\"rate.limit.exceeded\"")).map(x -> x.method() + " " + x.path()).toList(),
                    "tcli ran into Sumo Logic's rate limit");
        }
    }

    private boolean rateLimitExpected;

    /** This test runs into the rate limit on purpose. */
    void expectRateLimited() {
        rateLimitExpected = true;
    }

    TcliHarness.Result logs(String profile, String... args) {
        List<String> all = new ArrayList<>(List.of("--profile", profile, "logs"));
        all.addAll(List.of(args));
        return t.run(all.toArray(String[]::new));
    }

    TcliHarness.Result ok(String... args) {
        TcliHarness.Result r = logs("fast", args);
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    Path sandboxDir() {
        return t.stateDir().resolve("sandbox");
    }

    void fault(String method, String pathPrefix, String kind, int count, int delayMillis) {
        Faults.add(sandboxDir(), new Faults.Fault("sumologic", method, pathPrefix, kind, count, 0, delayMillis));
    }

    /** Edits the emulator's state (e.g. its limits, injected messages), as another tcli process would see it. */
    void sumoState(Consumer<ObjectNode> edit) {
        new StateStore(sandboxDir(), Clock.systemUTC()).withState(new SumoLogicEmulator(), s -> {
            edit.accept(s);
            return new StateStore.Result<>(null, true);
        });
    }

    /** Sumo Logic exchanges so far (the recorder keeps running). */
    List<Recorder.Recorded> received(Predicate<Recorder.Recorded> p) {
        seen.addAll(rec.all());
        rec.clear();
        List<Recorder.Recorded> out = new ArrayList<>();
        for (Recorder.Recorded r : seen) {
            if (r.service().equals("sumologic") && p.test(r)) {
                out.add(r);
            }
        }
        return out;
    }


    static String responseHeader(Recorder.Recorded r, String name) {
        for (var e : r.responseHeaders().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    static List<JsonNode> lines(String jsonl) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : jsonl.split("\n")) {
            if (!line.isBlank()) {
                try {
                    out.add(JSON.readTree(line));
                } catch (Exception e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
        }
        return out;
    }
}
