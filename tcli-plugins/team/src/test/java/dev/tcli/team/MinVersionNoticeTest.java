package dev.tcli.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team says which tcli it runs: [tcli] min_version, checked locally, said at most once a day. */
class MinVersionNoticeTest {
    static final String NOTICE = "tcli: your team runs tcli 99.0 or newer";

    @TempDir
    Path tmp;

    TcliHarness harness(String teamFile, Instant now) throws Exception {
        Path team = tmp.resolve("team");
        Files.createDirectories(team);
        Files.writeString(team.resolve("tcli-team.toml"), teamFile);
        return new TcliHarness(tmp.resolve("home")).env("TCLI_TEAM_DIR", team.toString()).clock(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void anOlderTcliIsToldOnceADayAndNeverWithQuiet() throws Exception {
        Instant day = Instant.parse("2026-12-02T09:00:00Z");
        var t = harness("[tcli]\nmin_version = \"99.0\"\n", day);
        var first = t.run("team", "show");
        assertEquals(0, first.exit(), first.toString());
        assertTrue(first.stderr().contains(NOTICE), first.stderr());
        assertTrue(first.stderr().contains("tcli-team.toml:2"), "where the team says so: " + first.stderr());
        assertEquals(1, first.stderr().lines().filter(l -> l.contains("your team runs")).count());
        assertFalse(t.run("team", "show").stderr().contains(NOTICE), "once a day");

        var nextDay = harness("[tcli]\nmin_version = \"99.0\"\n", day.plusSeconds(86_400));
        assertFalse(nextDay.run("-q", "team", "show").stderr().contains(NOTICE), "never with -q");
        assertTrue(nextDay.run("team", "show").stderr().contains(NOTICE), "the next day again");
    }

    @Test
    void aCurrentTcliOrNoPinSaysNothing() throws Exception {
        Instant now = Instant.parse("2026-12-02T09:00:00Z");
        assertFalse(harness("[tcli]\nmin_version = \"0.0.1\"\n", now).run("team", "show").stderr().contains("your team runs"));
        assertFalse(harness("[web]\nx = \"https://example.com\"\n", now).run("team", "show").stderr().contains("your team runs"));
    }

    @Test
    void validateChecksTheTable() throws Exception {
        Instant now = Instant.parse("2026-12-02T09:00:00Z");
        var good = harness("[tcli]\nmin_version = \"0.2.0\"\nrelease_url = \"https://example.com/tcli/\"\n", now).run("team", "validate");
        assertEquals(0, good.exit(), good.toString());
        var bad = harness("[tcli]\nmin_version = \"0.2.x\"\n", now).run("team", "validate");
        assertEquals(1, bad.exit(), bad.toString());
        assertTrue(bad.stdout().contains("tcli.min_version") || bad.stderr().contains("tcli.min_version"), bad.toString());
    }
}
