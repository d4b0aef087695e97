package dev.tcli.onboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.ssh.testing.SshdFixture;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The SSH checks against a real OpenSSH jump host on loopback (skipped without sshd, failing under CI=true). */
class SshCheckTest {
    @RegisterExtension
    static SshdFixture sshd = new SshdFixture();

    @TempDir
    Path tmp;
    TcliHarness t;

    @BeforeEach
    void setUp() {
        t = new TcliHarness(tmp);
        t.env("USER", System.getProperty("user.name"));
        install(sshd.teamEnvironment("live", "", List.of(sshd.nodeEntry("live", "live-builder-api-0", List.of("builder-api")))), true);
    }

    void install(String team, boolean trust) {
        sshd.install(t.home(), team, trust);
    }

    Map<String, JsonNode> ssh(String... extra) {
        String[] args = {"onboard", "check", "-o", "json", "--timeout", "8s", "--only", "identity-file", "--only", "jump-host",
            "--only", "known-hosts", "--only", "ssh-login"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra)).toArray(String[]::new);
        TcliHarness.Result r = t.run(all);
        assertTrue(r.exit() == 0 || r.exit() == 1, r.toString());
        return CheckTest.byName(r.json());
    }

    @Test
    void everySshCheckPassesAgainstARealJumpHost() {
        Map<String, JsonNode> c = ssh();
        c.forEach((name, n) -> assertTrue(n.path("ok").asBoolean(), name + ": " + n));
        assertTrue(c.get("identity-file").path("detail").asText().contains("mode rw-------, ssh-ed25519 key loads"), c.toString());
        assertTrue(c.get("jump-host").path("detail").asText().contains("answers: SSH-2.0-OpenSSH"), c.toString());
        assertTrue(c.get("known-hosts").path("detail").asText().startsWith("[127.0.0.1]:" + sshd.jumpPort() + ": ssh-ed25519"), c.toString());
        assertTrue(c.get("ssh-login").path("detail").asText().contains("batch mode"), c.toString());
        assertTrue(sshd.jump().logText().contains("Accepted publickey"), "the jump host saw the login");
    }

    @Test
    void anUntrustedJumpHostFailsKnownHostsAndTheLoginRefusesIt() throws Exception {
        Files.delete(t.home().resolve(".ssh/known_hosts"));
        Map<String, JsonNode> c = ssh();
        assertEquals(false, c.get("known-hosts").path("ok").asBoolean(true), c.toString());
        assertTrue(c.get("known-hosts").path("hint").asText().contains("fingerprint"));
        assertEquals(false, c.get("ssh-login").path("ok").asBoolean(true), c.toString());
        assertTrue(c.get("ssh-login").path("detail").asText().contains("is not in"), c.get("ssh-login").toString());
        assertTrue(c.get("jump-host").path("ok").asBoolean(), "still reachable");
    }

    @Test
    void aKeyTheJumpHostDoesNotAcceptFailsTheLogin() throws Exception {
        Path key = t.home().resolve(".ssh/tcli-test");
        Files.copy(sshd.strangerKey(), key, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Map<String, JsonNode> c = ssh();
        assertTrue(c.get("identity-file").path("ok").asBoolean(), c.toString());
        assertEquals(false, c.get("ssh-login").path("ok").asBoolean(true), c.toString());
        assertTrue(c.get("ssh-login").path("detail").asText().contains("rejected the key"), c.get("ssh-login").toString());
        assertTrue(c.get("ssh-login").path("hint").asText().contains("authorize your public key"));
    }

    @Test
    void anIdentityFileOthersCanReadOrThatIsNotAKeyFails() throws Exception {
        Path key = t.home().resolve(".ssh/tcli-test");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        JsonNode open = ssh().get("identity-file");
        assertEquals(false, open.path("ok").asBoolean(true), open.toString());
        assertEquals("chmod 600 " + key, open.path("hint").asText());
        Files.writeString(key, "not a key\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        JsonNode junk = ssh().get("identity-file");
        assertTrue(junk.path("detail").asText().contains("does not load as a private key"), junk.toString());
        Files.delete(key);
        JsonNode gone = ssh().get("identity-file");
        assertTrue(gone.path("detail").asText().endsWith("does not exist"), gone.toString());
    }

    @Test
    void aJumpHostThatDoesNotAnswerOrResolveFailsWithTheVpnHint() {
        String dead = sshd.teamEnvironment("live", "", List.of()).replace("jump_port = " + sshd.jumpPort(), "jump_port = " + SshdFixture.deadPort());
        install(dead, true);
        JsonNode c = ssh().get("jump-host");
        assertEquals(false, c.path("ok").asBoolean(true), c.toString());
        assertTrue(c.path("detail").asText().contains("does not answer"), c.toString());
        assertTrue(c.path("hint").asText().contains("VPN"));
        install(sshd.teamEnvironment("live", "", List.of()).replace("\"127.0.0.1\"", "\"jump.tcli-test.invalid\""), true);
        JsonNode unknown = ssh().get("jump-host");
        assertTrue(unknown.path("detail").asText().contains("cannot resolve jump.tcli-test.invalid"), unknown.toString());
    }

    @Test
    void severalEnvironmentsNeedEnvAndAnUnknownOneIsAUsageError() {
        install(sshd.teamEnvironment("live", "", List.of()) + sshd.teamEnvironment("acceptance", "", List.of()), true);
        Map<String, JsonNode> c = ssh();
        assertTrue(c.get("ssh-login").path("ok").isNull(), c.toString());
        assertTrue(c.get("ssh-login").path("detail").asText().contains("pass --env"), c.toString());
        Map<String, JsonNode> acc = ssh("--env", "acceptance");
        assertTrue(acc.get("ssh-login").path("ok").asBoolean(), acc.toString());
        var r = t.run("onboard", "check", "--env", "staging");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("no environment staging"), r.stderr());
    }
}
