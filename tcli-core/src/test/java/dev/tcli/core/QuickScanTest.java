package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** QuickScan reads what it accepts exactly as picocli's scan does, and leaves the rest to it. */
class QuickScanTest {
    static RootCommand picocli(String... args) {
        RootCommand r = new RootCommand(new GlobalOptions());
        CommandLine cl = new CommandLine(r);
        cl.setStopAtPositional(true);
        cl.parseArgs(args);
        return r;
    }

    static void assertSame(RootCommand expected, RootCommand actual, String line) {
        GlobalOptions e = expected.globals;
        GlobalOptions a = actual.globals;
        assertEquals(e.profile, a.profile, line);
        assertEquals(e.config, a.config, line);
        assertEquals(e.output, a.output, line);
        assertArrayEquals(e.verbose, a.verbose, line);
        assertEquals(e.quiet, a.quiet, line);
        assertEquals(e.noColor, a.noColor, line);
        assertEquals(e.yes, a.yes, line);
        assertEquals(e.dryRun, a.dryRun, line);
        assertEquals(e.help, a.help, line);
        assertEquals(expected.version, actual.version, line);
        assertEquals(expected.rest, actual.rest, line);
    }

    @Test
    void agreesWithPicocliOnThePlainSpellings() {
        List<String[]> lines = List.of(
                new String[] {},
                new String[] {"--help"},
                new String[] {"-h"},
                new String[] {"-V"},
                new String[] {"--version"},
                new String[] {"hello", "a b", "--help", "-o", "weird"},
                new String[] {"--profile", "sandbox", "oncall", "incidents"},
                new String[] {"--profile=live", "--config=/tmp/c.toml", "oncall", "ack", "1042", "--yes"},
                new String[] {"-o", "json", "-v", "-vv", "--verbose", "plugins", "list"},
                new String[] {"--output", "CSV", "-q", "--no-color", "-y", "--dry-run", "status", "components"},
                new String[] {"--output=jsonl", "--quiet", "--yes", "oncall", "who"},
                new String[] {"-vvv", "--profile", "oncall", "oncall"},
                new String[] {"-", "x"});
        for (String[] line : lines) {
            RootCommand quick = new RootCommand(new GlobalOptions());
            assertTrue(quick.quickScan(line), String.join(" ", line));
            assertSame(picocli(line), quick, String.join(" ", line));
        }
    }

    @Test
    void leavesEverythingElseToPicocli() {
        List<String[]> lines = List.of(
                new String[] {"-qy", "oncall"},
                new String[] {"-ojson", "oncall"},
                new String[] {"-o=json", "oncall"},
                new String[] {"-o", "yaml", "oncall"},
                new String[] {"--profile"},
                new String[] {"--profile", "-q", "oncall"},
                new String[] {"--profile=", "oncall"},
                new String[] {"--frobnicate", "oncall"},
                new String[] {"--quiet=true", "oncall"},
                new String[] {"--", "oncall"});
        for (String[] line : lines) {
            RootCommand quick = new RootCommand(new GlobalOptions());
            assertFalse(quick.quickScan(line), String.join(" ", line));
            assertEquals(List.of(), quick.rest, "untouched: " + String.join(" ", line));
            assertEquals(null, quick.globals.profile);
        }
    }
}
