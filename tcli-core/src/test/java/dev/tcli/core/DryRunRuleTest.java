package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel refuses --dry-run for a verb that does not declare it honours it, before the verb runs. */
class DryRunRuleTest {
    @TempDir
    Path tmp;

    @Test
    void anUndeclaredVerbIsRefusedAndNeverRuns() {
        var t = new TcliHarness(tmp);
        var r = t.run("echo", "undeclared", "--dry-run");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("tcli: 'tcli echo undeclared' does not support --dry-run: it does not declare what it would do with it; "
                + "run it without --dry-run\n", r.stderr());
        assertFalse(Files.exists(t.home().resolve("undeclared-ran")));
        assertEquals(0, t.run("echo", "undeclared").exit());
        assertTrue(Files.exists(t.home().resolve("undeclared-ran")));
    }

    @Test
    void aRefusingVerbSaysWhy() {
        var t = new TcliHarness(tmp);
        var r = t.run("--dry-run", "echo", "refused");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("does not support --dry-run: it cannot preview its work"), r.toString());
        assertFalse(Files.exists(t.home().resolve("refused-ran")));
    }

    @Test
    void readOnlyVerbsAndHelpRunAsUsual() {
        var t = new TcliHarness(tmp);
        var flags = t.run("echo", "flags", "--dry-run");
        assertEquals(0, flags.exit(), flags.toString());
        assertTrue(flags.stdout().contains("dryRun=true"), flags.toString());
        var help = t.run("echo", "undeclared", "--help", "--dry-run");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.stdout().contains("Usage: tcli echo undeclared"), help.toString());
    }
}
