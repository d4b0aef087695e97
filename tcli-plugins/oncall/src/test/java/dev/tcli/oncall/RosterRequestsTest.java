package dev.tcli.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.sandbox.Faults;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 §1: who is on call costs requests for the roster, not for the size of the user
 * directory, and a directory that cannot be read never loses the answer it only decorates.
 */
class RosterRequestsTest extends OncallTestBase {
    @Test
    void whoAsksTheRosterWithItsUsersAndNeverWalksTheDirectory() {
        var r = run("who", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.json().size() > 0, r.stdout());
        for (JsonNode row : r.json()) {
            assertTrue(row.path("email").asText().endsWith("@example.com"), "the email comes with the roster: " + row);
        }
        assertEquals(0, received(x -> x.path().startsWith("/users")).size(), "no GET /users for who");
        var oncalls = received(x -> x.path().equals("/oncalls"));
        assertFalse(oncalls.isEmpty());
        assertTrue(oncalls.stream().map(x -> String.valueOf(x.rawQuery()))
                .allMatch(q -> q.contains("include%5B%5D=users") || q.contains("include[]=users")), oncalls.get(0).rawQuery());
    }

    @Test
    void aDirectoryThatFailsLeavesTheScheduleStandingWithoutEmails() {
        Faults.add(t.stateDir().resolve("sandbox"), new Faults.Fault("pagerduty", "GET", "/users", "500", 20, 0, 0));
        var r = run("schedule", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.json().size() > 0, "the shifts are there: " + r.stdout());
        assertTrue(r.stderr().contains("emails left out: the PagerDuty user directory could not be read"), r.stderr());
        assertEquals(1, r.stderr().lines().filter(l -> l.contains("emails left out")).count(), "said once: " + r.stderr());
    }
}
