package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcli.spi.Flags.OutputFormat;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.output.Column;
import dev.tcli.spi.output.SafeText;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 section 2: text from a server never drives the terminal; JSON keeps it exact. */
class ControlCharactersTest {
    /** Each one does something to a terminal: clear, retitle, hide with \r, CSI as C1, DEL, bell, backspace. */
    static final List<String> HOSTILE = List.of("\u001b[2J\u001b[H", "\u001b]0;pwned\u0007", "real\rfake", "\u009b31m",
            "a\u007fb", "bell\u0007", "over\bwrite", "nul\u0000", "\u001bP+q\u001b\\", "line\nbreak");

    record Row(String title) {
    }

    private static String[] render(OutputFormat f, String title) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Renderer r = new Renderer(f, new PrintWriter(out), new PrintWriter(err), false, false, 200, null, () -> ZoneOffset.UTC);
        r.list(List.of(new Row(title)), List.of(Column.of("TITLE", Row::title)));
        r.object(new Row(title), List.of(Column.of("TITLE", Row::title)));
        r.text("text: " + title);
        r.note("note: " + title);
        r.warn(title);
        r.flush();
        return new String[] {out.toString(), err.toString()};
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> SafeText.isControl(c) && c != '\n');
    }

    @Test
    void tableAndCsvShowControlCharactersEscaped() {
        for (String h : HOSTILE) {
            for (OutputFormat f : List.of(OutputFormat.TABLE, OutputFormat.CSV)) {
                String[] o = render(f, "Builds " + h + " failing");
                assertFalse(hasControl(o[0]), f + " stdout: " + o[0]);
                assertFalse(hasControl(o[1]), f + " stderr: " + o[1]);
                assertEquals(2, o[1].lines().count(), "note and warning one line each: " + o[1]);
                String shown = SafeText.escape(h);
                assertTrue(o[0].contains(h.contains("\n") ? "line" : shown), o[0]);
            }
        }
        assertEquals("\\x1b[2J\\r\\x9b\\x7f\\x07\\x00\\n\tok", SafeText.escape("\u001b[2J\r\u009b\u007f\u0007\u0000\n\tok"));
    }

    @Test
    void jsonAndJsonlKeepTheExactText() throws Exception {
        for (String h : HOSTILE) {
            for (OutputFormat f : List.of(OutputFormat.JSON, OutputFormat.JSONL)) {
                String[] o = render(f, h);
                assertFalse(o[0].contains("\u001b") || o[0].contains("\r") || o[0].contains("\u0007"), o[0]);
                ObjectMapper m = new ObjectMapper();
                com.fasterxml.jackson.databind.JsonNode n = m.readTree(m.getFactory().createParser(o[0]));
                assertEquals(h, (n.isArray() ? n.get(0) : n).path("title").asText(), f.toString());
            }
        }
    }

    @Test
    void theErrorPrinterEscapesToo() {
        for (String h : HOSTILE) {
            StringWriter err = new StringWriter();
            int code = Tcli.fail(new TcliException(6, "statuspage said: " + h), new PrintWriter(err), 0);
            assertEquals(6, code);
            assertFalse(hasControl(err.toString()), err.toString());
            assertEquals(1, err.toString().lines().count(), err.toString());
        }
    }
}
