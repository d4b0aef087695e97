package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.spi.Flags.OutputFormat;
import dev.tcli.spi.output.Column;
import dev.tcli.spi.output.LiveRows;
import dev.tcli.testkit.TcliHarness;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal layer: tables fit the width, the progress line never shares a row with output, live rows never wrap. */
class ScreenTest {
    @TempDir
    Path tmp;

    record Incident(String id, String status, Instant created, String title) {
    }

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private Screen screen(boolean tty, int columns) {
        SystemEnv sys = new SystemEnv(columns > 0 ? Map.of("COLUMNS", String.valueOf(columns)) : Map.of(),
                new ByteArrayInputStream(new byte[0]), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8), tty, tty, tty, Clock.systemUTC(), tmp);
        return new Screen(sys);
    }

    private static String table(int width, List<Incident> rows) {
        StringWriter sw = new StringWriter();
        Renderer r = new Renderer(OutputFormat.TABLE, new PrintWriter(sw), new PrintWriter(new StringWriter()), false, false,
                width, null, () -> ZoneOffset.UTC);
        r.list(rows, List.of(Column.of("ID", Incident::id), Column.status("STATUS", Incident::status),
                Column.of("CREATED", Incident::created), Column.of("TITLE", Incident::title)));
        return sw.toString();
    }

    private static final List<Incident> ROWS = List.of(
            new Incident("Q6UT1ISBX", "acknowledged", Instant.parse("2026-12-02T16:34:00Z"),
                    "depot: disk usage 91% on live-depot-0, the artifact store is filling up faster than the cleanup runs"),
            new Incident("Q6UZ5HSBX", "triggered", Instant.parse("2026-12-02T17:08:00Z"), "builder-worker: build queue backlog"));

    @Test
    void aTableOnATerminalCutsTheWidestTextColumnAndNothingElse() {
        for (int width : new int[] {60, 80, 120}) {
            String text = table(width, ROWS);
            for (String line : text.lines().toList()) {
                assertTrue(line.length() < width, width + ": " + line);
            }
            List<String> lines = text.lines().toList();
            assertTrue(lines.get(1).matches("^Q6UT1ISBX  acknowledged  2026-12-02.16:34:00Z?  depot: disk.*"), text);
            assertTrue(lines.get(1).endsWith("…"), text);
            assertTrue(lines.get(2).startsWith("Q6UZ5HSBX  triggered"), text);
        }
    }

    @Test
    void piped_aTableIsNeverCut() {
        String text = table(0, ROWS);
        assertTrue(text.contains("faster than the cleanup runs"), text);
        assertFalse(text.contains("…"), text);
    }

    @Test
    void anEmptyTableSaysNoneInsteadOfABareHeader() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Renderer r = new Renderer(OutputFormat.TABLE, new PrintWriter(out), new PrintWriter(err), false, false, 80, null,
                () -> ZoneOffset.UTC);
        r.list(List.<Incident>of(), List.of(Column.of("ID", Incident::id)));
        assertEquals("", out.toString());
        assertEquals("(none)", err.toString().strip());
        // a command that already said why (nothing to acknowledge) is not echoed by "(none)"
        StringWriter err2 = new StringWriter();
        Renderer r2 = new Renderer(OutputFormat.TABLE, new PrintWriter(new StringWriter()), new PrintWriter(err2), false, false,
                80, null, () -> ZoneOffset.UTC);
        r2.note("nothing to acknowledge");
        r2.list(List.<Incident>of(), List.of(Column.of("ID", Incident::id)));
        assertEquals("nothing to acknowledge", err2.toString().strip());
    }

    @Test
    void theProgressLineIsClearedBeforeAnythingElseReachesTheScreen() {
        Screen s = screen(true, 40);
        s.progress("searching: GATHERING RESULTS, 13 messages, 2.5s and a lot more text than fits");
        s.out().println("TIME   HOST");
        s.out().flush();
        String err = errBytes.toString(StandardCharsets.UTF_8);
        // drawn cut to the width, then erased; the data comes after the erase
        assertTrue(err.startsWith("\rsearching: GATHERING RESULTS, 13 messa…\u001b[K"), err);
        assertTrue(err.endsWith("\r\u001b[K"), err);
        assertEquals("TIME   HOST\n", outBytes.toString(StandardCharsets.UTF_8));
        // an error message too
        s.progress("again");
        s.err().println("tcli: failed");
        assertTrue(errBytes.toString(StandardCharsets.UTF_8).endsWith("\ragain\u001b[K\r\u001b[Ktcli: failed\n"));
    }

    @Test
    void noProgressLineWhenStderrIsNotATerminal() {
        Screen s = screen(false, 0);
        s.progress("searching");
        assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
        assertNull(s.liveRows(List.of("a")), "no in-place rows off a terminal");
    }

    @Test
    void liveRowsAreCutToTheWidthSoThatRowsCountScreenRows() {
        Screen s = screen(true, 20);
        LiveRows rows = s.liveRows(List.of("…    team-repo", "…    pagerduty"));
        rows.set(0, "✔ team-repo: /home/dana/.local/state/tcli/sandbox/team (main)");
        rows.close();
        String out = outBytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.startsWith("…    team-repo\n…    pagerduty\n"), out);
        assertTrue(out.endsWith("\u001b[2A\r\u001b[2K✔ team-repo: /home…\u001b[2B\r"), out);
    }

    @Test
    void fitCountsOnlyWhatIsShown() {
        assertEquals("\u001b[32m✔\u001b[0m abc…\u001b[0m", Screen.fit("\u001b[32m✔\u001b[0m abcdefgh", 6));
        assertEquals("short", Screen.fit("short", 6));
    }

    @Test
    void helpAnywhereAModuleAloneAndTyposAreOneLineWithTheHint() {
        var t = new TcliHarness(tmp);
        var help = t.run("help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.stdout().contains("Run 'tcli MODULE --help'"), help.toString());
        var moduleHelp = t.run("help", "echo");
        assertEquals(0, moduleHelp.exit(), moduleHelp.toString());
        assertTrue(moduleHelp.stdout().contains("flags"), moduleHelp.toString());
        var verbHelp = t.run("echo", "help");
        assertEquals(0, verbHelp.exit(), verbHelp.toString());
        assertTrue(verbHelp.stdout().contains("Prints the global flags."), verbHelp.toString());
        var alone = t.run("echo");
        assertEquals(0, alone.exit(), alone.toString());
        assertTrue(alone.stdout().contains("flags") && alone.stdout().contains("rows"), alone.toString());
        var typo = t.run("echo", "flgs");
        assertEquals(2, typo.exit(), typo.toString());
        assertEquals(List.of("tcli: 'flgs' is not a verb of 'tcli echo'. Did you mean: flags?", "See 'tcli echo --help'."),
                typo.stderr().lines().toList());
        var extra = t.run("echo", "flags", "surplus");
        assertEquals(2, extra.exit(), extra.toString());
        assertEquals(List.of("tcli: unexpected argument 'surplus'.", "See 'tcli echo flags --help'."), extra.stderr().lines().toList());
    }
}
