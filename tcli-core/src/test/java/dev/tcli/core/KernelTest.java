package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.TcliHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelTest {
    @TempDir
    Path tmp;

    @Test
    void helpListsModulesGroupedWithoutBuildingThem() {
        var r = new TcliHarness(tmp).run("--help");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("Built-in:"), r.toString());
        assertTrue(r.stdout().contains("echo"), r.toString());
        assertTrue(r.stdout().contains("Test module: prints what the core gave it"), r.toString());
        assertTrue(r.stdout().contains("--profile"), r.toString());
    }

    @Test
    void globalOptionsWorkInAnyPosition() {
        var t = new TcliHarness(tmp);
        var before = t.run("--yes", "-o", "json", "-vv", "echo", "flags");
        assertEquals(0, before.exit(), before.toString());
        assertTrue(before.stdout().contains("yes=true dryRun=false v=2 quiet=false color=false output=JSON"), before.toString());
        var after = t.run("echo", "flags", "--yes", "--output=csv", "-q", "--dry-run");
        assertTrue(after.stdout().contains("yes=true dryRun=true v=0 quiet=true color=false output=CSV"), after.toString());
        var middle = t.run("echo", "-o", "jsonl", "flags");
        assertTrue(middle.stdout().contains("output=JSONL"), middle.toString());
    }

    @Test
    void unknownModuleIsUsageErrorWithSuggestion() {
        var r = new TcliHarness(tmp).run("ecko", "flags");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("Did you mean: echo?"), r.toString());
    }

    @Test
    void unknownVerbAndOptionAreUsageErrors() {
        var t = new TcliHarness(tmp);
        var verb = t.run("echo", "flag");
        assertEquals(2, verb.exit(), verb.toString());
        assertTrue(verb.stderr().contains("flags"), verb.toString());
        var opt = t.run("echo", "flags", "--bogus");
        assertEquals(2, opt.exit(), opt.toString());
        assertTrue(opt.stderr().startsWith("tcli: unknown option '--bogus'."), opt.toString());
        var fmt = t.run("-o", "xml", "echo", "flags");
        assertEquals(2, fmt.exit(), fmt.toString());
        assertTrue(fmt.stderr().contains("use table, json, jsonl or csv"), fmt.toString());
    }

    @Test
    void moduleAndVerbHelpShowExamples() {
        var t = new TcliHarness(tmp);
        var r = t.run("echo", "flags", "--help");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("Examples:"), r.toString());
        assertTrue(r.stdout().contains("tcli echo flags -o json"), r.toString());
        assertTrue(t.run("echo", "--help").stdout().contains("setting"));
    }

    @Test
    void versionPrints() {
        var r = new TcliHarness(tmp).run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.stdout().startsWith("tcli "), r.toString());
    }

    @Test
    void noConfigNoProfileIsExit3NamingInitAndSandbox() {
        var r = new TcliHarness(tmp).run("echo", "setting", "pagerduty", "email");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("tcli config init"), r.toString());
        assertTrue(r.stderr().contains("--profile sandbox"), r.toString());
        assertFalse(r.stderr().contains("Exception"), r.toString());
    }
}
