package dev.tcli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.TcliHarness;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "nothing here is live": the sandbox runs no local tool for real, writes nothing outside tcli's state dir, reaches no real host. */
class SealedSandboxTest {
    private static final String SSH_CONFIG = "# the user's own\nHost work\n  HostName work.example.com\n  User me\n";

    @TempDir
    Path tmp;

    /** A {@code hab} that records every call and would succeed, first on PATH, with a real-looking token in the environment. */
    private TcliHarness withFakeHab() throws IOException {
        // the working directory too is under the test's root, where outside() looks
        var t = new TcliHarness(tmp).env("PWD", Files.createDirectories(tmp.resolve("cwd")).toString());
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path hab = bin.resolve("hab");
        Files.writeString(hab, "#!/bin/sh\necho \"$@ token=$HAB_AUTH_TOKEN\" >> '" + tmp.resolve("hab-calls") + "'\necho promoted\n");
        Files.setPosixFilePermissions(hab, PosixFilePermissions.fromString("rwxr-xr-x"));
        t.env("PATH", bin + ":" + t.env().get("PATH"));
        t.env("HAB_AUTH_TOKEN", "_Qk9YLTEKMjAxODA5MDYyMDI1MzUK-real-token");
        t.env("TCLI_HAB_AUTH_TOKEN", "_Qk9YLTEKMjAxODA5MDYyMDI1MzUK-real-token");
        return t;
    }

    @Test
    void habPromoteIsEmulatedAndTheHabOnPathStaysUncalled() throws IOException {
        var t = withFakeHab();
        var r = t.run("--profile", "sandbox", "hab", "promote", "habitat/builder-api/7602/20180906202535", "stable", "--yes");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("Promoted habitat/builder-api/7602/20180906202535 to channel 'stable'"), r.toString());
        assertTrue(r.stderr().contains("emulated"), r.toString());
        assertFalse(Files.exists(tmp.resolve("hab-calls")), "the sandbox ran the hab on PATH");
        assertFalse((r.stdout() + r.stderr()).contains("real-token"), r.toString());
        String journal = Files.readString(t.stateDir().resolve("journal.jsonl"));
        assertTrue(journal.contains("\"emulated\":true") && journal.contains("\"profile\":\"sandbox\""), journal);

        // the same fake under a real profile is called: the test's hab is genuinely runnable
        t.config("[profiles.live.oncall]\nprovider = \"pagerduty\"\n");
        var live = t.run("--profile", "live", "hab", "promote", "habitat/builder-api/7602/20180906202535", "stable", "--yes");
        assertEquals(0, live.exit(), live.toString());
        assertTrue(Files.readString(tmp.resolve("hab-calls")).contains("pkg promote habitat/builder-api/7602/20180906202535 stable"));
    }

    @Test
    void noSandboxVerbWritesOutsideTheStateDir() throws IOException {
        var t = withFakeHab();
        Path sshConfig = t.home().resolve(".ssh/config");
        Files.createDirectories(sshConfig.getParent());
        Files.writeString(sshConfig, SSH_CONFIG);
        assertEquals(0, t.run("--profile", "sandbox", "sandbox", "reset").exit());
        var list = t.run("--profile", "sandbox", "status", "incident", "list", "-o", "json");
        String statusIncident = list.json().get(0).path("id").asText();

        List<List<String>> runs = new ArrayList<>();
        DryRunEveryVerbTest.samples(statusIncident).forEach((verb, args) -> {
            if (!verb.startsWith("tcli config ")) { // the one verb meant to write outside: the user's config file
                List<String> line = new ArrayList<>(List.of("--profile", "sandbox", "--yes"));
                line.addAll(List.of(verb.split(" ")).subList(1, verb.split(" ").length));
                line.addAll(args);
                runs.add(line);
            }
        });
        for (String read : List.of("ssh hosts", "ssh config", "sandbox status", "team show", "team validate", "web list",
                "oncall incidents", "oncall who", "logs saved", "onboard check", "hab status")) {
            List<String> line = new ArrayList<>(List.of("--profile", "sandbox"));
            line.addAll(List.of(read.split(" ")));
            runs.add(line);
        }
        Map<String, String> before = outside(t);
        List<String> problems = new ArrayList<>();
        for (List<String> line : runs) {
            var r = t.run(line.toArray(String[]::new));
            Map<String, String> after = outside(t);
            if (!before.equals(after)) {
                problems.add(String.join(" ", line) + " wrote outside the state dir: " + after.keySet() + " vs " + before.keySet());
                before = after;
            }
            if (r.stderr().contains("Exception")) {
                problems.add(String.join(" ", line) + ": " + r);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(SSH_CONFIG, Files.readString(sshConfig));
        assertFalse(Files.exists(tmp.resolve("hab-calls")), "the sandbox ran the hab on PATH");
    }

    @Test
    void realCredentialsInTheEnvironmentAreNotUsed() {
        var t = new TcliHarness(tmp).env("TCLI_PAGERDUTY_TOKEN", "u+real-live-key-0001")
                .env("TCLI_STATUSPAGE_TOKEN", "real-statuspage-key").env("TCLI_SUMOLOGIC_ACCESS_KEY", "real-sumo-key");
        for (String[] verb : List.of(new String[] {"oncall", "incidents"}, new String[] {"status", "components"},
                new String[] {"logs", "search", "error", "--since", "5m"})) {
            List<String> line = new ArrayList<>(List.of("--profile", "sandbox", "-vv"));
            line.addAll(List.of(verb));
            var r = t.run(line.toArray(String[]::new));
            assertEquals(0, r.exit(), r.toString()); // with the real key the emulator would answer 401: exit 4
            for (String secret : List.of("u+real-live-key-0001", "real-statuspage-key", "real-sumo-key")) {
                assertFalse(r.stderr().contains(secret), r.toString());
            }
        }
    }

    @Test
    void sshConfigWriteGoesToTheSandboxFile() throws IOException {
        var t = new TcliHarness(tmp);
        var r = t.run("--profile", "sandbox", "ssh", "config", "--write");
        assertEquals(0, r.exit(), r.toString());
        Path file = t.stateDir().resolve("sandbox/ssh_config");
        assertTrue(Files.readString(file).contains("live-builder-api-0.sandbox.invalid"), Files.readString(file));
        assertTrue(r.stderr().contains("ssh -F " + file), r.toString());
        assertFalse(Files.exists(t.home().resolve(".ssh/config")));
    }

    @Test
    void aConfiguredTeamRepoWithRealHostsIsNotReachedFromTheSandbox() throws IOException {
        var t = new TcliHarness(tmp);
        Path repo = Files.createDirectories(tmp.resolve("ops-team"));
        Files.writeString(repo.resolve("tcli-team.toml"), """
                [environments.live]
                jump_host = "bastion.example.com"
                [[environments.live.nodes]]
                name = "live-api-0"
                host = "10.0.0.5"
                """);
        t.env("TCLI_TEAM_DIR", repo.toString());
        var r = t.run("--profile", "sandbox", "ssh", "exec", "live-api-0", "--", "uptime");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("the sandbox connects to no real machine") && r.stderr().contains("TCLI_TEAM_DIR"), r.toString());
        var status = t.run("sandbox", "status");
        assertTrue(status.stderr().contains("team repo in use: " + repo + " (TCLI_TEAM_DIR)"), status.toString());
        // onboard check neither dials the real jump host nor logs in to it
        var check = t.run("--profile", "sandbox", "onboard", "check", "-o", "json");
        for (var c : check.json()) {
            if (List.of("jump-host", "known-hosts", "ssh-login").contains(c.path("name").asText())) {
                assertTrue(c.path("ok").isNull() && c.path("detail").asText().contains("the sandbox connects to no real machine"),
                        c.toString());
            }
        }
        assertTrue(check.stdout().contains("ssh-login"), check.toString());
    }

    @Test
    void aConfiguredButMissingTeamRepoIsNamed() {
        var t = new TcliHarness(tmp);
        t.env("TCLI_TEAM_DIR", tmp.resolve("not-cloned-yet").toString());
        var r = t.run("--profile", "sandbox", "ssh", "hosts");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("configured but missing") && r.stderr().contains("not-cloned-yet"), r.toString());
        var saved = t.run("--profile", "sandbox", "logs", "saved");
        assertTrue(saved.stderr().contains("configured but missing"), saved.toString());
        assertFalse(saved.stderr().contains("no team repo configured"), saved.toString());
        var status = t.run("sandbox", "status");
        assertTrue(status.stderr().contains("configured but missing"), status.toString());
    }

    @Test
    void faultsAreListedCountedAndDryRunStagesNothing() {
        var t = new TcliHarness(tmp);
        assertEquals(0, t.run("sandbox", "fault", "429", "--service", "pagerduty", "--count", "4").exit());
        assertEquals(0, t.run("sandbox", "fault", "500", "--path", "/incidents", "--count", "5").exit());
        var dry = t.run("sandbox", "fault", "503", "--dry-run");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.stdout().contains("would stage: 503"), dry.toString());
        var status = t.run("sandbox", "status");
        assertTrue(status.stderr().contains("faults staged: 2"), status.toString());
        assertTrue(status.stderr().contains("429 on pagerduty, 4 call(s) left"), status.toString());
        assertTrue(status.stderr().contains("500 on any service /incidents*, 5 call(s) left"), status.toString());
        assertFalse(status.stderr().contains("503"), status.toString());
        var dryClear = t.run("sandbox", "fault", "--clear", "--dry-run");
        assertTrue(dryClear.stdout().contains("would clear 2 staged fault(s)"), dryClear.toString());
        assertTrue(t.run("sandbox", "status").stderr().contains("faults staged: 2"));
        var clear = t.run("sandbox", "fault", "--clear");
        assertTrue(clear.stderr().contains("cleared 2 staged fault(s) (9 call(s)"), clear.toString());
        assertTrue(t.run("sandbox", "status").stderr().contains("faults staged: none"));
    }

    @Test
    void resetDryRunKeepsThePracticersChanges() throws IOException {
        var t = new TcliHarness(tmp);
        assertEquals(0, t.run("--profile", "sandbox", "oncall", "ack", "1244", "--yes").exit());
        var dry = t.run("sandbox", "reset", "--dry-run");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.stdout().contains("would restore the seed data"), dry.toString());
        var show = t.run("--profile", "sandbox", "oncall", "show", "1244", "-o", "json");
        assertEquals("acknowledged", show.json().path("status").asText(), show.toString());
    }

    @Test
    void serveOnABusyOrInvalidPortSaysSoInOneLine() throws IOException {
        var t = new TcliHarness(tmp);
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var r = t.run("sandbox", "serve", "--port", String.valueOf(busy.getLocalPort()));
            assertEquals(6, r.exit(), r.toString());
            assertTrue(r.stderr().contains("the port is in use") && !r.stderr().contains("Exception"), r.toString());
            assertEquals(1, r.stderr().strip().lines().count(), r.toString());
        }
        var bad = t.run("sandbox", "serve", "--port", "70000");
        assertEquals(2, bad.exit(), bad.toString());
        assertTrue(bad.stderr().contains("--port 70000 is not a TCP port"), bad.toString());
    }

    @Test
    void configInitTakesTheGlobalProfile() throws IOException {
        var t = new TcliHarness(tmp);
        var r = t.run("--profile", "acceptance", "config", "init", "--provider", "pagerduty", "--pagerduty-email", "a@example.com",
                "--pagerduty-token-cmd", "echo token");
        assertEquals(0, r.exit(), r.toString());
        String config = Files.readString(t.configFile());
        assertTrue(config.contains("[profiles.acceptance.pagerduty]") && !config.contains("profiles.live"), config);
        var clash = t.run("--profile", "acceptance", "config", "init", "--name", "live", "--provider", "pagerduty");
        assertEquals(2, clash.exit(), clash.toString());
        assertTrue(clash.stderr().contains("--name"), clash.toString());
        var builtIn = t.run("--profile", "sandbox", "config", "init", "--provider", "pagerduty");
        assertEquals(2, builtIn.exit(), builtIn.toString());
        assertEquals(config, Files.readString(t.configFile()));
        var missing = t.run("config", "init", "--name", "second", "--provider", "pagerduty", "--team-repo",
                tmp.resolve("nowhere").toString());
        assertEquals(0, missing.exit(), missing.toString());
        assertTrue(missing.stderr().contains("does not exist yet"), missing.toString());
    }

    /** Every file of the test's root (cwd, $HOME...) outside tcli's state dir and cache, by content. */
    private static Map<String, String> outside(TcliHarness t) throws IOException {
        Map<String, String> all = DryRunEveryVerbTest.snapshot(t.root());
        Map<String, String> out = new TreeMap<>();
        Path state = t.root().relativize(t.stateDir());
        all.forEach((k, v) -> {
            if (!Path.of(k).startsWith(state) && !k.startsWith("home/.cache/")) {
                out.put(k, v);
            }
        });
        return out;
    }
}
