package dev.tcli.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.sandbox.Faults;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StatusComponentsTest extends StatusTestBase {

    @Test
    void componentsListsNameStatusGroupFromTheSeededPage() {
        var r = ok("components");
        assertTrue(r.stdout().startsWith("NAME"), r.stdout());
        assertTrue(r.stdout().contains("Build Workers"), r.stdout());
        JsonNode json = components();
        assertEquals(4, json.size(), json.toString());
        JsonNode api = json.get(0);
        assertEquals("API", api.path("name").asText());
        assertEquals("degraded_performance", api.path("status").asText());
        assertEquals("Builder", api.path("group").asText());
        assertTrue(json.get(2).path("group").isNull(), json.toString());
        assertEquals(12, api.path("id").asText().length());
        var get = received(x -> x.method().equals("GET") && x.path().equals("/v1/pages/" + PAGE + "/components"));
        assertFalse(get.isEmpty());
        assertEquals("OAuth " + TOKEN, get.get(0).requestHeader("Authorization"));
        assertEquals("page=1&per_page=100", get.get(0).rawQuery());
    }

    @Test
    void setMatchesNamesCaseInsensitivelyAndSendsTheApiStatus() {
        String id = componentId("Build Workers");
        var r = ok("component", "set", "build workers", "partial", "--yes", "-o", "json");
        assertEquals("partial_outage", r.json().path("status").asText());
        var w = writes();
        assertEquals(1, w.size());
        assertEquals("PATCH", w.get(0).method());
        assertEquals("/v1/pages/" + PAGE + "/components/" + id, w.get(0).path());
        assertEquals("OAuth " + TOKEN, w.get(0).requestHeader("Authorization"));
        assertEquals("{\"component\":{\"status\":\"partial_outage\"}}", w.get(0).requestJson().toString());
        assertEquals("partial_outage", components().get(3).path("status").asText());
        JsonNode j = journal().get(journal().size() - 1);
        assertEquals("status", j.path("module").asText());
        assertEquals("component set", j.path("verb").asText());
        assertEquals("Build Workers", j.path("target").asText());
        assertFalse(j.toString().contains(TOKEN));
    }

    @Test
    void everyAliasMapsToAnApiValue() {
        assertEquals(ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.parse("degraded"));
        assertEquals(ComponentStatus.MAJOR_OUTAGE, ComponentStatus.parse("Major-Outage"));
        assertEquals(ComponentStatus.UNDER_MAINTENANCE, ComponentStatus.parse("maintenance"));
        assertEquals(ComponentStatus.OPERATIONAL, ComponentStatus.parse("operational"));
    }

    @Test
    void alreadyInThatStatusPostsNothing() {
        var r = ok("component", "set", "Depot", "operational");
        assertTrue(r.stderr().contains("already operational"), r.stderr());
        assertEquals(0, writes().size());
    }

    @Test
    void unknownComponentIsNotFoundWithASuggestion() {
        var r = status("component", "set", "depto", "major", "--yes");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.stderr().contains("did you mean 'Depot'"), r.stderr());
        assertEquals(0, writes().size());
    }

    @Test
    void badStatusIsAUsageErrorListingTheValidOnes() {
        var r = status("component", "set", "Depot", "broken", "--yes");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("operational, degraded_performance, partial_outage, major_outage, under_maintenance"), r.stderr());
        assertEquals(0, received(x -> true).size(), "nothing may be sent for a usage error");
    }

    @Test
    void withoutATerminalItNeedsYes() {
        var r = status("component", "set", "Depot", "major");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("--yes"), r.stderr());
        assertEquals(0, writes().size());
    }

    @Test
    void onATerminalItAsksFirst() {
        t.tty(true, true).stdin("y\n");
        var r = status("component", "set", "Depot", "major");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stderr().contains("public status page"), r.stderr());
        assertEquals(1, writes().size());
        t.stdin("n\n");
        assertEquals(1, status("component", "set", "Depot", "operational").exit());
        assertEquals(1, writes().size());
    }

    @Test
    void dryRunPrintsTheExactRequestWithTheTokenMasked() {
        var r = ok("component", "set", "Depot", "major", "--dry-run");
        assertTrue(r.stdout().contains("DRY RUN, not sent: PATCH"), r.stdout());
        assertTrue(r.stdout().contains("\"status\" : \"major_outage\""), r.stdout());
        assertFalse(r.stdout().contains(TOKEN), r.stdout());
        assertEquals(0, writes().size());
        assertTrue(journal().isEmpty());
    }

    @Test
    void wrongTokenIsExit4() {
        var r = t.run("--profile", "badtoken", "status", "components");
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.stderr().contains("Could not authenticate"), r.stderr());
        assertFalse(r.stderr().contains("not-the-token"), r.stderr());
    }

    @Test
    void serverErrorsAfterRetriesAreExit6() {
        fault("503", 5);
        var r = status("components");
        assertEquals(6, r.exit(), r.toString());
        assertEquals(3, received(x -> x.method().equals("GET")).size(), "one call and two retries");
        fault("500", 1);
        assertEquals(6, status("components").exit(), "a 500 is not retried (not safe to assume transient) but is still exit 6");
    }

    @Test
    void truncatedJsonIsExit6NotAStackTrace() {
        fault("truncate", 1);
        var r = status("components");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("malformed"), r.stderr());
        assertFalse(r.stderr().contains("Exception"), r.stderr());
    }

    @Test
    void rateLimitedMidPagingIsRetriedAndTheListingCompletes() throws Exception {
        // the first page is slow; while it is in flight a 429 is staged, so it hits the second page
        Faults.add(sandboxDir(), new Faults.Fault("statuspage", "GET", null, "slow", 1, 1, 400));
        var run = t.start(x -> { }, "--profile", "small", "status", "components", "-o", "json");
        for (int i = 0; i < 200 && Files.exists(sandboxDir().resolve("faults.json")); i++) {
            Thread.sleep(5);
        }
        Faults.add(sandboxDir(), new Faults.Fault("statuspage", "GET", null, "429", 1, 0, 0));
        var r = run.get(20, TimeUnit.SECONDS);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(4, r.json().size(), r.stdout());
        var pages = received(x -> x.path().endsWith("/components")).stream().map(x -> x.status() + " " + x.rawQuery()).toList();
        assertEquals(java.util.List.of("200 page=1&per_page=2", "429 page=2&per_page=2", "200 page=2&per_page=2",
                "200 page=3&per_page=2"), pages);
    }
}
