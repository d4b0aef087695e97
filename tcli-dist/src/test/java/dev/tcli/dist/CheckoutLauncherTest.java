package dev.tcli.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/tcli, the checkout's launcher, in a throwaway checkout whose Maven is a stand-in: it
 * "builds" a distribution whose bin/tcli prints the version written in the checkout's
 * {@code VERSION} file, fails when that says {@code broken}, and takes {@code DELAY} seconds. So
 * the test sees which build answered, while a build runs aside, and what a failed build leaves.
 */
class CheckoutLauncherTest {
    static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("scripts/tcli");

    @TempDir
    Path tmp;
    Path repo;
    Path source;
    Path mvn;

    record Run(int exit, String stdout, String stderr) {
    }

    @BeforeEach
    void setUp() throws IOException {
        repo = tmp.resolve("checkout");
        Files.createDirectories(repo.resolve("scripts"));
        Files.copy(SCRIPT, repo.resolve("scripts/tcli"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>\n");
        source = repo.resolve("mod/src/main/java/A.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class A {}\n");
        version("v1", 0);
        mvn = tmp.resolve("mvn");
        Files.writeString(mvn, """
                #!/usr/bin/env bash
                echo "[INFO] Building tcli core 0.1.0"
                sleep "$(cat DELAY)"
                v=$(cat VERSION)
                if [ "$v" = broken ]; then echo "[ERROR] A.java:[1,1] cannot find symbol"; exit 1; fi
                mkdir -p tcli-dist/target/tcli/bin
                printf '#!/bin/sh\\necho "%s $*"\\n' "$v" > tcli-dist/target/tcli/bin/tcli
                chmod +x tcli-dist/target/tcli/bin/tcli
                echo "[INFO] BUILD SUCCESS"
                """);
        mvn.toFile().setExecutable(true);
    }

    @AfterEach
    void waitForBuildsAside() {
        // a build aside is a detached process: let it finish before the temp dir goes
        Await.until(() -> !Files.exists(repo.resolve(".tcli/build.lock")), Duration.ofSeconds(30));
    }

    void version(String v, int delaySeconds) throws IOException {
        Files.writeString(repo.resolve("VERSION"), v + "\n");
        Files.writeString(repo.resolve("DELAY"), delaySeconds + "\n");
    }

    /** A source edit, dated after every build so far (file times can be coarse: the builds' marks are moved back). */
    void edit() throws IOException {
        FileTime before = FileTime.from(Instant.now().minusSeconds(10));
        for (Path mark : List.of(repo.resolve(".tcli/current/.built"), repo.resolve(".tcli/failed"))) {
            if (Files.exists(mark)) {
                Files.setLastModifiedTime(mark, before);
            }
        }
        Files.writeString(source, "class A { int x; }\n");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now()));
    }

    Run run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", repo.resolve("scripts/tcli").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().put("TCLI_MVN", mvn.toString());
        pb.environment().remove("TCLI_BUILD_NOW");
        pb.environment().remove("TCLI_BUILD_ONLY");
        pb.redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "scripts/tcli finished");
        return new Run(p.exitValue(), Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void theFirstRunBuildsInTheForegroundWithProgressThenServes() throws Exception {
        Run r = run("--help");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("v1 --help\n", r.stdout());
        assertTrue(r.stderr().contains("first run: building the distribution"), r.stderr());
        assertTrue(r.stderr().contains("tcli:   building tcli core"), "progress per module: " + r.stderr());
        Run again = run("oncall", "ack");
        assertEquals("v1 oncall ack\n", again.stdout());
        assertEquals("", again.stderr(), "nothing to build: nothing said");
    }

    @Test
    void afterAChangeTheLastGoodBuildAnswersAndTheNewOneTakesOverWhenBuilt() throws Exception {
        run("--help");
        version("v2", 2);
        edit();
        Run r = run("--help");
        assertEquals("v1 --help\n", r.stdout(), "the last good build answers at once");
        assertEquals("", r.stderr());
        assertTrue(Await.until(() -> answers("v2"), Duration.ofSeconds(30)), "the new build took over");
        assertTrue(Await.until(() -> !Files.exists(repo.resolve(".tcli/build.lock"))), "the build aside ended");
        assertTrue(Files.readString(repo.resolve(".tcli/build.log")).contains("BUILD SUCCESS"));
    }

    @Test
    void aBrokenChangeLeavesTheLastGoodBuildServingAndIsReportedOnce() throws Exception {
        run("--help");
        version("broken", 0);
        edit();
        assertEquals("v1 x\n", run("x").stdout());
        assertTrue(Await.until(() -> Files.exists(repo.resolve(".tcli/failed")), Duration.ofSeconds(30)), "the build aside failed");
        Await.until(() -> !Files.exists(repo.resolve(".tcli/build.lock")), Duration.ofSeconds(30));
        Run told = run("x");
        assertEquals("v1 x\n", told.stdout());
        assertEquals(1, told.stderr().lines().count(), told.stderr());
        assertTrue(told.stderr().startsWith("tcli: building the changed sources failed (log: " + repo.resolve(".tcli/build.log")),
                told.stderr());
        Run quiet = run("x");
        assertEquals("v1 x\n", quiet.stdout());
        assertEquals("", quiet.stderr(), "said once; no retry until the sources change again");

        version("v3", 0);
        edit();
        run("x");
        assertTrue(Await.until(() -> answers("v3"), Duration.ofSeconds(30)), "the next change builds again");
    }

    @Test
    void rebuildBuildsInTheForegroundFirst() throws Exception {
        run("--help");
        version("v2", 0);
        edit();
        Run r = run("--rebuild", "version");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("v2 version\n", r.stdout());
        assertTrue(r.stderr().contains("building the changed sources"), r.stderr());
    }

    @Test
    void aFailedFirstBuildSaysWhereTheLogIs() throws Exception {
        version("broken", 0);
        Run r = run("--help");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stderr().contains("[ERROR] A.java:[1,1] cannot find symbol"), r.stderr());
        assertTrue(r.stderr().contains("the build failed (full log: " + repo.resolve(".tcli/build.log")), r.stderr());
    }

    private boolean answers(String version) {
        try {
            return run("probe").stdout().equals(version + " probe\n");
        } catch (Exception e) {
            return false;
        }
    }
}
