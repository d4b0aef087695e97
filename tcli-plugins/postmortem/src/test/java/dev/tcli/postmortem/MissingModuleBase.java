package dev.tcli.postmortem;

import dev.tcli.sandbox.Recorder;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For the tests run with a module's jar taken off the class path (the pom's without-* executions). */
abstract class MissingModuleBase {
    @TempDir
    Path tmp;
    TcliHarness t;
    /** What this test's emulators answered (its own sandbox state, so parallel tests never mix). */
    Recorder rec;

    @BeforeEach
    void setUp() {
        t = new TcliHarness(tmp);
        rec = Recorder.of(t.stateDir().resolve("sandbox"));
    }

    @AfterEach
    void tearDown() {
        rec.close();
    }

    /** The run's error lines, without the sandbox's practice-data banner. */
    static String errors(TcliHarness.Result r) {
        return String.join("\n", r.stderr().lines().filter(l -> l.startsWith("tcli: ") && !l.contains("SANDBOX")).toList());
    }
}
