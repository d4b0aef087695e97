package dev.tcli.spi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one set of rules for what a team file may hand to ssh (issue 14 section 1). */
class SshNamesTest {
    @Test
    void namesAreNeverSshPatternsListsBlanksOrOptions() {
        for (String ok : List.of("live-builder-api-0", "db_1", "a.b", "X9")) {
            assertTrue(SshNames.nameProblem(ok).isEmpty(), ok);
        }
        for (String bad : List.of("*", "live-*", "db?", "!github.com", "a,b", "a b", "a\tb", "-oProxyCommand=x", "", "a\nb",
                "a/b", "a%h", "a\"b", "ä")) {
            assertTrue(SshNames.nameProblem(bad).isPresent(), bad);
        }
    }

    @Test
    void hostsAreAHostnameAnIpv4OrAnIpv6Literal() {
        for (String ok : List.of("jump.example.com", "10.0.1.12", "localhost", "node_1.internal", "fe80::1", "::1", "::",
                "2001:db8:0:0:0:0:2:1", "::ffff:10.0.0.1", "example.com.")) {
            assertTrue(SshNames.hostProblem(ok).isEmpty(), ok);
        }
        for (String bad : List.of("10.0.0.1 -oProxyCommand=x", "10.0.0.1;cmd", "-oProxyCommand=touch", "$(id)", "a`b`", "h|x",
                "*", "a b", "host\n", "[fe80::1]", "fe80::1%eth0", "1:2:3", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::1",
                "%h", "a..b", ".a", "", "x".repeat(254))) {
            assertTrue(SshNames.hostProblem(bad).isPresent(), bad);
        }
    }

    @Test
    void usersArePortableUserNames() {
        for (String ok : List.of("ubuntu", "ops", "j.doe", "svc_deploy", "a-b")) {
            assertTrue(SshNames.userProblem(ok).isPresent() == false, ok);
        }
        for (String bad : List.of("-oProxyCommand=x", "root@evil", "a b", "a;b", "x:y", "", "u\u001b[2J")) {
            assertTrue(SshNames.userProblem(bad).isPresent(), bad);
        }
    }

    @Test
    void theProblemShowsAControlCharacterEscaped() {
        String p = SshNames.hostProblem("a\u001b]0;pwned\u0007").orElseThrow();
        assertFalse(p.contains("\u001b"), p);
        assertTrue(p.contains("\\x1b"), p);
    }
}
