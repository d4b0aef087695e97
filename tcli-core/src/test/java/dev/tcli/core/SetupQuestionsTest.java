package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config init} asks what the installed {@code SetupQuestions} contribute (here the test
 * fixture's), in their order, with their flags; the core names no service itself.
 */
class SetupQuestionsTest {
    @TempDir
    Path tmp;

    @Test
    void contributedFlagsAnswerWithoutATerminal() throws Exception {
        var t = new TcliHarness(tmp);
        var r = t.run("config", "init", "--name", "t", "--echo-url", "https://echo.example.com", "--echo-token-cmd", "pass echo");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                # tcli personal configuration (docs/configuration.md). Keep it mode 600.
                default_profile = "t"

                [profiles.t.region]
                name = "eu"

                [profiles.t.echo]
                url = "https://echo.example.com"
                token_cmd = "pass echo"
                """, Files.readString(t.configFile()));
    }

    @Test
    void questionsComeInTheContributorsOrderAndFollowUpsOnlyForAServiceBeingSetUp() throws Exception {
        var t = new TcliHarness(tmp).tty(true, true).stdin("practice\nus\n\n\n");
        var r = t.run("config", "init");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stderr().contains("Profile name [live]: Echo region [eu]: Echo service URL: "
                + "Team control repo checkout (holds tcli-team.toml): wrote profile 'practice'"), r.toString());
        assertFalse(r.stderr().contains("echo token"), r.toString());
        String text = Files.readString(t.configFile());
        assertTrue(text.contains("[profiles.practice.region]\nname = \"us\"\n"), text);
        assertFalse(text.contains("[profiles.practice.echo]"), text);
    }

    @Test
    void contributedFlagsAreInTheHelpAndTheCoresOwnWin() {
        var r = new TcliHarness(tmp).run("config", "init", "--help");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("--echo-url=URL"), r.stdout());
        assertTrue(r.stdout().contains("Command printing your echo token."), r.stdout());
        assertTrue(r.stdout().contains("--name=PROFILE"), r.stdout());
        assertFalse(r.stdout().contains("CLASH"), r.stdout());
    }

    @Test
    void aBlankFlagSkipsTheSettingAndItsFollowUps() throws Exception {
        var t = new TcliHarness(tmp);
        var r = t.run("config", "init", "--name", "t", "--echo-url", "", "--echo-token-cmd", "pass echo", "--region", "");
        assertEquals(0, r.exit(), r.toString());
        String text = Files.readString(t.configFile());
        assertFalse(text.contains("[profiles.t.echo]"), text);
        assertFalse(text.contains("[profiles.t.region]"), text);
    }
}
