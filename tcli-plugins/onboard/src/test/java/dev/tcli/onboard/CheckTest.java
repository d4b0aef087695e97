package dev.tcli.onboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.testkit.Await;
import dev.tcli.testkit.TcliHarness;
import dev.tcli.testkit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** onboard check against the sandbox emulators, real git repos and real processes. */
class CheckTest {
    static final String PROFILES = TestProfile.toml(TestProfile.of("practice").retries("10ms", 1),
            TestProfile.of("badkeys").retries("10ms", 1).set("pagerduty", "token", "not-the-token")
                    .set("statuspage", "token", "not-the-token").set("sumologic", "access_key", "not-the-key")
                    .set("victorops", "api_key", "not-the-key"),
            TestProfile.of("kenji").set("pagerduty", "token", "sandbox-pagerduty-account-token")
                    .set("pagerduty", "email", "kenji.watanabe@example.com"),
            TestProfile.of("wrongsumo")) + "[profiles.bare]\ntimezone = \"UTC\"\n";

    @TempDir
    Path tmp;
    TcliHarness t;

    @BeforeEach
    void setUp() {
        t = new TcliHarness(tmp).config(PROFILES);
    }

    static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        array.forEach(n -> out.put(n.path("name").asText(), n));
        return out;
    }

    TcliHarness.Result check(String profile, String... args) {
        List<String> all = new ArrayList<>(List.of("--profile", profile, "onboard", "check", "-o", "json"));
        all.addAll(List.of(args));
        return t.run(all.toArray(String[]::new));
    }

    @Test
    void inTheSandboxEveryCredentialIsAcceptedAndEveryCheckHasTheJsonShape() {
        var r = check("sandbox");
        assertEquals(0, r.exit(), r.toString());
        Map<String, JsonNode> c = byName(r.json());
        for (String name : List.of("config", "pagerduty", "pagerduty-contact", "pagerduty-schedule", "statuspage", "sumologic", "victorops",
                "tool-ssh", "tool-git", "team-file", "team-repo", "team repo readable", "runbook checked out")) {
            assertEquals(true, c.get(name).path("ok").asBoolean(false), name + ": " + c.get(name));
        }
        // the sandbox's practice team repo stands in for the control repo
        assertTrue(c.get("team-repo").path("detail").asText().contains("sandbox"), c.get("team-repo").toString());
        assertTrue(c.get("pagerduty").path("detail").asText().contains("Dana Whitfield"), c.get("pagerduty").toString());
        assertTrue(c.get("pagerduty-contact").path("detail").asText().contains("phone"), c.get("pagerduty-contact").toString());
        assertTrue(c.get("pagerduty-schedule").path("detail").asText().contains("Builder Primary"));
        assertTrue(c.get("statuspage").path("detail").asText().contains("hbldr7sbx0pg"));
        // skipped, each saying why: the practice nodes have no jump host to reach
        for (String name : List.of("identity-file", "jump-host", "known-hosts", "ssh-login")) {
            assertTrue(c.get(name).path("ok").isNull(), name + ": " + c.get(name));
            assertFalse(c.get(name).path("detail").asText().isBlank(), name);
        }
        for (JsonNode n : r.json()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            assertEquals(List.of("name", "ok", "detail", "hint", "seconds"), keys);
            assertTrue(n.path("seconds").isNumber());
            assertTrue(n.path("hint").isNull(), "no hint without a failure: " + n);
        }
        // a fresh machine: the sandbox needs no config file, and says so
        var fresh = new TcliHarness(tmp.resolve("fresh")).run("--profile", "sandbox", "onboard", "check", "--only", "config", "-o", "json");
        assertEquals(0, fresh.exit(), fresh.toString());
        assertTrue(fresh.json().get(0).path("ok").isNull());
        assertTrue(fresh.json().get(0).path("detail").asText().contains("needs none"), fresh.stdout());
    }

    @Test
    void refusedCredentialsFailWithTheirHintsAndNeverShowTheSecret() {
        var r = check("badkeys");
        assertEquals(1, r.exit(), r.toString());
        Map<String, JsonNode> c = byName(r.json());
        for (String name : List.of("pagerduty", "statuspage", "sumologic", "victorops")) {
            assertEquals(false, c.get(name).path("ok").asBoolean(true), name + ": " + c.get(name));
            assertFalse(c.get(name).path("hint").asText().isBlank(), name);
        }
        assertTrue(c.get("pagerduty").path("hint").asText().contains("token_cmd"), c.get("pagerduty").toString());
        assertTrue(c.get("sumologic").path("detail").asText().contains("refused"), c.get("sumologic").toString());
        assertFalse(r.stdout().contains("not-the-token") || r.stderr().contains("not-the-token"), "a secret was printed");
        assertFalse(r.stdout().contains("not-the-key") || r.stderr().contains("not-the-key"), "a secret was printed");
    }

    @Test
    void anAccountTokenFindsTheUserByEmailAndAUserWithoutPhoneOrPushFails() {
        var r = check("kenji", "--only", "pagerduty");
        assertEquals(1, r.exit(), r.toString());
        Map<String, JsonNode> c = byName(r.json());
        assertEquals(List.of("pagerduty", "pagerduty-contact", "pagerduty-schedule"), new ArrayList<>(c.keySet()));
        assertTrue(c.get("pagerduty").path("ok").asBoolean(), c.toString());
        assertTrue(c.get("pagerduty").path("detail").asText().contains("account token"), c.toString());
        assertEquals(false, c.get("pagerduty-contact").path("ok").asBoolean(true));
        assertTrue(c.get("pagerduty-contact").path("detail").asText().contains("only email"), c.toString());
        assertTrue(c.get("pagerduty-contact").path("hint").asText().contains("Contact Information"));
    }

    @Test
    void aProfileWithoutServicesSkipsThemSayingWhyAndWantsATeamRepo() {
        var r = check("bare");
        assertEquals(1, r.exit(), r.toString());
        Map<String, JsonNode> c = byName(r.json());
        for (String name : List.of("pagerduty", "pagerduty-contact", "statuspage", "sumologic", "victorops")) {
            assertTrue(c.get(name).path("ok").isNull(), name);
            assertTrue(c.get(name).path("detail").asText().contains("is not configured ([profiles.bare."), c.get(name).toString());
        }
        assertTrue(c.get("config").path("ok").asBoolean(), c.get("config").toString());
        assertEquals(false, c.get("team-file").path("ok").asBoolean(true), "a real profile needs the team repo");
        assertTrue(c.get("team-file").path("hint").asText().contains("[team] repo"));
    }

    @Test
    void aConfigFileOthersCanReadFails() throws Exception {
        t.writeFile(t.configFile(), PROFILES, "rw-r--r--");
        var r = check("bare", "--only", "config");
        assertEquals(1, r.exit(), r.toString());
        JsonNode c = r.json().get(0);
        assertTrue(c.path("detail").asText().contains("readable by others"), c.toString());
        assertTrue(c.path("hint").asText().startsWith("chmod 600 "), c.toString());
    }

    @Test
    void aMalformedConfigFailsTheConfigCheckWithItsLineAndSkipsWhatNeedsIt() {
        t.config("[profiles.live]\nextends = \"sandbox\"\n[profiles.live.pagerduty\ntoken = 1\n");
        var r = check("live");
        assertEquals(1, r.exit(), r.toString());
        Map<String, JsonNode> c = byName(r.json());
        assertEquals(false, c.get("config").path("ok").asBoolean(true));
        assertTrue(c.get("config").path("detail").asText().contains("config.toml:3"), c.get("config").toString());
        assertTrue(c.get("pagerduty").path("ok").isNull());
        assertTrue(c.get("pagerduty").path("detail").asText().contains("did not load"));
        assertTrue(c.get("tool-git").path("ok").asBoolean(), "tools are still checked");
    }

    @Test
    void aMalformedTeamFileFailsTheTeamFileCheckWithFileAndLine() {
        Path repo = tmp.resolve("team");
        t.writeFile(repo.resolve("tcli-team.toml"), "[web]\nx = \"https://a\"\n[[onboard.checks]\nname = \"Vault\"\n", "rw-r--r--");
        t.env("TCLI_TEAM_DIR", repo.toString());
        var r = check("practice");
        assertEquals(1, r.exit(), r.toString());
        Map<String, JsonNode> c = byName(r.json());
        assertEquals(false, c.get("team-file").path("ok").asBoolean(true), c.toString());
        assertTrue(c.get("team-file").path("detail").asText().contains("tcli-team.toml:4: invalid TOML"), c.get("team-file").toString());
        assertTrue(c.get("ssh-login").path("detail").asText().contains("did not load"));
        assertTrue(c.get("pagerduty").path("ok").asBoolean(), "service checks still run");
    }

    @Test
    void teamFileSchemaErrorsAreReported() {
        Path repo = tmp.resolve("team");
        t.writeFile(repo.resolve("tcli-team.toml"), "[[onboard.checks]]\nname = \"Vault\"\nhint = \"ask\"\n", "rw-r--r--");
        t.env("TCLI_TEAM_DIR", repo.toString());
        var r = check("practice", "--only", "team-file", "--only", "Vault");
        assertEquals(1, r.exit(), r.toString());
        Map<String, JsonNode> c = byName(r.json());
        assertTrue(c.get("team-file").path("detail").asText().contains("missing run"), c.toString());
        assertTrue(c.get("Vault").path("detail").asText().contains("no run command"), c.toString());
    }

    @Test
    void teamChecksRunWithoutAShellPrintTheirHintsAndAHangingOneTimesOutWhileTheOthersFinish() throws Exception {
        Path repo = tmp.resolve("team");
        Path script = repo.resolve("scripts/slow");
        t.writeFile(script, "#!/bin/sh\nexec sleep 60\n", "rwxr-xr-x");
        t.writeFile(repo.resolve("tcli-team.toml"), """
                [onboard]
                tools = ["sh", "no-such-tool-xyz"]
                [[onboard.checks]]
                name = "Vault access"
                run = "sh -c 'echo permission denied >&2; exit 2'"
                hint = "Ask a teammate for access to secret/habitat/live-env"
                [[onboard.checks]]
                name = "Fastly"
                run = "echo 'logged in as $USER'"
                hint = "ask #helpdesk for Fastly"
                [[onboard.checks]]
                name = "Shell"
                run = "test -n \\"$HOME\\" && echo home is set"
                shell = true
                [[onboard.checks]]
                name = "Datadog"
                run = "scripts/slow"
                timeout = "1s"
                hint = "the Datadog check hangs: is the VPN up?"
                [[onboard.checks]]
                name = "AWS console"
                run = "aws-not-installed-xyz sts get-caller-identity"
                hint = "install the AWS CLI"
                """, "rw-r--r--");
        t.env("TCLI_TEAM_DIR", repo.toString());
        var r = t.run("--profile", "practice", "onboard", "check", "--only", "Vault access", "--only", "Fastly", "--only", "Shell",
                "--only", "Datadog", "--only", "AWS console", "--only", "tool");
        assertEquals(1, r.exit(), r.toString());
        String out = r.stdout();
        assertTrue(out.contains("✘    Vault access: exit 2: permission denied"), out);
        assertTrue(out.contains("    hint: Ask a teammate for access to secret/habitat/live-env"), out);
        assertTrue(out.contains("✔    Fastly: logged in as $USER"), "no shell, no expansion: " + out);
        assertTrue(out.contains("✔    Shell: home is set"), out);
        assertTrue(out.contains("✘    Datadog: timed out after 1s"), out);
        assertTrue(out.contains("hint: the Datadog check hangs"), out);
        assertTrue(out.contains("✘    AWS console: cannot run aws-not-installed-xyz: command not found"), out);
        assertTrue(out.contains("✔    tool-sh: "), out);
        assertTrue(out.contains("✘    tool-no-such-tool-xyz: no-such-tool-xyz is not on PATH"), out);
        assertTrue(r.stderr().contains("5 passed, 4 failed, 0 skipped"), r.stderr());
        // the hanging check's process is gone
        assertTrue(Await.until(() -> ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("").contains("sleep 60")
                && p.parent().map(pp -> pp.pid() == ProcessHandle.current().pid()).orElse(false))), "sleep was killed");
    }

    /** run may be an array of words (docs/onboard.md): an argv with no shell, and the team-file check (team validate's schema) accepts it. */
    @Test
    void anArrayRunIsAnArgvWithoutAShellAndAValidTeamFile() {
        Path repo = tmp.resolve("team");
        t.writeFile(repo.resolve("tcli-team.toml"), """
                [[onboard.checks]]
                name = "argv"
                run = ["echo", "$USER; not a shell", "*"]
                timeout = 2.5
                """, "rw-r--r--");
        t.env("TCLI_TEAM_DIR", repo.toString());
        var r = check("practice", "--only", "team-file", "--only", "argv");
        assertEquals(0, r.exit(), r.toString());
        Map<String, JsonNode> c = byName(r.json());
        assertTrue(c.get("team-file").path("ok").asBoolean(), c.toString());
        assertTrue(c.get("team-file").path("detail").asText().endsWith("tcli-team.toml: valid"), c.toString());
        assertEquals("$USER; not a shell *", c.get("argv").path("detail").asText(), "words passed as they are: " + c);
    }

    @Test
    void tcliSecretsNeverReachATeamCheck() {
        Path repo = tmp.resolve("team");
        t.writeFile(repo.resolve("tcli-team.toml"), """
                [[onboard.checks]]
                name = "env"
                run = "printenv TCLI_PAGERDUTY_TOKEN"
                """, "rw-r--r--");
        t.env("TCLI_TEAM_DIR", repo.toString()).env("TCLI_PAGERDUTY_TOKEN", "sandbox-pagerduty-token");
        var r = check("practice", "--only", "env");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("exit 1", r.json().get(0).path("detail").asText());
    }

    @Test
    void theTeamRepoPassesWhenFreshlyClonedAndFailsWhenNotACheckout() throws Exception {
        Path origin = tmp.resolve("origin");
        Files.createDirectories(origin);
        git(origin, "init", "-q", "-b", "main");
        Files.writeString(origin.resolve("tcli-team.toml"), "[web]\nhome = \"https://example.com\"\n");
        git(origin, "add", ".");
        git(origin, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "team file");
        Path clone = tmp.resolve("clone");
        git(tmp, "clone", "-q", origin.toString(), clone.toString());
        t.env("TCLI_TEAM_DIR", clone.toString());
        var r = check("practice", "--only", "team-repo", "--only", "team-file");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(byName(r.json()).get("team-repo").path("detail").asText().contains("(main), last synced just now"), r.stdout());
        t.env("TCLI_TEAM_DIR", origin.getParent().resolve("plain").toString());
        t.writeFile(tmp.resolve("plain/tcli-team.toml"), "", "rw-r--r--");
        var plain = check("practice", "--only", "team-repo");
        assertEquals(1, plain.exit(), plain.toString());
        assertTrue(plain.json().get(0).path("detail").asText().contains("is not a git checkout"), plain.stdout());
    }

    static void git(Path dir, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void onlyWithAnUnknownNameIsAUsageError() {
        var r = check("practice", "--only", "pagerdoody");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("no check named 'pagerdoody'; checks: config,"), r.stderr());
        var bad = check("practice", "--timeout", "soon");
        assertEquals(2, bad.exit(), bad.toString());
    }

    @Test
    void onATerminalTheChecklistIsRedrawnInPlace() {
        t.tty(false, true).env("COLUMNS", "100");
        var r = t.run("--profile", "practice", "--no-color", "onboard", "check", "--only", "pagerduty", "--only", "tool");
        assertEquals(0, r.exit(), r.toString());
        String out = r.stdout();
        assertTrue(out.startsWith("…    pagerduty\n…    pagerduty-contact\n"), out);
        assertTrue(out.contains("\u001b[2K✔    pagerduty: token accepted"), out);
        assertTrue(out.contains("\u001b[5A"), "moved up to the first of five lines: " + out);
    }

    @Test
    void onANarrowTerminalEveryRowIsCutSoThatItStaysOneScreenRow() {
        t.tty(false, true).env("COLUMNS", "30");
        var r = t.run("--profile", "practice", "--no-color", "onboard", "check", "--only", "pagerduty", "--only", "tool");
        assertEquals(0, r.exit(), r.toString());
        for (String row : r.stdout().split("\u001b\\[2K|\n")) {
            String shown = row.replaceAll("\u001b\\[[0-9]*[A-Z]", "").replace("\r", "");
            assertTrue(shown.length() <= 29, "a row wider than the terminal: '" + shown + "' in " + r.stdout());
        }
        assertTrue(r.stdout().contains("✔    pagerduty: token accept…"), r.stdout());
    }

    @Test
    void onATerminalOfUnknownWidthTheChecklistIsPlainLines() {
        t.tty(false, true).env("COLUMNS", null);
        var r = t.run("--profile", "practice", "--no-color", "onboard", "check", "--only", "pagerduty", "--only", "tool");
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.stdout().contains("\u001b["), "no cursor movement without a width: " + r.stdout());
        assertTrue(r.stdout().contains("✔    pagerduty: token accepted"), r.stdout());
    }
}
