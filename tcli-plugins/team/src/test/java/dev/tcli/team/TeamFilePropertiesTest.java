package dev.tcli.team;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Issue 14 section 9: generated team files (valid pieces, hostile values, broken TOML) through
 * {@code tcli team validate}: exit 0, 1 or 3, problems on stdout as FILE:LINE lines without raw
 * control characters, at most one line on stderr, never a crash.
 */
class TeamFilePropertiesTest {
    static final AtomicInteger FILES = new AtomicInteger();

    @AfterContainer
    static void count() {
        System.out.println("hostile team files: " + FILES);
    }

    @Provide
    Arbitrary<String> teamFiles() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("\"*\"", "\"live-*\"", "\"10.0.0.1 -oProxyCommand=x\"", "\"10.0.0.1;id\"", "\"-lroot\"", "\"fe80::1\"",
                        "\"\\u001b[2J\"", "\"a\\nb\"", "\"\"", "22", "-1", "99999999999999999999", "true", "[]", "[1, \"a\"]", "{}",
                        "\"jump.example.com\"", "\"ubuntu\"", "\"20s\"", "\"0s\"", "\"soon\"", "'''x'''", "inf"),
                Arbitraries.strings().ofMaxLength(12).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        Arbitrary<String> key = Arbitraries.of("name", "host", "user", "port", "roles", "gateway_port", "jump_host", "jump_user",
                "jump_port", "inventory_timeout", "sudo", "query", "since", "url", "run", "shell", "timeout", "requires", "nmae");
        Arbitrary<String> header = Arbitraries.of("[environments.live]", "[[environments.live.nodes]]", "[environments.\"*\"]",
                "[[environments.\"a b\".nodes]]", "[services.api]", "[logs.saved.errors]", "[web]", "[onboard]", "[[onboard.checks]]",
                "[status]", "[bogus]", "[environments]", "[[environments.live.nodes]", "environments = 3");
        Arbitrary<String> line = Arbitraries.oneOf(header, net.jqwik.api.Combinators.combine(key, value).as((k, v) -> k + " = " + v),
                Arbitraries.strings().ofMaxLength(20));
        return line.list().ofMaxSize(14).map(l -> String.join("\n", l) + "\n");
    }

    @Property(tries = 200)
    void everyTeamFileEndsInADocumentedExitCode(@ForAll("teamFiles") String toml) throws Exception {
        FILES.incrementAndGet();
        Path dir = Files.createTempDirectory("tcli-team-fuzz");
        TcliHarness t = new TcliHarness(dir).env("TCLI_TEAM_DIR", dir.resolve("repo").toString());
        t.writeFile(dir.resolve("repo/tcli-team.toml"), toml, "rw-r--r--");
        for (String[] argv : List.of(new String[] {"team", "validate"}, new String[] {"team", "validate", "-o", "json"})) {
            var r = t.run(argv);
            assertTrue(Set.of(0, 1, 3).contains(r.exit()), r.toString());
            assertTrue(r.stderr().lines().count() <= 1, r.toString());
            assertFalse(r.stderr().contains("unexpected error") || r.stderr().contains("java.") || r.stderr().contains("\tat "), r.toString());
            if (argv.length == 2) {
                assertTrue(r.stdout().chars().noneMatch(c -> c == 0x1b || c == '\r' || c == 0x07), r.stdout());
                r.stdout().lines().forEach(l -> assertTrue(l.contains("tcli-team.toml"), "FILE:LINE form: " + l));
            }
        }
    }
}
