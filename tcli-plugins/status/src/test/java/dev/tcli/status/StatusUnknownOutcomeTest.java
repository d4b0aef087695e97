package dev.tcli.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.sandbox.Faults;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 section 6: a write whose answer is lost (a 5xx, an empty 2xx) may have been applied:
 * journaled as unknown, "check before retrying", never exit 0 with an empty target.
 */
class StatusUnknownOutcomeTest extends StatusTestBase {
    private void stage(String method, String prefix, String kind) {
        Faults.add(sandboxDir(), new Faults.Fault("statuspage", method, prefix, kind, 1, 0, 0));
    }

    @Test
    void aCreateAnsweredEmptyIsExit6JournaledUnknownNeverOkWithAnEmptyTarget() {
        stage("POST", null, "empty");
        var r = status("incident", "create", "--name", "Builds failing", "--message", "m", "--no-notify", "--yes");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("malformed answer") && r.stderr().contains("check with 'tcli status incident list --unresolved' before retrying"),
                r.stderr());
        List<JsonNode> j = journal();
        assertEquals(1, j.size(), j.toString());
        assertEquals("unknown", j.get(0).path("outcome").asText());
        assertEquals("Builds failing", j.get(0).path("target").asText());
        assertEquals("incident create", j.get(0).path("verb").asText());
        // it was applied: checking shows it, as the message says
        assertTrue(ok("incident", "list", "--unresolved", "-o", "json").json().toString().contains("Builds failing"));
    }

    @Test
    void aCreateThatGetsA500IsJournaledUnknownAndNotRepeated() {
        stage("POST", null, "500");
        var r = status("incident", "create", "--name", "Builds failing", "--message", "m", "--no-notify", "--yes");
        assertEquals(6, r.exit(), r.toString());
        assertFalse(r.stderr().contains("try again"), r.stderr());
        assertTrue(r.stderr().contains("may or may not have been applied"), r.stderr());
        assertEquals("unknown", journal().get(0).path("outcome").asText());
        assertEquals(1, writes().size(), "a POST is never retried");
    }

    @Test
    void componentSetAndIncidentUpdateWithALostAnswerAreUnknownToo() {
        stage("PATCH", null, "empty");
        var set = status("component", "set", "API", "major", "--yes");
        assertEquals(6, set.exit(), set.toString());
        assertTrue(set.stderr().contains("check with 'tcli status components' before retrying"), set.stderr());
        String open = openIncident();
        stage("PATCH", null, "empty");
        var upd = status("incident", "update", open, "--message", "still looking", "--yes");
        assertEquals(6, upd.exit(), upd.toString());
        assertTrue(upd.stderr().contains("check with 'tcli status incident show " + open + "' before retrying"), upd.stderr());
        List<JsonNode> j = journal();
        assertEquals(List.of("unknown", "unknown"), j.stream().map(e -> e.path("outcome").asText()).toList(), j.toString());
    }
}
