package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer's four formats, colour rules, and the action journal. */
class OutputAndJournalTest {
    @TempDir
    Path tmp;

    @Test
    void tableIsAlignedAndPlainWhenPiped() {
        var r = new TcliHarness(tmp).run("echo", "rows");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("""
                ID    STATUS     COUNT
                P1    triggered  1
                P2,x  resolved   22
                """, r.stdout());
    }

    @Test
    void tableIsColouredOnATerminalUnlessNoColor() {
        var t = new TcliHarness(tmp).tty(false, true);
        assertTrue(t.run("echo", "rows").stdout().contains("\u001b[31mtriggered\u001b[0m"));
        assertFalse(t.run("echo", "rows", "--no-color").stdout().contains("\u001b["));
        t.env("NO_COLOR", "1");
        assertFalse(t.run("echo", "rows").stdout().contains("\u001b["));
    }

    @Test
    void jsonJsonlAndCsv() throws Exception {
        var t = new TcliHarness(tmp);
        JsonNode json = t.run("-o", "json", "echo", "rows").json();
        assertEquals(2, json.size());
        assertEquals("P2,x", json.get(1).get("id").asText());
        assertEquals(22, json.get(1).get("count").asInt());

        List<String> lines = t.run("-o", "jsonl", "echo", "rows").stdout().lines().toList();
        assertEquals(2, lines.size());
        assertEquals("triggered", new ObjectMapper().readTree(lines.get(0)).get("status").asText());

        assertEquals("ID,STATUS,COUNT\nP1,triggered,1\n\"P2,x\",resolved,22\n", t.run("-o", "csv", "echo", "rows").stdout());
    }

    /** Issue 14 section 6: output that cannot be written is exit 1 with the reason, never a silent 0. */
    @Test
    void anUnwritableStdoutIsExit1WithTheReason() {
        for (String why : List.of("No space left on device", "Stream closed")) {
            var t = new TcliHarness(tmp).stdoutFails(why);
            for (String[] argv : List.of(new String[] {"echo", "rows"}, new String[] {"-o", "json", "echo", "rows"},
                    new String[] {"-o", "csv", "echo", "rows"}, new String[] {"--version"}, new String[] {"--help"})) {
                var r = t.run(argv);
                assertEquals(1, r.exit(), String.join(" ", argv) + ": " + r);
                assertEquals("tcli: cannot write output: " + why + "\n", r.stderr(), String.join(" ", argv));
            }
        }
        assertEquals(0, new TcliHarness(tmp).run("echo", "rows").exit(), "a writable stdout is fine");
        // a reader that has gone (| head -1) is no failure: output stops without a word, as with any filter
        var gone = new TcliHarness(tmp).stdoutFails("Broken pipe").run("echo", "rows");
        assertEquals(0, gone.exit(), gone.toString());
        assertEquals("", gone.stderr());
    }

    @Test
    void mutationIsJournaledAsOneJsonLine() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).body("{\"status\":\"acknowledged\"}").build());
            server.enqueue(new MockResponse.Builder().code(200).body("{\"status\":\"acknowledged\"}").build());
            var t = new TcliHarness(tmp).config("default_profile = \"live\"\n[profiles.live.pagerduty]\nemail = \"a@b\"\n");
            Path journal = t.stateDir().resolve("journal.jsonl");
            Files.createDirectories(journal.getParent());
            // a line cut short by a crash must not swallow the next entry
            Files.writeString(journal, "{\"time\":\"2026-11-20T10:00:00Z\",\"verb\":\"ack\"}\n{\"time\":\"2026-11-20T10:0");
            var r = t.run("--yes", "echo", "mutate", "--url", server.url("/").toString());
            assertEquals(0, r.exit(), r.toString());
            assertEquals(0, t.run("--yes", "echo", "mutate", "--url", server.url("/").toString()).exit());
            List<String> lines = Files.readAllLines(journal);
            assertEquals(4, lines.size(), lines.toString());
            JsonNode e = new ObjectMapper().readTree(lines.get(2));
            assertEquals("live", e.get("profile").asText());
            assertEquals("tester", e.get("user").asText());
            assertEquals("echo", e.get("module").asText());
            assertEquals("mutate", e.get("verb").asText());
            assertEquals("1", e.get("target").asText());
            assertEquals("ok", e.get("outcome").asText());
            assertTrue(e.get("time").asText().endsWith("Z"));
            assertFalse(lines.get(2).contains("sekrit-123456"));
        }
    }

    @Test
    void confirmationWithoutTtyNeedsYesAndOnTtyAsks() {
        var t = new TcliHarness(tmp);
        var r = t.run("echo", "mutate", "--url", "http://127.0.0.1:9/");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("pass --yes"), r.toString());
        var no = t.tty(true, true).stdin("n\n").run("echo", "mutate", "--url", "http://127.0.0.1:9/");
        assertEquals(1, no.exit(), no.toString());
        assertTrue(no.stderr().contains("Really mutate? [y/N]"), no.toString());
        assertTrue(no.stderr().contains("nothing was done"), no.toString());
    }

    @Test
    void pluginsListShowsSourcesAndCompletionCoversModules() {
        var t = new TcliHarness(tmp);
        var list = t.run("plugins", "list", "-o", "json");
        assertEquals(0, list.exit(), list.toString());
        boolean echo = false;
        for (JsonNode n : list.json()) {
            if (n.get("name").asText().equals("echo")) {
                echo = true;
                assertEquals("built-in", n.get("source").asText());
            }
        }
        assertTrue(echo, list.toString());
        var bash = t.run("completion", "bash");
        assertEquals(0, bash.exit(), bash.toString());
        assertTrue(bash.stdout().contains("echo"), "modules are in the completion script");
        assertTrue(bash.stdout().contains("--profile"));
        assertTrue(t.run("completion", "zsh").stdout().startsWith("#compdef tcli"));
        assertEquals(2, t.run("completion", "fish").exit());
        var v = t.run("version", "-o", "json");
        assertEquals(0, v.exit(), v.toString());
        assertTrue(v.json().has("jdk"));
    }
}
