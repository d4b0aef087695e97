package dev.tcli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's practice control repo, through the commands that read the team file: with no
 * team repo configured, {@code --profile sandbox} supplies one that matches the seeded team.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SandboxTeamTest {
    @TempDir
    Path tmp;

    TcliHarness t;
    Path practice;

    @BeforeEach
    void setUp() {
        t = new TcliHarness(tmp);
        practice = t.stateDir().resolve("sandbox").resolve("team");
    }

    private TcliHarness.Result sandbox(String... args) {
        List<String> all = new ArrayList<>(List.of("--profile", "sandbox"));
        all.addAll(List.of(args));
        return t.run(all.toArray(String[]::new));
    }

    @Test
    void teamShowDescribesThePracticeRepo() {
        var r = sandbox("team", "show", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode s = r.json();
        assertEquals(practice.toString(), s.path("repo").asText());
        assertTrue(s.path("file_exists").asBoolean(), r.toString());
        assertEquals("main", s.path("branch").asText());
        assertEquals("origin/main", s.path("upstream").asText());
        assertTrue(s.path("head").asText().contains("practice team"), r.toString());
        assertEquals("just now", s.path("last_sync_age").asText());
        assertEquals(1, s.path("environments").asInt());
        assertEquals(11, s.path("nodes").asInt());
        assertEquals(7, s.path("services").asInt());
        assertEquals(4, s.path("saved_searches").asInt());
        assertEquals(5, s.path("bookmarks").asInt());
        assertEquals(2, s.path("checks").asInt());
        assertTrue(r.stderr().contains("SANDBOX"), "practice output is marked: " + r);

        var v = sandbox("team", "validate");
        assertEquals(0, v.exit(), "the practice team file passes its own schema check: " + v);
    }

    @Test
    void webListsThePracticeBookmarks() {
        var r = sandbox("web", "list", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        List<String> names = new ArrayList<>();
        r.json().forEach(b -> {
            names.add(b.path("name").asText());
            assertTrue(b.path("url").asText().matches("https://[a-z.]*example\\.com(/.*)?"), b.toString());
        });
        assertTrue(names.containsAll(List.of("runbook", "live-api", "live-workers", "status-page")), names.toString());
    }

    @Test
    void logsSavedListsAndRunsSearchesThatFindTheSeededErrors() {
        var list = sandbox("logs", "saved", "-o", "json");
        assertEquals(0, list.exit(), list.toString());
        List<String> names = new ArrayList<>();
        list.json().forEach(s -> names.add(s.path("name").asText()));
        assertEquals(List.of("live-api-errors", "api-errors-by-node", "worker-disk-full", "depot-disk"), names);

        // the open builder-api incident fired minutes ago on live-builder-api-0: its errors are in the last 15m
        var r = sandbox("logs", "search", "--saved", "live-api-errors", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.json().size() > 0, "the seeded builder-api errors: " + r);
        for (JsonNode m : r.json()) {
            assertEquals("live/api", m.path("_sourcecategory").asText(), m.toString());
            assertTrue(m.path("_raw").asText().contains("ERROR"), m.toString());
        }
        assertTrue(r.stdout().contains("live-builder-api-0"), r.toString());

        var disk = sandbox("logs", "search", "--saved", "depot-disk", "-o", "json");
        assertEquals(0, disk.exit(), disk.toString());
        assertTrue(disk.json().size() > 0 && disk.json().get(0).path("_raw").asText().contains("No space left"), disk.toString());
    }

    @Test
    void onboardCheckRunsThePracticeTeamsChecks() {
        var r = sandbox("onboard", "check", "--only", "team-file", "--only", "team-repo", "--only", "team repo readable",
                "--only", "runbook checked out", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        List<String> passed = new ArrayList<>();
        r.json().forEach(c -> {
            assertTrue(c.path("ok").asBoolean(), c.toString());
            passed.add(c.path("name").asText());
        });
        assertEquals(List.of("team-file", "team-repo", "team repo readable", "runbook checked out"), passed);
    }

    @Test
    void practiceNodesFailAtOnceAsUnreachable() {
        var exec = sandbox("ssh", "exec", "live-builder-api-0", "--", "uptime");
        assertEquals(6, exec.exit(), exec.toString());
        String line = exec.stderr().lines().filter(l -> l.contains("live-builder-api-0")).findFirst().orElse("");
        assertTrue(line.startsWith("tcli: cannot reach node live-builder-api-0 at live-builder-api-0.sandbox.invalid:22"), exec.toString());
        assertFalse(exec.stderr().contains("Exception"), exec.toString());

        var login = sandbox("ssh", "live-builder-api-0");
        assertEquals(6, login.exit(), login.toString());

        var hab = sandbox("hab", "status", "live-depot-0");
        assertEquals(1, hab.exit(), "hab status: a node that cannot be asked is exit 1: " + hab);
        assertTrue(hab.stdout().contains("unreachable"), hab.toString());
        assertTrue(hab.stderr().contains("cannot reach node live-depot-0"), hab.toString());
    }

    @Test
    void resetRecreatesThePracticeRepo() throws Exception {
        assertEquals(0, sandbox("team", "show").exit());
        Path file = practice.resolve("tcli-team.toml");
        String seeded = Files.readString(file);
        Files.writeString(file, seeded.replace("[web]", "[webb]"));
        Files.writeString(practice.resolve("notes.txt"), "practice");
        var broken = sandbox("team", "validate");
        assertEquals(1, broken.exit(), "the edit sticks until a reset: " + broken);

        var reset = t.run("sandbox", "reset");
        assertEquals(0, reset.exit(), reset.toString());
        assertTrue(reset.stderr().contains("practice team repo recreated in " + practice), reset.toString());
        assertEquals(seeded, Files.readString(file));
        assertFalse(Files.exists(practice.resolve("notes.txt")));
        assertEquals(0, sandbox("team", "validate").exit());

        var status = t.run("sandbox", "status", "-o", "json");
        assertEquals(0, status.exit(), status.toString());
        JsonNode team = null;
        for (JsonNode row : status.json()) {
            if (row.path("service").asText().equals("team")) {
                team = row;
            }
        }
        assertTrue(team != null && team.path("file").asText().equals(practice.toString()), status.toString());
        assertEquals(11, team.path("holds").path("nodes").asInt(), status.toString());
    }

    @Test
    void aConfiguredTeamRepoStillWins() throws Exception {
        Path own = tmp.resolve("ops-team");
        Files.createDirectories(own);
        Files.writeString(own.resolve("tcli-team.toml"), "[web]\nmine = \"https://mine.example.com\"\n");

        t.config("[team]\nrepo = \"" + own + "\"\n");
        var r = sandbox("web", "list", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(1, r.json().size(), r.toString());
        assertEquals("mine", r.json().get(0).path("name").asText());
        var show = sandbox("team", "show", "-o", "json");
        assertEquals(own.toString(), show.json().path("repo").asText(), show.toString());

        Path other = tmp.resolve("other-team");
        Files.createDirectories(other);
        Files.writeString(other.resolve("tcli-team.toml"), "[web]\nother = \"https://other.example.com\"\n");
        t.env("TCLI_TEAM_DIR", other.toString());
        var env = sandbox("web", "list", "-o", "json");
        assertEquals("other", env.json().get(0).path("name").asText(), env.toString());

        assertFalse(Files.exists(practice), "no practice repo is made when the user names one");
    }
}
