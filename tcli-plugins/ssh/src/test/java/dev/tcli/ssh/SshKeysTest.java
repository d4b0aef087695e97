package dev.tcli.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.ssh.testing.SshdFixture;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Client keys against the real sshd: OpenSSH and PEM formats, ed25519/ecdsa/rsa-sha2, passphrases, the ssh-agent. */
class SshKeysTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    @TempDir
    Path tmp;
    TcliHarness t;

    @BeforeEach
    void setUp() {
        t = new TcliHarness(tmp);
        SSHD.install(t.home(), SSHD.teamEnvironment("live", "", List.of())
                + SSHD.nodeEntry("live", "live-builder-api-0", List.of("builder-api")), true);
    }

    private void useKey(Path key) throws Exception {
        Path target = t.home().resolve(".ssh/tcli-test");
        Files.copy(key, target, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    }

    private TcliHarness.Result echo() {
        return t.run("ssh", "exec", "live-builder-api-0", "--", "echo", "in");
    }

    @Test
    void ecdsaAndRsaKeysInOpenSshAndPemFormatsAreAccepted() throws Exception {
        for (String type : List.of("ecdsa", "rsa")) {
            for (boolean pem : List.of(false, true)) {
                Path key = SSHD.authorizedKey(type, pem, "");
                String head = Files.readString(key).lines().findFirst().orElse("");
                assertEquals(pem ? "-----BEGIN " + (type.equals("rsa") ? "RSA" : "EC") + " PRIVATE KEY-----" : "-----BEGIN OPENSSH PRIVATE KEY-----",
                        head, key.toString());
                useKey(key);
                var r = echo();
                // OpenSSH 8.8+ refuses ssh-rsa (SHA-1) signatures: an rsa login proves rsa-sha2-256/512
                assertEquals(0, r.exit(), type + (pem ? " PEM " : " OpenSSH ") + r);
                assertEquals("in\n", r.stdout());
            }
        }
    }

    @Test
    void aPassphraseIsAskedOnATerminalOnly() throws Exception {
        useKey(SSHD.authorizedKey("ed25519", false, "correct horse"));
        var noTty = echo();
        assertEquals(3, noTty.exit(), noTty.toString());
        assertTrue(noTty.stderr().contains("passphrase") && noTty.stderr().contains("ssh-add"), noTty.stderr());

        var wrong = t.tty(true, true).stdin("battery staple\n").run("ssh", "exec", "live-builder-api-0", "--", "echo", "in");
        assertEquals(4, wrong.exit(), wrong.toString());
        assertTrue(wrong.stderr().contains("wrong passphrase"), wrong.stderr());

        var ok = t.tty(true, true).stdin("correct horse\n").run("ssh", "exec", "live-builder-api-0", "--", "echo", "in");
        assertEquals(0, ok.exit(), ok.toString());
        assertEquals("in\n", ok.stdout());
        assertTrue(ok.stderr().contains("Passphrase for"), ok.stderr());
        assertFalse(ok.stdout().contains("correct horse") || ok.stderr().contains("correct horse"));
    }

    @Test
    void anEncryptedPemKeyWorksToo() throws Exception {
        useKey(SSHD.authorizedKey("ecdsa", true, "pem secret"));
        var ok = t.tty(true, true).stdin("pem secret\n").run("ssh", "exec", "live-builder-api-0", "--", "echo", "in");
        assertEquals(0, ok.exit(), ok.toString());
    }

    @Test
    void withoutAnIdentityFileTheSshAgentIsUsed() throws Exception {
        Path team = t.home().resolve("team/tcli-team.toml");
        Files.writeString(team, Files.readString(team).replace("identity_file = \"~/.ssh/tcli-test\"\n", ""));
        Files.delete(t.home().resolve(".ssh/tcli-test"));
        Path sock = SSHD.dir().resolve("agent-" + System.nanoTime() + ".sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            for (int i = 0; i < 200 && !Files.exists(sock); i++) {
                Thread.sleep(10);
            }
            ProcessBuilder add = new ProcessBuilder("ssh-add", SSHD.authorizedKey("ecdsa", false, "").toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            Process p = add.start();
            String said = new String(p.getInputStream().readAllBytes());
            assertEquals(0, p.waitFor(), said);

            var r = t.env("SSH_AUTH_SOCK", sock.toString()).run("ssh", "exec", "live-builder-api-0", "--", "echo", "agent");
            assertEquals(0, r.exit(), r.toString());
            assertEquals("agent\n", r.stdout());

            var none = t.env("SSH_AUTH_SOCK", "").run("ssh", "exec", "live-builder-api-0", "--", "true");
            assertEquals(3, none.exit(), none.toString());
            assertTrue(none.stderr().contains("no SSH key"), none.stderr());
        } finally {
            agent.destroy();
            agent.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
