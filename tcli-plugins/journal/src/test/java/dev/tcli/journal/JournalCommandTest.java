package dev.tcli.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCommandTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @TempDir
    Path tmp;
    TcliHarness t;

    @BeforeEach
    void setUp() throws Exception {
        t = new TcliHarness(tmp).clock(Clock.fixed(NOW, ZoneOffset.UTC));
        Path journal = t.stateDir().resolve("journal.jsonl");
        Files.createDirectories(journal.getParent());
        Files.writeString(journal, String.join("\n",
                line("2026-11-18T09:00:00Z", "live", "oncall", "ack", "QOLD1", "ok", "{\"number\":1001}"),
                line("2026-11-20T09:00:05Z", "live", "oncall", "ack", "Q1AAA", "ok", "{\"number\":1245,\"provider\":\"pagerduty\"}"),
                line("2026-11-20T09:10:00Z", "live", "hab", "restart", "builder-api", "ok", "{\"node\":\"live-builder-api-0\"}"),
                line("2026-11-20T09:20:00Z", "sandbox", "status", "incident update", "sp123", "ok", "{\"pagerduty_incident\":\"Q1AAA\"}"),
                line("2026-11-20T09:30:00Z", "live", "oncall", "resolve", "Q1BBB", "failed", "{\"number\":1246}"),
                // a write cut short by a crash
                "{\"time\":\"2026-11-20T09:40:00Z\",\"profile\":\"live\",\"us"));
    }

    static String line(String time, String profile, String module, String verb, String target, String outcome, String details) {
        return "{\"time\":\"" + time + "\",\"profile\":\"" + profile + "\",\"user\":\"dwhitfield\",\"module\":\"" + module
                + "\",\"verb\":\"" + verb + "\",\"target\":\"" + target + "\",\"outcome\":\"" + outcome + "\",\"details\":" + details + "}";
    }

    static List<String> targets(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(e -> out.add(e.path("target").asText()));
        return out;
    }

    @Test
    void lastDayByDefaultOldestFirstSkippingTheTruncatedLine() {
        var r = t.run("journal");
        assertEquals(0, r.exit(), r.toString());
        String[] lines = r.stdout().strip().split("\n");
        assertEquals(5, lines.length, r.stdout());
        assertTrue(lines[0].startsWith("TIME (UTC)"), lines[0]);
        for (String h : List.of("PROFILE", "USER", "MODULE", "VERB", "TARGET", "OUTCOME")) {
            assertTrue(lines[0].contains(h), h);
        }
        assertTrue(lines[1].startsWith("2026-11-20T09:00:05Z") && lines[1].contains("Q1AAA"), lines[1]);
        assertTrue(lines[2].contains("restart") && lines[2].contains("builder-api"), lines[2]);
        assertFalse(r.stdout().contains("QOLD1"), "older than 24h");
        assertTrue(r.stderr().contains("skipped 1 unreadable journal line"), r.stderr());
    }

    /** Issue 14 section 6: a line cut inside a multi-byte character (or any invalid UTF-8) is skipped and counted, never fatal. */
    @Test
    void aLineTornInsideAMultiByteCharacterIsSkippedAndCounted() throws Exception {
        Path journal = t.stateDir().resolve("journal.jsonl");
        byte[] torn = line("2026-11-20T09:41:00Z", "live", "oncall", "note", "Q1CCC", "ok", "{\"text\":\"Jürgen\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int cut = new String(torn, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("J") + 2; // inside the two bytes of 'ü'
        try (var out = Files.newOutputStream(journal, java.nio.file.StandardOpenOption.APPEND)) {
            out.write('\n');
            out.write(torn, 0, cut);
            out.write('\n');
            out.write(new byte[] {(byte) 0xff, (byte) 0xfe, '{', '}', '\n'});
            out.write(line("2026-11-20T09:50:00Z", "live", "oncall", "ack", "Q1DDD", "ok", "{\"who\":\"Zoë\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.write('\n');
        }
        var r = t.run("journal");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("Q1DDD"), "the entry after the torn ones is read: " + r.stdout());
        assertTrue(r.stderr().contains("skipped 3 unreadable journal line"), r.stderr());
        assertFalse(r.stderr().contains("Input length"), r.stderr());
        // postmortem new reads the journal through the same kernel reader (Journal.read)
        var json = t.run("journal", "-o", "json");
        assertTrue(json.json().toString().contains("Q1DDD"), json.toString());
    }

    @Test
    void jsonShape() {
        var r = t.run("journal", "--since", "7d", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode arr = r.json();
        assertEquals(5, arr.size());
        JsonNode first = arr.get(0);
        assertEquals("2026-11-18T09:00:00Z", first.path("time").asText());
        assertEquals("live", first.path("profile").asText());
        assertEquals("dwhitfield", first.path("user").asText());
        assertEquals("oncall", first.path("module").asText());
        assertEquals("ack", first.path("verb").asText());
        assertEquals("QOLD1", first.path("target").asText());
        assertEquals("ok", first.path("outcome").asText());
        assertEquals(1001, first.path("details").path("number").asInt());
    }

    @Test
    void incidentFilterMatchesTargetAndDetails() {
        var r = t.run("journal", "--incident", "Q1AAA", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        // the ack targets it; the status update names it in its details
        assertEquals(List.of("Q1AAA", "sp123"), targets(r.json()));

        r = t.run("journal", "--incident", "#1246", "-o", "json");
        assertEquals(List.of("Q1BBB"), targets(r.json()), "the incident number recorded in the details");
    }

    @Test
    void moduleAndWindowFilters() {
        var r = t.run("journal", "--module", "hab", "-o", "json");
        assertEquals(List.of("builder-api"), targets(r.json()));

        r = t.run("journal", "--since", "2026-11-20 09:05", "--until", "2026-11-20T09:25:00Z", "-o", "jsonl");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(2, r.stdout().strip().split("\n").length, r.stdout());
    }

    @Test
    void noJournalYetIsEmptyNotAnError() throws Exception {
        Files.delete(t.stateDir().resolve("journal.jsonl"));
        var r = t.run("journal", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(0, r.json().size());
    }

    @Test
    void badTimeIsUsage() {
        var r = t.run("journal", "--since", "last tuesday");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("cannot read time"), r.stderr());
    }

    @Test
    void helpHasExamples() {
        var r = t.run("journal", "--help");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("Examples:") && r.stdout().contains("--incident"), r.stdout());
    }
}
