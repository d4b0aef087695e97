package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/design.md §5 and §6: profiles, config errors, credential resolution. */
class ConfigTest {
    @TempDir
    Path tmp;

    @Test
    void profileFromOptionThenEnvThenDefault() {
        var t = new TcliHarness(tmp).config("""
                default_profile = "live"
                [profiles.live.pagerduty]
                email = "live@example.com"
                [profiles.acc.pagerduty]
                email = "acc@example.com"
                [profiles.env.pagerduty]
                email = "env@example.com"
                """);
        assertEquals("live:live@example.com\n", t.run("echo", "setting", "pagerduty", "email").stdout());
        t.env("TCLI_PROFILE", "env");
        assertEquals("env:env@example.com\n", t.run("echo", "setting", "pagerduty", "email").stdout());
        assertEquals("acc:acc@example.com\n", t.run("echo", "setting", "pagerduty", "email", "--profile", "acc").stdout());
    }

    @Test
    void malformedTomlNamesFileAndLine() {
        var t = new TcliHarness(tmp).config("""
                default_profile = "live"
                [profiles.live.pagerduty]
                email = "unterminated
                """);
        var r = t.run("echo", "setting", "pagerduty", "email");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("config.toml:3"), r.toString());
        assertTrue(r.stderr().contains("invalid TOML"), r.toString());
        assertFalse(r.stderr().contains("at com.fasterxml"), r.toString());
    }

    @Test
    void wrongTypeNamesFileLineAndKey() {
        var t = new TcliHarness(tmp).config("""
                default_profile = "live"

                [profiles.live.http]
                timeout = "soon"
                """);
        var r = t.run("echo", "call", "GET", "http://127.0.0.1:9/");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("config.toml:4"), r.toString());
        assertTrue(r.stderr().contains("profiles.live.http.timeout"), r.toString());
    }

    @Test
    void unknownProfileListsKnownOnes() {
        var t = new TcliHarness(tmp).config("""
                [profiles.live.pagerduty]
                email = "a@b"
                """);
        var r = t.run("--profile", "liev", "echo", "setting", "pagerduty", "email");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("unknown profile 'liev'"), r.toString());
        assertTrue(r.stderr().contains("live"), r.toString());
    }

    @Test
    void noDefaultProfileSaysHowToChoose() {
        var t = new TcliHarness(tmp).config("[profiles.live.pagerduty]\nemail = \"a@b\"\n");
        var r = t.run("echo", "setting", "pagerduty", "email");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("--profile NAME or set default_profile"), r.toString());
    }

    @Test
    void missingExplicitConfigFileIsExit3() {
        var r = new TcliHarness(tmp).run("--config", "/nonexistent/tcli.toml", "echo", "setting", "x", "y");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("/nonexistent/tcli.toml does not exist"), r.toString());
    }

    @Test
    void configFromTcliConfigAndXdgConfigHome() throws Exception {
        var t = new TcliHarness(tmp);
        Path xdg = tmp.resolve("xdg");
        t.writeFile(xdg.resolve("tcli/config.toml"), "default_profile = \"x\"\n[profiles.x.a]\nb = \"xdg\"\n", "rw-------");
        t.env("XDG_CONFIG_HOME", xdg.toString());
        assertEquals("x:xdg\n", t.run("echo", "setting", "a", "b").stdout());
        Path other = tmp.resolve("other.toml");
        t.writeFile(other, "default_profile = \"y\"\n[profiles.y.a]\nb = \"env\"\n", "rw-------");
        t.env("TCLI_CONFIG", other.toString());
        assertEquals("y:env\n", t.run("echo", "setting", "a", "b").stdout());
    }

    @Test
    void secretFromEnvironmentWinsAndNeverPrints() {
        var t = new TcliHarness(tmp).config("""
                default_profile = "live"
                [profiles.live.pagerduty]
                token_cmd = "echo from-command-123"
                """);
        t.env("TCLI_PAGERDUTY_TOKEN", "from-env-123456");
        var r = t.run("echo", "secret", "pagerduty", "token");
        assertEquals("length=15\n", r.stdout(), r.toString());
    }

    @Test
    void secretFromCommandFirstLineTrimmed() {
        var t = new TcliHarness(tmp).config("""
                default_profile = "live"
                [profiles.live.pagerduty]
                token_cmd = "printf 'abcdefgh\\nmetadata: x\\n'"
                """);
        var r = t.run("echo", "secret", "pagerduty", "token");
        assertEquals("length=8\n", r.stdout(), r.toString());
    }

    @Test
    void failingTokenCmdIsExit3WithItsStderr() {
        var t = new TcliHarness(tmp).config("""
                default_profile = "live"
                [profiles.live.pagerduty]
                token_cmd = "echo 'gpg: decryption failed: No secret key' >&2; exit 2"
                """);
        var r = t.run("echo", "secret", "pagerduty", "token");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("token_cmd"), r.toString());
        assertTrue(r.stderr().contains("config.toml:3"), r.toString());
        assertTrue(r.stderr().contains("gpg: decryption failed: No secret key"), r.toString());
    }

    @Test
    void literalSecretInGroupReadableFileIsRefused() {
        var t = new TcliHarness(tmp);
        t.writeFile(t.configFile(), """
                default_profile = "live"
                [profiles.live.pagerduty]
                token = "literal-secret-999"
                """, "rw-r--r--");
        var r = t.run("echo", "secret", "pagerduty", "token");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("chmod 600"), r.toString());
        assertFalse(r.stderr().contains("literal-secret-999"), r.toString());
        t.writeFile(t.configFile(), """
                default_profile = "live"
                [profiles.live.pagerduty]
                token = "literal-secret-999"
                """, "rw-------");
        assertEquals("length=18\n", t.run("echo", "secret", "pagerduty", "token").stdout());
    }

    @Test
    void missingSecretSaysWhatToSet() {
        var t = new TcliHarness(tmp).config("default_profile = \"live\"\n[profiles.live.pagerduty]\nemail = \"a@b\"\n");
        var r = t.run("echo", "secret", "pagerduty", "token");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("token_cmd"), r.toString());
        assertTrue(r.stderr().contains("TCLI_PAGERDUTY_TOKEN"), r.toString());
    }

    @Test
    void secretsAreRedactedEvenFromUnexpectedErrors() {
        var t = new TcliHarness(tmp).config("default_profile = \"live\"\n[profiles.live.pagerduty]\ntoken_cmd = \"echo topsecret-42\"\n");
        var r = t.run("-v", "echo", "secret", "pagerduty", "token", "--leak");
        assertEquals(1, r.exit(), r.toString());
        assertFalse(r.stderr().contains("topsecret-42"), r.toString());
        assertTrue(r.stderr().contains("boom ****"), r.toString());
    }

    /** Issue 14 section 8: a typo'd key or section is named with its line and a did-you-mean, never silently ignored. */
    @Test
    void unknownKeysAndSectionsAreWarnedWithDidYouMeanAndFailTheCheck() {
        var t = new TcliHarness(tmp).config("""
                default_profile = "t"
                defualt_profile = "x"
                [team]
                rep = "~/team"
                [profiles.t]
                timezon = "UTC"
                [profiles.t.pagerduty]
                base_urll = "https://example.invalid"
                token_comd = "echo x"
                email = "a@b"
                [profiles.t.pagerdutyy]
                token = "zzzzzzzz"
                [profiles.t.myplugin]
                anything = 1
                """);
        var r = t.run("config", "show");
        assertEquals(0, r.exit(), r.toString());
        for (String w : List.of(
                "warning: ~/.config/tcli/config.toml:2: unknown key 'defualt_profile' (did you mean default_profile?)",
                "warning: ~/.config/tcli/config.toml:4: unknown key 'rep' in [team] (did you mean repo?)",
                "warning: ~/.config/tcli/config.toml:6: unknown key 'timezon' in [profiles.t] (did you mean timezone?)",
                "warning: ~/.config/tcli/config.toml:8: unknown key 'base_urll' in [profiles.t.pagerduty] (did you mean base_url?)",
                "warning: ~/.config/tcli/config.toml:9: unknown key 'token_comd' in [profiles.t.pagerduty] (did you mean token_cmd?)",
                "warning: ~/.config/tcli/config.toml:11: unknown section [profiles.t.pagerdutyy] (did you mean pagerduty?)")) {
            assertTrue(r.stderr().contains(w), w + "\n--- in ---\n" + r.stderr());
        }
        assertFalse(r.stderr().contains("myplugin"), "a section no known one resembles may be a plugin's: " + r.stderr());
        assertEquals(6, r.stderr().lines().filter(l -> l.startsWith("warning:")).count(), r.stderr());
        assertEquals("", t.run("-q", "config", "show").stderr(), "not with -q");
        var check = t.run("config", "show", "--check");
        assertEquals(3, check.exit(), check.toString());
        assertTrue(check.stderr().contains("tcli: 6 unknown keys or sections in the config file"), check.stderr());
        var clean = new TcliHarness(tmp.resolve("clean")).config("default_profile = \"t\"\n[profiles.t.pagerduty]\nemail = \"a@b\"\n");
        var ok = clean.run("config", "show", "--check");
        assertEquals(0, ok.exit(), ok.toString());
        assertEquals("", ok.stderr());
    }

    /** Issue 14 section 7: --config /dev/zero (or a huge file) is one config line, not an OutOfMemoryError. */
    @Test
    void aConfigThatIsNotARegularFileOrTooLargeIsExit3() throws Exception {
        var t = new TcliHarness(tmp);
        for (String path : List.of("/dev/zero", tmp.toString())) {
            var r = t.run("--config", path, "config", "show");
            assertEquals(3, r.exit(), path + ": " + r);
            assertTrue(r.stderr().contains("not a regular file"), r.stderr());
            assertEquals(1, r.stderr().lines().count(), r.stderr());
        }
        Path big = tmp.resolve("big.toml");
        Files.writeString(big, "# " + "x".repeat(2 << 20) + "\n");
        var r = t.run("--config", big.toString(), "config", "show");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("too large for a TOML file"), r.stderr());
    }

    /** Issue 14 section 8: a config file that is not UTF-8 names the line, not "Input length = 1". */
    @Test
    void aConfigThatIsNotUtf8NamesTheLine() throws Exception {
        var t = new TcliHarness(tmp).config("default_profile = \"a\"\n[profiles.a]\n");
        Files.write(t.configFile(), new byte[] {'x', ' ', '=', ' ', '1', '\n', 'y', ' ', '=', ' ', '"', (byte) 0xc3, '"', '\n'});
        var r = t.run("config", "show");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("config.toml:2: not UTF-8 text"), r.stderr());
        assertFalse(r.stderr().contains("Input length"), r.stderr());
    }

    /** Issue 14 section 8: extends naming a profile of the file (a cycle among them) says so, not "unknown profile". */
    @Test
    void anExtendsCycleIsNamedAsSuch() {
        var t = new TcliHarness(tmp).config("""
                default_profile = "a"
                [profiles.a]
                extends = "b"
                [profiles.b]
                extends = "a"
                """);
        var r = t.run("config", "show");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("config.toml:3: extends = \"b\" names a profile of") && r.stderr().contains("(a cycle)"), r.stderr());
        assertFalse(r.stderr().contains("unknown profile"), r.stderr());
    }

    @Test
    void aProfileMayShareItsNameWithAModule() {
        var t = new TcliHarness(tmp).config("""
                [profiles.config.pagerduty]
                email = "ops@example.com"
                """);
        var show = t.run("--profile", "config", "config", "show", "-o", "json");
        assertEquals(0, show.exit(), show.toString());
        assertEquals("config", show.json().get("profile").asText());
        var again = t.run("-o", "json", "--profile", "config", "--verbose", "config", "show");
        assertEquals(0, again.exit(), again.toString());
    }

    @Test
    void configShowMasksLiteralSecrets() {
        var t = new TcliHarness(tmp).config("""
                default_profile = "live"
                [profiles.live.victorops]
                api_id = "id-1"
                api_key = "vo-literal-key-77"
                """);
        var r = t.run("config", "show");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("api_id = \"id-1\""), r.toString());
        assertTrue(r.stdout().contains("api_key = \"****\""), r.toString());
        assertFalse(r.stdout().contains("vo-literal-key-77"), r.toString());
    }

    @Test
    void teamFileFromConfigOrEnvWithStaleSyncWarning() throws Exception {
        Path repo = tmp.resolve("ops-team");
        Files.createDirectories(repo.resolve(".git"));
        Files.writeString(repo.resolve("tcli-team.toml"), "[web]\nlive-api = \"https://dash.example.com\"\n");
        Path fetch = repo.resolve(".git/FETCH_HEAD");
        Files.writeString(fetch, "");
        var t = new TcliHarness(tmp).config("[team]\nrepo = \"" + repo + "\"\n");
        var fresh = t.run("echo", "team", "/web/live-api");
        assertEquals("true:https://dash.example.com\n", fresh.stdout(), fresh.toString());
        assertFalse(fresh.stderr().contains("tcli team sync"), fresh.toString());
        Files.setLastModifiedTime(fetch, java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(10))));
        var stale = t.run("echo", "team", "/web/live-api");
        assertTrue(stale.stderr().contains("last synced 10 days ago; run 'tcli team sync'"), stale.toString());
        var none = new TcliHarness(tmp.resolve("other")).run("echo", "team", "/web/live-api");
        assertEquals("false:\n", none.stdout(), none.toString());
        Files.writeString(repo.resolve("tcli-team.toml"), "[web\n");
        var bad = t.run("echo", "team", "/web");
        assertEquals(3, bad.exit(), bad.toString());
        assertTrue(bad.stderr().contains("tcli-team.toml:1"), bad.toString());
    }
}
