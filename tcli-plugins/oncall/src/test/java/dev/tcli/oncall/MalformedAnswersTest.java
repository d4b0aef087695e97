package dev.tcli.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.sandbox.Faults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 section 6: an empty or shapeless 2xx is exit 6, never success, never a replaced cache; unknown outcomes are journaled. */
class MalformedAnswersTest extends OncallTestBase {
    private void empty(String method, String path) {
        Faults.add(t.stateDir().resolve("sandbox"), new Faults.Fault("pagerduty", method, path, "empty", 1, 0, 0));
    }

    @Test
    void anEmptyRosterIsExit6AndTheLastGoodRosterIsKept() throws Exception {
        assertEquals(0, run("who").exit());
        Path dir = t.stateDir().resolve("oncall");
        List<Path> caches;
        try (var s = Files.list(dir)) {
            caches = s.toList();
        }
        String before = Files.readString(caches.get(0));
        empty("GET", "/oncalls");
        var r = run("who", "-o", "json");
        assertTrue(r.exit() == 6 || r.json().get(0).path("stale").asBoolean(), "exit 6, or the last good roster marked stale: " + r);
        assertFalse(r.stdout().contains("nobody") || r.stderr().contains("nobody is on call"), r.toString());
        assertEquals(before, Files.readString(caches.get(0)), "the good cache was not replaced");
        // with no cache at all an empty answer is exit 6 with one line
        Files.delete(caches.get(0));
        empty("GET", "/oncalls");
        var none = run("who");
        assertEquals(6, none.exit(), none.toString());
        assertTrue(none.stderr().contains("malformed answer"), none.stderr());
        assertFalse(Files.exists(caches.get(0)), "nothing cached from an empty answer");
    }

    @Test
    void anEmptyIncidentListingIsExit6LikeEveryOtherMalformedAnswer() {
        empty("GET", "/incidents");
        var r = run("incidents");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("PagerDuty sent a malformed answer to GET /incidents"), r.stderr());
        assertEquals(1, r.stderr().lines().filter(l -> !l.contains("SANDBOX")).count(), r.stderr());
    }

    @Test
    void anAckWhoseAnswerIsLostIsJournaledAsUnknownAndSaysToCheck() {
        String n = myTriggered();
        Faults.add(t.stateDir().resolve("sandbox"), new Faults.Fault("pagerduty", "PUT", "/incidents", "500", 5, 0, 0));
        var r = run("ack", n, "--yes");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("may or may not have been applied: check with 'tcli oncall show ID' before retrying"), r.stderr());
        assertFalse(r.stderr().contains("try again"), r.stderr());
        String journal = read(t.stateDir().resolve("journal.jsonl"));
        assertTrue(journal.contains("\"verb\":\"ack\"") && journal.contains("\"outcome\":\"unknown\""), journal);
    }

    /** Issue 14 section 7: numbers and times a user can type are exit 2 with one line. */
    @Test
    void badNumbersAndTimesAreOneUsageLine() {
        for (String[] argv : List.of(new String[] {"incidents", "--limit", "0"}, new String[] {"incidents", "--limit", "-1"},
                new String[] {"incidents", "--limit", "99999999999"}, new String[] {"incidents", "--since", "99999999999999d"},
                new String[] {"incidents", "--since", "1h", "--until", "2h"}, new String[] {"incidents", "--since", "soonish"})) {
            var r = run(argv);
            assertEquals(2, r.exit(), String.join(" ", argv) + ": " + r);
            assertFalse(r.stderr().contains("unexpected error") || r.stderr().contains("java."), r.stderr());
        }
        var dd = t.run("--", "oncall", "incidents");
        assertEquals(2, dd.exit(), dd.toString());
        assertEquals(1, dd.stderr().lines().count(), dd.stderr());
    }
}
