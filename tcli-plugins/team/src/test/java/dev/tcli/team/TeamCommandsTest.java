package dev.tcli.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamCommandsTest {
    static final String TEAM = """
            [environments.live]
            jump_host = "jump.example.com"
            jump_port = 22

            [[environments.live.nodes]]
            name = "live-builder-api-0"
            host = "10.0.1.12"

            [[environments.live.nodes]]
            name = "live-datastore-0"
            host = "10.0.1.20"

            [environments.acceptance]
            jump_host = "jump.acceptance.example.com"
            inventory_cmd = "scripts/inventory acceptance"

            [services.builder-api]
            requires = ["builder-datastore"]

            [services.builder-datastore]

            [logs.saved.live-api-errors]
            query = "_sourceCategory=live/api error"
            since = "15m"

            [web]
            live-api = "https://dashboards.example.com/live-api"
            runbook = "https://wiki.example.com/oncall"

            [onboard]
            tools = ["hab", "psql"]

            [[onboard.checks]]
            name = "Vault access"
            run = "vault token lookup"
            hint = "Ask a teammate for access to secret/habitat/live-env"
            """;

    @TempDir
    Path tmp;
    GitFixture git;
    TcliHarness t;

    @BeforeEach
    void setUp() throws Exception {
        git = new GitFixture(tmp, TEAM);
        t = new TcliHarness(tmp.resolve("user"));
        t.config("default_profile = \"live\"\n[team]\nrepo = \"" + git.checkout + "\"\n[profiles.live.ssh]\nuser = \"jdoe\"\n");
    }

    @Test
    void showSaysWhatTheFileDefinesAndWhenItWasSynced() {
        var r = t.run("team", "show", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = r.json();
        assertEquals(git.checkout.toString(), j.get("repo").asText());
        assertTrue(j.get("file_exists").asBoolean());
        assertEquals("main", j.get("branch").asText());
        assertEquals("origin/main", j.get("upstream").asText());
        assertEquals(git.origin.toString(), j.get("remote").asText());
        assertTrue(j.get("head").asText().endsWith("team file"), j.toString());
        assertEquals(2, j.get("environments").asInt());
        assertEquals(2, j.get("nodes").asInt());
        assertEquals(1, j.get("inventory_commands").asInt());
        assertEquals(2, j.get("services").asInt());
        assertEquals(1, j.get("saved_searches").asInt());
        assertEquals(2, j.get("bookmarks").asInt());
        assertEquals(1, j.get("checks").asInt());
        assertEquals("[\"hab\",\"psql\"]", j.get("tools").toString());
        // the clone counts as a sync
        assertEquals("just now", j.get("last_sync_age").asText(), j.toString());
        assertFalse(r.stderr().contains("tcli team sync"), r.toString());

        var table = t.run("team", "show");
        assertEquals(0, table.exit(), table.toString());
        assertTrue(table.stdout().contains("origin/main"), table.toString());
        assertTrue(table.stdout().contains("2 (2 nodes, 1 inventory_cmd)"), table.toString());
        assertTrue(table.stdout().contains("tools: hab, psql"), table.toString());
    }

    @Test
    void aStaleCheckoutEarnsOneLineOnStderrWithoutTouchingTheNetwork() throws Exception {
        // a clock ten days ahead: the clone's reflog entry and FETCH_HEAD are both old then
        t.clock(java.time.Clock.fixed(Instant.now().plus(Duration.ofDays(10)), java.time.ZoneOffset.UTC));
        var r = t.run("team", "show", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("10 days ago", r.json().get("last_sync_age").asText());
        assertEquals(1, r.stderr().lines().filter(l -> l.contains("tcli team sync")).count(), r.toString());
        var quiet = t.run("-q", "team", "show");
        assertFalse(quiet.stderr().contains("tcli team sync"), quiet.toString());
    }

    @Test
    void syncFastForwardsAndSaysSo() throws Exception {
        git.push("tcli-team.toml", TEAM + "\n[web.grafana]\nurl = \"https://grafana.example.com\"\n", "add grafana");
        git.push("README.md", "ops\n", "readme");
        var r = t.run("team", "sync", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = r.json();
        assertTrue(j.get("updated").asBoolean());
        assertEquals(2, j.get("commits").asInt());
        assertEquals("origin/main", j.get("upstream").asText());
        assertTrue(Files.readString(git.checkout.resolve("tcli-team.toml")).contains("grafana"));
        assertTrue(Files.exists(git.checkout.resolve(".git/FETCH_HEAD")));
        // journaled like every change tcli makes
        String journal = Files.readString(t.stateDir().resolve("journal.jsonl"));
        assertTrue(journal.contains("\"module\":\"team\"") && journal.contains("\"verb\":\"sync\""), journal);

        var again = t.run("team", "sync");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.stdout().startsWith("Already up to date: main at "), again.toString());
    }

    @Test
    void syncRefusesADivergedCheckout() throws Exception {
        git.push("README.md", "theirs\n", "their change");
        git.commit(git.checkout, "NOTES.md", "mine\n", "my change");
        var r = t.run("team", "sync");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stderr().contains("have diverged"), r.toString());
        assertTrue(r.stderr().contains("rebase or merge them by hand in " + git.checkout), r.toString());
    }

    @Test
    void syncRefusesToOverwriteLocalChanges() throws Exception {
        git.push("tcli-team.toml", TEAM + "\n# theirs\n", "their change");
        Files.writeString(git.checkout.resolve("tcli-team.toml"), TEAM + "\n# mine, uncommitted\n");
        var r = t.run("team", "sync");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stderr().contains("local changes in " + git.checkout + " conflict"), r.toString());
        assertTrue(Files.readString(git.checkout.resolve("tcli-team.toml")).contains("mine, uncommitted"));
    }

    @Test
    void syncWithoutUpstreamSaysHowToSetOne() throws Exception {
        git.git(git.checkout, "checkout", "-q", "-b", "experiment");
        var r = t.run("team", "sync");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stderr().contains("branch experiment of the team repo " + git.checkout + " has no upstream"), r.toString());
        assertTrue(r.stderr().contains("--set-upstream-to=origin/experiment"), r.toString());
    }

    @Test
    void syncWithAMissingRemoteIsUnavailable() throws Exception {
        git.git(git.checkout, "remote", "set-url", "origin", tmp.resolve("gone.git").toString());
        var r = t.run("team", "sync");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("cannot reach the team repo's remote (origin/main)"), r.toString());
    }

    @Test
    void syncDryRunChangesNothing() throws Exception {
        git.push("README.md", "theirs\n", "their change");
        var r = t.run("team", "sync", "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("would run: git -C " + git.checkout + " pull --ff-only"), r.toString());
        assertFalse(Files.exists(git.checkout.resolve("README.md")));
    }

    @Test
    void withoutATeamRepoEveryVerbSaysHowToConfigureOne() {
        var none = new TcliHarness(tmp.resolve("nobody"));
        none.config("default_profile = \"live\"\n[profiles.live.ssh]\nuser = \"x\"\n");
        for (String verb : new String[] {"show", "sync", "validate"}) {
            var r = none.run("team", verb);
            assertEquals(3, r.exit(), r.toString());
            assertTrue(r.stderr().contains("[team] repo"), r.toString());
        }
    }

    @Test
    void credentialsInTheRemoteUrlAreNeverShown() throws Exception {
        git.git(git.checkout, "remote", "set-url", "origin", "https://jdoe:s3cr3t-token@git.example.com/ops/team.git");
        var r = t.run("team", "show");
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.stdout().contains("s3cr3t-token"), r.toString());
        assertTrue(r.stdout().contains("https://***@git.example.com/ops/team.git"), r.toString());
    }

    @Test
    void teamDirFromTheEnvironmentWins() {
        var ci = new TcliHarness(tmp.resolve("ci")).env("TCLI_TEAM_DIR", git.checkout.toString());
        var r = ci.run("team", "validate");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.stdout(), r.toString());
        assertTrue(r.stderr().contains("tcli-team.toml: valid"), r.toString());
    }

    @Test
    void badOptionIsUsage() {
        assertEquals(2, t.run("team", "show", "--bogus").exit());
        assertEquals(2, t.run("team", "frobnicate").exit());
    }

    static void touch(Path file, Instant when) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(when));
    }
}
