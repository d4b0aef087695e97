package dev.tcli.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.sandbox.Faults;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every verb against the PagerDuty emulator of the sandbox, asserting what the service received. */
class PagerDutyOncallTest extends OncallTestBase {
    // ---- incidents / show ----------------------------------------------------------------------

    @Test
    void incidentsListsOpenOnesWithTheCommonShape() {
        JsonNode arr = openIncidents();
        assertEquals(3, arr.size(), arr.toString());
        for (JsonNode i : arr) {
            for (String f : List.of("id", "number", "title", "status", "urgency", "service", "assignees", "created_at", "url")) {
                assertTrue(i.has(f), f + " missing in " + i);
            }
            assertTrue(i.path("created_at").asText().endsWith("Z"), i.toString());
            assertFalse(i.path("status").asText().equals("resolved"));
        }
        var gets = received(r -> r.path().equals("/incidents") && r.method().equals("GET"));
        assertEquals(1, gets.size());
        assertEquals("Token token=sandbox-pd-user-key1", gets.get(0).requestHeader("Authorization"));
        assertEquals(PagerDutyProvider.ACCEPT, gets.get(0).requestHeader("Accept"));
        String q = gets.get(0).rawQuery();
        assertTrue(q.contains("statuses%5B%5D=triggered") || q.contains("statuses[]=triggered"), q);
        assertTrue(q.contains("limit=100") && q.contains("date_range=all"), q);
    }

    @Test
    void incidentsFiltersAndPagesHistory() {
        var r = run("incidents", "--status", "resolved", "--since", "60d", "--service", "builder-api", "-o", "jsonl");
        assertEquals(0, r.exit(), r.toString());
        long n = r.stdout().lines().count();
        assertTrue(n > 40 && n < 200, "builder-api history: " + n);
        assertTrue(r.stdout().lines().allMatch(l -> l.contains("\"service\":\"builder-api\"") && l.contains("\"status\":\"resolved\"")));
        var gets = received(x -> x.path().equals("/incidents"));
        assertTrue(gets.size() >= 1);
        assertTrue(gets.get(0).rawQuery().contains("service_ids%5B%5D=PSVAPI1") || gets.get(0).rawQuery().contains("service_ids[]=PSVAPI1"),
                gets.get(0).rawQuery());
        var limited = run("incidents", "--status", "resolved", "--since", "60d", "--limit", "5", "-o", "json");
        assertEquals(5, limited.json().size(), limited.toString());
        var mine = run("incidents", "--mine", "-o", "json");
        assertEquals(2, mine.json().size(), mine.toString());
    }

    @Test
    void incidentsBadOptionsAreUsageErrors() {
        assertEquals(2, run("incidents", "--status", "open").exit());
        assertEquals(2, run("incidents", "--since", "yesterdayish").exit());
        assertEquals(2, run("incidents", "--urgency", "medium").exit());
        assertEquals(2, run("incidents", "--bogus").exit());
        assertEquals(5, run("incidents", "--service", "no-such-service").exit());
    }

    @Test
    void showPrintsTheTimeline() {
        var r = run("show", "1042", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode d = r.json();
        assertEquals("1042", d.path("number").asText());
        assertTrue(d.path("log").size() >= 3, d.toString());
        assertEquals("trigger", d.path("log").get(0).path("type").asText());
        var table = run("show", "1042");
        assertEquals(0, table.exit(), table.toString());
        assertTrue(table.stdout().contains("acknowledge"), table.stdout());
        assertTrue(received(x -> x.path().endsWith("/log_entries")).size() >= 2);
    }

    @Test
    void unknownIncidentIsExit5NamingIt() {
        var r = run("show", "Q0NOPE");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.stderr().contains("Q0NOPE"), r.stderr());
        var ack = run("ack", "1042", "999999", "--yes");
        assertEquals(5, ack.exit(), ack.toString());
        assertTrue(ack.stderr().contains("999999"), ack.stderr());
        assertTrue(received(x -> x.method().equals("PUT")).isEmpty(), "nothing may be sent when one reference is unknown");
        assertEquals(5, run("show", "../etc").exit());
    }

    // ---- ack -----------------------------------------------------------------------------------

    @Test
    void ackWithoutIdsNeedsYesWithoutATerminal() {
        var r = run("ack");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("--yes"), r.stderr());
        assertTrue(received(x -> x.method().equals("PUT")).isEmpty());
    }

    @Test
    void ackWithoutIdsAcksMyTriggeredIncidentsInOneBulkPut() {
        var r = run("ack", "--yes", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(2, r.json().size(), r.toString());
        var puts = received(x -> x.method().equals("PUT") && x.path().equals("/incidents"));
        assertEquals(1, puts.size());
        assertEquals("dana.whitfield@example.com", puts.get(0).requestHeader("From"));
        JsonNode items = puts.get(0).requestJson().path("incidents");
        assertEquals(2, items.size());
        assertEquals("incident_reference", items.get(0).path("type").asText());
        assertEquals("acknowledged", items.get(0).path("status").asText());
        String journal = read(t.stateDir().resolve("journal.jsonl"));
        assertTrue(journal.contains("\"verb\":\"ack\""), journal);
        var again = run("ack", "--yes");
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.stderr().contains("nothing to acknowledge"), again.stderr());
    }

    @Test
    void ackOnATerminalAsks() {
        t.tty(true, true).stdin("y\n");
        var r = run("ack");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stderr().contains("Acknowledge 2 incidents"), r.stderr());
    }

    @Test
    void ackPersistsAcrossTwoRuns() {
        String n = myTriggered();
        var ack = run("ack", n);
        assertEquals(0, ack.exit(), ack.toString());
        for (JsonNode i : openIncidents()) {
            if (i.path("number").asText().equals(n)) {
                assertEquals("acknowledged", i.path("status").asText());
                return;
            }
        }
        throw new AssertionError("incident " + n + " vanished");
    }

    @Test
    void alreadyAcknowledgedIsSuccessWithANoteAndResolvedIsAPartialFailure() {
        String acked = null;
        for (JsonNode i : openIncidents()) {
            if (i.path("status").asText().equals("acknowledged")) {
                acked = i.path("number").asText();
            }
        }
        var r = run("ack", acked, "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stderr().contains("already acknowledged"), r.stderr());
        assertTrue(received(x -> x.method().equals("PUT")).isEmpty(), "nothing to send");
        String mine = myTriggered();
        var partial = run("ack", mine, "1042", "-o", "json");
        assertEquals(1, partial.exit(), partial.toString());
        assertTrue(partial.stderr().contains("#1042"), partial.stderr());
        assertTrue(partial.stderr().contains("the others succeeded"), partial.stderr());
        JsonNode puts = received(x -> x.method().equals("PUT")).get(0).requestJson().path("incidents");
        assertEquals(1, puts.size(), "the resolved incident is not sent (PagerDuty would reopen it)");
    }

    @Test
    void ackDryRunSendsNothingAndMasksTheToken() {
        String n = myTriggered();
        var r = run("ack", n, "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("DRY RUN"), r.stdout());
        assertTrue(r.stdout().contains("\"acknowledged\""), r.stdout());
        assertFalse(r.stdout().contains("sandbox-pd-user-key1"), r.stdout());
        assertTrue(received(x -> x.method().equals("PUT")).isEmpty());
        assertFalse(Files.exists(t.stateDir().resolve("journal.jsonl")) && read(t.stateDir().resolve("journal.jsonl")).contains("\"ack\""));
    }

    // ---- errors --------------------------------------------------------------------------------

    @Test
    void wrongTokenIsExit4() {
        var r = t.run("--profile", "badtoken", "oncall", "incidents");
        assertEquals(4, r.exit(), r.toString());
        assertFalse(r.stderr().contains("not-the-token"), r.stderr());
    }

    @Test
    void rateLimitThenSuccessRetries() {
        Faults.add(t.stateDir().resolve("sandbox"), new Faults.Fault("pagerduty", "GET", "/incidents", "429", 1, 0, 0));
        var r = run("incidents", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(3, r.json().size());
        assertEquals(2, received(x -> x.path().equals("/incidents")).size(), "one 429, one retry");
    }

    @Test
    void serverErrorsAfterRetriesAreExit6() {
        Faults.add(t.stateDir().resolve("sandbox"), Faults.Fault.of("pagerduty", "500", 5));
        var r = run("incidents");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("HTTP 500"), r.stderr());
        Faults.clear(t.stateDir().resolve("sandbox"));
    }

    @Test
    void truncatedJsonIsAClearError() {
        Faults.add(t.stateDir().resolve("sandbox"), Faults.Fault.of("pagerduty", "truncate", 1));
        var r = run("incidents");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("malformed"), r.stderr());
        assertFalse(r.stderr().contains("Exception"), r.stderr());
    }

    @Test
    void accountTokenFallsBackToTheConfiguredEmail() {
        var r = t.run("--profile", "account", "oncall", "incidents", "--mine", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(2, r.json().size());
        assertEquals(1, received(x -> x.path().equals("/users/me")).size());
        assertTrue(received(x -> x.path().equals("/users") && x.rawQuery().contains("query=dana")).size() >= 1);
    }

}
