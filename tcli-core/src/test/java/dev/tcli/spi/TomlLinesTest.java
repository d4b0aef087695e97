package dev.tcli.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one TOML key-to-line lookup: team validate's indexed paths and the kernel's where(). */
class TomlLinesTest {
    private static final TomlLines LINES = TomlLines.parse("""
            [a]
            x = 1
            [[a.b]]
            y = 2
            [[a.b]]
            "quoted.key" = 3
            [a.b.c]
            z = 4
            [profiles.live.pagerduty]
            token_cmd = "pass pd"   # a comment
            site.region = 'eu'
            """);

    @Test
    void linesOfArraysOfTables() {
        assertEquals(2, LINES.line("a.x"));
        assertEquals(3, LINES.line("a.b[0]"));
        assertEquals(4, LINES.line("a.b[0].y"));
        assertEquals(6, LINES.line("a.b[1].quoted.key"));
        assertEquals(5, LINES.line("a.b[1].missing"));
        assertEquals(8, LINES.line("a.b[1].c.z"));
        assertEquals(0, LINES.line("nope"));
    }

    @Test
    void exactLinesAreTheKeyOrHeaderItselfAndTheFirstOfAnArray() {
        assertEquals(10, LINES.exactLine("profiles.live.pagerduty.token_cmd"));
        assertEquals(11, LINES.exactLine("profiles.live.pagerduty.site.region"));
        assertEquals(9, LINES.exactLine("profiles.live.pagerduty"));
        assertEquals(0, LINES.exactLine("profiles.live.pagerduty.token"), "a missing key has no line of its own");
        assertEquals(0, LINES.exactLine("profiles.live"), "an implicit table is written nowhere");
        assertEquals(3, LINES.exactLine("a.b"), "an array of tables: its first header");
        assertEquals(4, LINES.exactLine("a.b.y"), "without an index: the first element's key");
        assertEquals(6, LINES.exactLine("a.b.quoted.key"));
        assertEquals(8, LINES.exactLine("a.b.c.z"));
    }
}
