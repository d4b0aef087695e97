package dev.tcli.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verbs that need no server: hosts, config, the interactive ssh argv, inventory_cmd. */
class SshCommandsTest {
    static final String TEAM = """
            [environments.live]
            jump_host = "jump.example.com"
            jump_port = 2222
            jump_user = "ops"
            identity_file = "~/.ssh/habitat-srv-admin"
            sudo = "sudo"

            [[environments.live.nodes]]
            name = "live-builder-api-0"
            host = "10.0.1.12"
            user = "ubuntu"
            roles = ["builder-api", "builder-memcached"]

            [[environments.live.nodes]]
            name = "live-datastore-0"
            host = "10.0.1.20"
            port = 2200
            user = "ubuntu"
            roles = ["builder-datastore"]

            [environments.acceptance]
            jump_host = "jump.acceptance.example.com"

            [[environments.acceptance.nodes]]
            name = "acceptance-builder-api-0"
            host = "10.1.1.12"
            roles = ["builder-api"]
            """;

    @TempDir
    Path tmp;
    TcliHarness t;

    @BeforeEach
    void setUp() throws Exception {
        t = new TcliHarness(tmp);
        t.config("default_profile = \"live\"\n[team]\nrepo = \"~/team\"\n[profiles.live.ssh]\nenvironment = \"live\"\nuser = \"jdoe\"\n");
        t.writeFile(t.home().resolve("team/tcli-team.toml"), TEAM, "rw-r--r--");
    }

    @Test
    void hostsListsTheProfileEnvironmentAndFiltersByRole() {
        var r = t.run("ssh", "hosts", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(2, r.json().size());
        assertEquals("live-builder-api-0", r.json().get(0).get("name").asText());
        assertEquals("jdoe@jump.example.com:2222", r.json().get(0).get("jump").asText(), "profile user overrides jump_user");
        var role = t.run("ssh", "hosts", "--role", "builder-datastore");
        assertEquals(0, role.exit(), role.toString());
        assertTrue(role.stdout().contains("10.0.1.20:2200") && !role.stdout().contains("live-builder-api-0"), role.stdout());
        var all = t.run("ssh", "hosts", "--all", "-o", "json");
        assertEquals(3, all.json().size());
    }

    @Test
    void hostsOfAnUnknownEnvironmentIsNotFound() {
        var r = t.run("ssh", "hosts", "--env", "staging");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.stderr().contains("live, acceptance"), r.stderr());
    }

    @Test
    void withoutATeamFileItSaysHowToConfigureOne() {
        t.config("default_profile = \"live\"\n[profiles.live.ssh]\nuser = \"x\"\n");
        var r = t.run("ssh", "hosts");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("[team] repo"), r.stderr());
    }

    @Test
    void badJumpPortNamesTheFileAndLine() throws Exception {
        Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM.replace("jump_port = 2222", "jump_port = \"x\""));
        var r = t.run("ssh", "hosts");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("tcli-team.toml:"), r.stderr());
    }

    @Test
    void inventoryCommandNodesAreMergedAndCached() throws Exception {
        Path script = t.home().resolve("team/inventory");
        t.writeFile(script, "#!/bin/sh\necho run >> \"$0.count\"\necho '[{\"name\":\"live-worker-0\",\"host\":\"10.0.2.1\",\"roles\":[\"worker\"]}]'\n", "rwxr-xr-x");
        Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM.replace("sudo = \"sudo\"", "sudo = \"sudo\"\ninventory_cmd = \"./inventory live\""));
        var r = t.run("ssh", "hosts", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(3, r.json().size());
        assertEquals("live-worker-0", r.json().get(2).get("name").asText());
        assertEquals(0, t.run("ssh", "hosts", "--role", "worker").exit());
        assertEquals(1, Files.readAllLines(Path.of(script + ".count")).size(), "second run used the cache");
    }

    @Test
    void inventoryCommandPrintingGarbageIsAConfigError() throws Exception {
        t.writeFile(t.home().resolve("team/inventory"), "#!/bin/sh\necho '{not json'\n", "rwxr-xr-x");
        Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM.replace("sudo = \"sudo\"", "inventory_cmd = \"./inventory\""));
        var r = t.run("ssh", "hosts");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("invalid JSON"), r.stderr());
    }

    @Test
    void aHungInventoryCommandIsKilledAtItsTimeout() throws Exception {
        Path pidFile = t.home().resolve("team/child.pid");
        // the script's child keeps the pipe open: tcli must not wait for it
        t.writeFile(t.home().resolve("team/inventory"), "#!/bin/sh\nsleep 300 &\necho $! > child.pid\nwait\n", "rwxr-xr-x");
        Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM.replace("sudo = \"sudo\"",
                "inventory_cmd = \"./inventory\"\ninventory_timeout = \"500ms\""));
        var r = t.run("ssh", "hosts");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("did not finish within 500ms"), r.stderr());
        long child = Long.parseLong(Files.readString(pidFile).trim());
        for (int i = 0; i < 100 && ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(20);
        }
        assertFalse(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false), "the command's child was left running");
    }

    @Test
    void aFailingInventoryCommandSaysWhy() throws Exception {
        t.writeFile(t.home().resolve("team/inventory"), "#!/bin/sh\necho 'cloud API said 403' >&2\nexit 4\n", "rwxr-xr-x");
        Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM.replace("sudo = \"sudo\"", "inventory_cmd = \"./inventory\""));
        var r = t.run("ssh", "hosts");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("failed (exit 4): cloud API said 403"), r.stderr());
        Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM.replace("sudo = \"sudo\"",
                "inventory_cmd = \"./inventory\"\ninventory_timeout = \"soon\""));
        var bad = t.run("ssh", "hosts");
        assertEquals(3, bad.exit(), bad.toString());
        assertTrue(bad.stderr().contains("inventory_timeout"), bad.stderr());
    }

    @Test
    void anEditedInventoryCommandIsNotAnsweredFromTheOldCache() throws Exception {
        t.writeFile(t.home().resolve("team/a"), "#!/bin/sh\necho '[{\"name\":\"from-a\",\"host\":\"10.0.2.1\"}]'\n", "rwxr-xr-x");
        t.writeFile(t.home().resolve("team/b"), "#!/bin/sh\necho '[{\"name\":\"from-b\",\"host\":\"10.0.2.2\"}]'\n", "rwxr-xr-x");
        Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM.replace("sudo = \"sudo\"", "inventory_cmd = \"./a\""));
        assertTrue(t.run("ssh", "hosts").stdout().contains("from-a"));
        Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM.replace("sudo = \"sudo\"", "inventory_cmd = \"./b\""));
        var r = t.run("ssh", "hosts");
        assertTrue(r.stdout().contains("from-b") && !r.stdout().contains("from-a"), r.stdout());
    }

    @Test
    void missingSshdSkipsLocallyButFailsUnderCi() {
        assertThrows(org.opentest4j.TestAbortedException.class, () -> dev.tcli.ssh.testing.SshdFixture.missing("no sshd", java.util.Map.of()));
        assertThrows(org.opentest4j.TestAbortedException.class, () -> dev.tcli.ssh.testing.SshdFixture.missing("no sshd", java.util.Map.of("CI", "false")));
        AssertionError e = assertThrows(AssertionError.class, () -> dev.tcli.ssh.testing.SshdFixture.missing("no sshd", java.util.Map.of("CI", "true")));
        assertTrue(e.getMessage().contains("CI=true"), e.getMessage());
    }

    @Test
    void interactiveSshGoesThroughTheJumpWithTheHomeKnownHosts() {
        var r = t.run("--dry-run", "ssh", "live-datastore-0");
        assertEquals(0, r.exit(), r.toString());
        String kh = t.home().resolve(".ssh/known_hosts").toString();
        String key = t.home().resolve(".ssh/habitat-srv-admin").toString();
        assertEquals("ssh -o UserKnownHostsFile=" + kh + " -o StrictHostKeyChecking=yes -i " + key
                + " -o 'ProxyCommand=ssh -o UserKnownHostsFile=" + kh + " -o StrictHostKeyChecking=yes -i " + key
                + " -p 2222 -W %h:%p -- jdoe@jump.example.com' -p 2200 -t -- ubuntu@10.0.1.20\n", r.stdout());
    }

    @Test
    void interactiveSshWithACommandQuotesIt() {
        var r = t.run("--dry-run", "ssh", "live-builder-api-0", "echo", "a;b");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().endsWith("-p 22 -- ubuntu@10.0.1.12 'echo '\\''a;b'\\'''\n"), r.stdout());
    }

    @Test
    void sshWithoutNodeIsAUsageError() {
        assertEquals(2, t.run("ssh").exit());
        assertEquals(5, t.run("--dry-run", "ssh", "nope-0").exit());
    }

    @Test
    void configPrintsHostBlocksWithProxyJump() {
        var r = t.run("ssh", "config");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().startsWith("# BEGIN tcli live\n"), r.stdout());
        assertTrue(r.stdout().contains("Host tcli-live-jump\n  HostName jump.example.com\n  Port 2222\n  User jdoe\n  IdentityFile ~/.ssh/habitat-srv-admin\n"), r.stdout());
        assertTrue(r.stdout().contains("Host live-datastore-0\n  HostName 10.0.1.20\n  Port 2200\n  User ubuntu\n"
                + "  IdentityFile ~/.ssh/habitat-srv-admin\n  ProxyJump tcli-live-jump\n"), r.stdout());
        assertTrue(r.stdout().endsWith("# END tcli live\n"), r.stdout());
        assertFalse(Files.exists(t.home().resolve(".ssh/config")));
    }

    @Test
    void configWriteReplacesOnlyItsBlockAndIsIdempotent() throws Exception {
        Path config = t.home().resolve(".ssh/config");
        String mine = "Host personal\n  HostName 192.0.2.1\n";
        t.writeFile(config, mine, "rw-r--r--");
        var first = t.run("ssh", "config", "--write");
        assertEquals(0, first.exit(), first.toString());
        String written = Files.readString(config);
        assertTrue(written.startsWith("# BEGIN tcli live\n") && written.endsWith("\n" + mine), written);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        assertEquals(mine, Files.readString(t.home().resolve(".ssh/config.tcli-backup")));

        var second = t.run("ssh", "config", "--write");
        assertEquals(0, second.exit(), second.toString());
        assertTrue(second.stderr().contains("already up to date"), second.stderr());
        assertEquals(written, Files.readString(config));

        var other = t.run("ssh", "config", "--write", "--env", "acceptance");
        assertEquals(0, other.exit(), other.toString());
        Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM.replace("10.0.1.20", "10.0.1.21"));
        assertEquals(0, t.run("ssh", "config", "--write").exit());
        String now = Files.readString(config);
        assertTrue(now.contains("HostName 10.0.1.21") && !now.contains("10.0.1.20"), now);
        assertTrue(now.contains("# BEGIN tcli acceptance") && now.contains("Host acceptance-builder-api-0"), now);
        assertEquals(1, now.split("# BEGIN tcli live", -1).length - 1);
        assertTrue(now.endsWith(mine), now);
        assertTrue(t.run("ssh", "config", "--write").stderr().contains("already up to date"));
    }

    @Test
    void configWriteDryRunWritesNothing() {
        var r = t.run("--dry-run", "ssh", "config", "--write");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("would replace"), r.stdout());
        assertFalse(Files.exists(t.home().resolve(".ssh/config")));
    }

    @Test
    void configRefusesAValueThatWouldBreakOutOfItsLine() throws Exception {
        Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM.replace("host = \"10.0.1.12\"", "host = \"10.0.1.12\\nProxyCommand evil\""));
        var r = t.run("ssh", "config", "--write");
        assertEquals(3, r.exit(), r.toString());
        assertFalse(Files.exists(t.home().resolve(".ssh/config")));
    }

    /** Issue 14 section 1: a node named '*' must never become 'Host *' in ~/.ssh/config. */
    @Test
    void aPatternNodeNameIsRefusedAndTheUsersSshConfigIsUntouched() throws Exception {
        Path config = t.home().resolve(".ssh/config");
        t.writeFile(config, "Host github.com\n  User git\n", "rw-------");
        for (String name : java.util.List.of("*", "live-*", "db?", "!x", "a,b", "a b", "-oProxyCommand=x")) {
            Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM.replace("name = \"live-datastore-0\"", "name = \"" + name + "\""));
            for (String[] verb : java.util.List.of(new String[] {"ssh", "config", "--write"}, new String[] {"ssh", "config"},
                    new String[] {"--dry-run", "ssh", "live-builder-api-0"}, new String[] {"ssh", "hosts"})) {
                var r = t.run(verb);
                assertEquals(3, r.exit(), name + " " + String.join(" ", verb) + ": " + r);
                assertTrue(r.stderr().contains("refusing node name: '" + name + "'") && r.stderr().contains("tcli-team.toml:15 (environments.live.nodes[1].name): refusing"), r.stderr());
                assertEquals(1, r.stderr().lines().count(), r.stderr());
                assertFalse(r.stdout().contains("Host "), r.stdout());
            }
            assertEquals("Host github.com\n  User git\n", Files.readString(config), name);
        }
    }

    /** Hosts and users reach the ProxyCommand ssh runs through the shell: only hostnames, IP literals and user names pass. */
    @Test
    void hostsAndUsersThatWouldReachTheShellAreRefused() throws Exception {
        String[][] cases = {
            {"host = \"10.0.1.12\"", "host = \"10.0.1.12 -oProxyCommand=touch /tmp/x\"", "host of node live-builder-api-0"},
            {"host = \"10.0.1.12\"", "host = \"10.0.1.12;id\"", "host of node live-builder-api-0"},
            {"host = \"10.0.1.12\"", "host = \"$(id)\"", "host of node live-builder-api-0"},
            {"user = \"ubuntu\"\nroles = [\"builder-api\"", "user = \"-oProxyCommand=x\"\nroles = [\"builder-api\"", "user of node live-builder-api-0"},
            {"jump_host = \"jump.example.com\"", "jump_host = \"jump.example.com -oProxyCommand=x\"", "jump_host"},
            {"jump_host = \"jump.example.com\"", "jump_host = \"-ojump\"", "jump_host"},
        };
        for (String[] c : cases) {
            Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM.replace(c[0], c[1]));
            var r = t.run("--dry-run", "ssh", "live-builder-api-0");
            assertEquals(3, r.exit(), c[1] + ": " + r);
            assertTrue(r.stderr().matches("(?s)tcli: \\S+tcli-team.toml:\\d+ \\(\\S+\\): refusing " + java.util.regex.Pattern.quote(c[2]) + ": .*"), r.stderr());
            assertFalse(r.stdout().contains("ProxyCommand"), r.stdout());
        }
        // the profile's user goes to ssh too
        t.config("default_profile = \"live\"\n[team]\nrepo = \"~/team\"\n[profiles.live.ssh]\nenvironment = \"live\"\nuser = \"-oX=y\"\n");
        Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM);
        var r = t.run("--dry-run", "ssh", "live-builder-api-0");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("bad user in [profiles.live.ssh]"), r.stderr());
    }

    /** The same rules for the nodes an inventory_cmd prints, named by the command. */
    @Test
    void inventoryCommandNodesFollowTheSameRules() throws Exception {
        for (String node : java.util.List.of("{\"name\":\"*\",\"host\":\"10.0.2.1\"}", "{\"name\":\"w-0\",\"host\":\"10.0.2.1 -oProxyCommand=x\"}",
                "{\"name\":\"w-0\",\"host\":\"10.0.2.1\",\"user\":\"a b\"}", "{\"name\":\"*\"}")) {
            t.writeFile(t.home().resolve("team/inventory"), "#!/bin/sh\necho '[" + node + "]'\n", "rwxr-xr-x");
            Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM.replace("sudo = \"sudo\"",
                    "inventory_cmd = \"./inventory " + Integer.toHexString(node.hashCode()) + "\""));
            var r = t.run("ssh", "config", "--write");
            assertEquals(3, r.exit(), node + ": " + r);
            assertTrue(r.stderr().contains("tcli: the inventory_cmd of environment live: refusing"), r.stderr());
            assertFalse(Files.exists(t.home().resolve(".ssh/config")));
        }
    }

    @Test
    void ipv6LiteralsAndHostnamesStillWork() throws Exception {
        Files.writeString(t.home().resolve("team/tcli-team.toml"), TEAM.replace("host = \"10.0.1.12\"", "host = \"fd00::12\""));
        var r = t.run("ssh", "config");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("HostName fd00::12"), r.stdout());
    }

    @Test
    void mergeKeepsAnUnterminatedBlockForTheHuman() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.tcli.spi.TcliException.class,
                () -> SshConfigFile.merge("# BEGIN tcli live\nHost x\n", "live", "# BEGIN tcli live\n# END tcli live\n"));
        assertEquals(3, e.exitCode());
    }

    @Test
    void remoteCommandQuoting() {
        assertEquals("hab svc status", RemoteCommand.of("hab", "svc", "status").line());
        assertEquals("sudo hab svc stop core/redis", RemoteCommand.of("hab", "svc", "stop", "core/redis").prefixed(java.util.List.of("sudo")).line());
        assertEquals("echo '' 'a b' '$(x)' 'it'\\''s'", RemoteCommand.of("echo", "", "a b", "$(x)", "it's").line());
        assertEquals("'X=1' env --since=1h", RemoteCommand.of("X=1", "env", "--since=1h").line());
    }

    @Test
    void tunnelWithABadSpecIsAUsageError() {
        assertEquals(2, t.run("ssh", "tunnel", "live-builder-api-0", "3389").exit());
        assertEquals(2, t.run("ssh", "tunnel", "live-builder-api-0", "99999:3389").exit());
    }
}
