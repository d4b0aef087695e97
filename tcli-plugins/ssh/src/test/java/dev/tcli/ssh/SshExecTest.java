package dev.tcli.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.ssh.testing.SshdFixture;
import dev.tcli.testkit.TcliHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code tcli ssh exec} against two real sshd: host keys of both hops, keys, quoting, exit codes. */
class SshExecTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    @TempDir
    Path tmp;
    TcliHarness t;

    @BeforeEach
    void setUp() {
        SSHD.reset();
        t = new TcliHarness(tmp);
        SSHD.install(t.home(), team(SSHD.nodePort()), true);
    }

    static String team(int nodePort) {
        return SSHD.teamEnvironment("live", "sudo", List.of())
                + SSHD.nodeEntry("live", "live-builder-api-0", nodePort, List.of("builder-api"), null)
                + SSHD.nodeEntry("live", "live-dead-0", SshdFixture.deadPort(), List.of("builder-api"), null);
    }

    private Path knownHosts() {
        return t.home().resolve(".ssh/known_hosts");
    }

    private static String fingerprint(SshdFixture.Server s) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-lf", s.hostKey() + ".pub").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out.split("\\s+")[1];
    }

    @Test
    void execRunsOnTheNodeThroughAForwardedChannelOfTheJumpHost() {
        var r = t.run("ssh", "exec", "live-builder-api-0", "--", "sh", "-c", "echo out-$((6*7)); echo err >&2; echo $HAB_STANDIN");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().startsWith("out-42\n"), r.toString());
        assertTrue(r.stdout().contains(SSHD.state().toString()), "ran on the node (its SetEnv): " + r);
        assertTrue(r.stderr().contains("err"), r.toString());
        // the jump host opened the connection to the node for us: the proof it went through the jump
        String jumpLog = SSHD.jump().logText();
        assertTrue(jumpLog.contains("direct-tcpip") && jumpLog.contains("port " + SSHD.nodePort()),
                "jump sshd log has no direct-tcpip channel to the node:\n" + jumpLog);
    }

    @Test
    void argumentsReachTheRemoteCommandLiterallyWhateverTheyContain() throws Exception {
        Path canary = SSHD.dir().resolve("pwned");
        List<String> nasty = List.of("two words", "it's", "a\"b", "; touch " + canary, "$(touch " + canary + ")",
                "`touch " + canary + "`", "x && touch " + canary, "*", "", "tab\there", "$HOME", "back\\slash");
        // printf FORMAT ARGS: make the format explicit so every argument is printed on its own line
        List<String> all = new java.util.ArrayList<>(List.of("ssh", "exec", "live-builder-api-0", "--", "printf", "[%s]\\n"));
        all.addAll(nasty);
        var r = t.run(all.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        StringBuilder expected = new StringBuilder();
        nasty.forEach(a -> expected.append('[').append(a).append("]\n"));
        assertEquals(expected.toString(), r.stdout());
        assertFalse(Files.exists(canary), "an argument was executed by the remote shell");
    }

    @Test
    void aCommandNameWithShellSyntaxIsNotInterpreted() {
        Path canary = SSHD.dir().resolve("pwned2");
        var r = t.run("ssh", "exec", "live-builder-api-0", "--", "true; touch " + canary);
        assertEquals(127, r.exit(), r.toString());
        assertFalse(Files.exists(canary));
        var assignment = t.run("ssh", "exec", "live-builder-api-0", "--", "PATH=/nowhere", "touch", canary.toString());
        assertEquals(127, assignment.exit(), "a first word with '=' is a command name, not an assignment: " + assignment);
        assertFalse(Files.exists(canary));
    }

    @Test
    void theRemoteExitCodeIsTcliExitCode() {
        assertEquals(7, t.run("ssh", "exec", "live-builder-api-0", "--", "sh", "-c", "exit 7").exit());
        assertEquals(1, t.run("ssh", "exec", "live-builder-api-0", "--", "false").exit());
        assertEquals(0, t.run("ssh", "exec", "live-builder-api-0", "--", "true").exit());
    }

    @Test
    void nodeNameOutsideTheInventoryIsNotFound() {
        var r = t.run("ssh", "exec", "live-nope-9", "--", "true");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.stderr().contains("no node live-nope-9"), r.stderr());
    }

    @Test
    void missingCommandIsAUsageError() {
        assertEquals(2, t.run("ssh", "exec", "live-builder-api-0").exit());
        assertEquals(2, t.run("ssh", "exec", "live-builder-api-0", "--bogus", "--", "true").exit());
    }

    @Test
    void deadNodeIsUnreachableThroughTheJump() {
        var r = t.run("ssh", "exec", "live-dead-0", "--", "true");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("live-dead-0") && r.stderr().contains("unreachable from jump host"), r.stderr());
    }

    @Test
    void deadJumpHostIsUnreachable() throws Exception {
        String toml = Files.readString(t.home().resolve("team/tcli-team.toml"))
                .replace("jump_port = " + SSHD.jumpPort(), "jump_port = " + SshdFixture.deadPort());
        Files.writeString(t.home().resolve("team/tcli-team.toml"), toml);
        var r = t.run("ssh", "exec", "live-builder-api-0", "--", "true");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("cannot reach jump host"), r.stderr());
    }

    @Test
    void aKeyTheServersDoNotAcceptIsRejectedWithExit4() throws Exception {
        Files.copy(SSHD.strangerKey(), t.home().resolve(".ssh/tcli-test"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        var r = t.run("ssh", "exec", "live-builder-api-0", "--", "true");
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.stderr().contains("rejected the key"), r.stderr());
    }

    @Test
    void missingIdentityFileIsAConfigError() throws Exception {
        Files.delete(t.home().resolve(".ssh/tcli-test"));
        var r = t.run("ssh", "exec", "live-builder-api-0", "--", "true");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("tcli-test does not exist"), r.stderr());
    }

    @Test
    void unknownJumpHostKeyIsRefusedWithItsFingerprint() throws Exception {
        Files.delete(knownHosts());
        var r = t.run("ssh", "exec", "live-builder-api-0", "--", "true");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("jump host") && r.stderr().contains(fingerprint(SSHD.jump())), r.stderr());
        assertTrue(r.stderr().contains("--accept-new"), r.stderr());
        assertFalse(Files.exists(knownHosts()));
    }

    @Test
    void unknownNodeKeyIsRefusedEvenWhenTheJumpIsTrusted() throws Exception {
        Files.writeString(knownHosts(), SSHD.jump().knownHostsLine() + "\n");
        var r = t.run("ssh", "exec", "live-builder-api-0", "--", "true");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("node live-builder-api-0") && r.stderr().contains(fingerprint(SSHD.node())), r.stderr());
    }

    @Test
    void acceptNewNeedsConfirmationAndThenRemembersBothKeys() throws Exception {
        Files.delete(knownHosts());
        var refused = t.run("ssh", "exec", "live-builder-api-0", "--accept-new", "--", "true");
        assertEquals(2, refused.exit(), "no TTY: " + refused);
        var blind = t.run("--yes", "ssh", "exec", "live-builder-api-0", "--accept-new", "--", "true");
        assertEquals(2, blind.exit(), "--yes is no substitute for a human reading the fingerprint: " + blind);
        assertTrue(blind.stderr().contains(fingerprint(SSHD.jump())) && blind.stderr().contains("terminal"), blind.stderr());
        var declined = t.tty(true, true).stdin("n\n").run("ssh", "exec", "live-builder-api-0", "--accept-new", "--", "true");
        assertEquals(3, declined.exit(), declined.toString());
        assertFalse(Files.exists(knownHosts()) && Files.readString(knownHosts()).contains(SSHD.jump().knownHostsLine()));
        var ok = t.tty(true, true).stdin("y\ny\n").run("ssh", "exec", "live-builder-api-0", "--accept-new", "--", "echo", "hi");
        assertEquals(0, ok.exit(), ok.toString());
        assertEquals("hi\n", ok.stdout());
        assertTrue(ok.stderr().contains(fingerprint(SSHD.jump())) && ok.stderr().contains(fingerprint(SSHD.node())), ok.stderr());
        String kh = Files.readString(knownHosts());
        assertTrue(kh.contains(SSHD.jump().knownHostsLine()) && kh.contains(SSHD.node().knownHostsLine()), kh);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(knownHosts())));
        var again = t.tty(false, false).stdin("").run("ssh", "exec", "live-builder-api-0", "--", "true");
        assertEquals(0, again.exit(), again.toString());
    }

    @Test
    void aChangedNodeKeyIsAlwaysRefusedLoudly() throws Exception {
        String stranger = Files.readString(Path.of(SSHD.strangerKey() + ".pub")).trim().split("\\s+")[1];
        Files.writeString(knownHosts(), SSHD.jump().knownHostsLine() + "\n[127.0.0.1]:" + SSHD.nodePort() + " ssh-ed25519 " + stranger + "\n");
        var r = t.run("--yes", "ssh", "exec", "live-builder-api-0", "--accept-new", "--", "true");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("HAS CHANGED") && r.stderr().contains(fingerprint(SSHD.node())), r.stderr());
        assertTrue(r.stderr().contains("ssh-keygen -R"), r.stderr());
        assertFalse(Files.readString(knownHosts()).contains(SSHD.node().knownHostsLine()));
    }

    @Test
    void hashedKnownHostsEntriesAreUnderstood() throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-H", "-f", knownHosts().toString()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        assertTrue(Files.readString(knownHosts()).startsWith("|1|"));
        var r = t.run("ssh", "exec", "live-builder-api-0", "--", "echo", "hashed");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("hashed\n", r.stdout());
    }

    @Test
    void afterConfigWritePlainOpenSshReachesTheNodeThroughTheJump() throws Exception {
        var w = t.run("ssh", "config", "--write");
        assertEquals(0, w.exit(), w.toString());
        Path config = t.home().resolve(".ssh/config");
        // OpenSSH expands ~ from the passwd entry, not $HOME: point it at the test home's files
        Files.writeString(config, Files.readString(config) + "Host *\n  UserKnownHostsFile " + knownHosts() + "\n  IdentityFile "
                + t.home().resolve(".ssh/tcli-test") + "\n  StrictHostKeyChecking yes\n  BatchMode yes\n");
        long before = SSHD.jump().logText().split("direct-tcpip", -1).length;
        Process p = new ProcessBuilder("ssh", "-F", config.toString(), "live-builder-api-0", "echo", "plain-$((6*7))")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("plain-42"), out);
        assertTrue(SSHD.jump().logText().split("direct-tcpip", -1).length > before, "ProxyJump went through the jump sshd");
    }

    @Test
    void dryRunPrintsTheQuotedRemoteCommand() {
        var r = t.run("--dry-run", "ssh", "exec", "live-builder-api-0", "--", "echo", "a b", "it's");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("would run on live-builder-api-0: echo 'a b' 'it'\\''s'\n", r.stdout());
    }

    @Test
    void tunnelForwardsALocalPortThroughTheNodeUntilCtrlC() throws Exception {
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            byte[] body = "behind the node".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            int local = SshdFixture.deadPort();
            var tcli = new java.util.concurrent.atomic.AtomicReference<dev.tcli.core.Tcli>();
            var run = t.start(tcli::set, "ssh", "tunnel", "live-builder-api-0", local + ":127.0.0.1:" + server.getAddress().getPort());
            String answer = null;
            for (int i = 0; i < 200 && answer == null; i++) {
                try (var in = new java.net.URL("http://127.0.0.1:" + local + "/").openStream()) {
                    answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    Thread.sleep(25);
                }
            }
            assertEquals("behind the node", answer);
            tcli.get().interrupts().runAll();
            var r = run.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(130, r.exit(), r.toString());
            assertTrue(r.stdout().contains("localhost:" + local), r.stdout());
            // the answer came from a server only the node connected to: jsch forwarded it through the node session
        } finally {
            server.stop(0);
        }
    }
}
