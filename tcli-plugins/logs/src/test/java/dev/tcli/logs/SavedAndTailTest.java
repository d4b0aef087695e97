package dev.tcli.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.core.Tcli;
import dev.tcli.sandbox.sumologic.SumoLogicEmulator;
import dev.tcli.testkit.Await;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SavedAndTailTest extends LogsTestBase {

    @Test
    void savedListsTheTeamsSearches() {
        JsonNode all = ok("saved", "-o", "json").json();
        assertEquals(2, all.size(), all.toString());
        assertEquals("live-api-errors", all.get(0).path("name").asText());
        assertEquals("_sourceCategory=live/api error", all.get(0).path("query").asText());
        assertEquals("2h", all.get(0).path("since").asText());
        assertTrue(ok("saved").stdout().contains("depot-disk"));
    }

    @Test
    void searchSavedRunsItsQueryOverItsRange() {
        var r = ok("search", "--saved", "live-api-errors", "-o", "jsonl");
        String body = received(x -> x.method().equals("POST")).get(0).requestBody();
        assertTrue(body.contains("\"query\":\"_sourceCategory=live/api error\""), body);
        JsonNode req = readTree(body);
        long span = req.path("to").asLong() - req.path("from").asLong();
        assertEquals(2 * 3600_000L, span, 5_000, "the saved since = 2h");
        assertTrue(lines(r.stdout()).size() > 0);
        // --since overrides the saved range
        ok("search", "--saved", "live-api-errors", "--since", "10m");
        JsonNode second = readTree(received(x -> x.method().equals("POST")).get(1).requestBody());
        assertEquals(600_000L, second.path("to").asLong() - second.path("from").asLong(), 5_000);
    }

    @Test
    void anUnknownSavedSearchIsExit5NamingTheKnownOnes() {
        var r = logs("fast", "search", "--saved", "api-errors");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.stderr().contains("did you mean 'live-api-errors'") && r.stderr().contains("depot-disk"), r.stderr());
        assertEquals(2, logs("fast", "search", "error", "--saved", "depot-disk").exit(), "query and --saved");
    }

    @Test
    void tailPrintsEachMessageOnceAcrossOverlappingWindowsAndDeletesItsJobs() throws Exception {
        AtomicReference<Tcli> tcli = new AtomicReference<>();
        var run = t.start(tcli::set, "--profile", "fast", "logs", "tail", "_sourceCategory=live/drill", "--interval", "50ms",
                "--since", "5m", "-o", "jsonl");
        waitForPosts(2);
        long now = System.currentTimeMillis();
        // two new messages, then one more a round later: each window reaches two minutes back, so all are seen twice or more
        sumoState(s -> SumoLogicEmulator.inject(s, List.of(drill(now - 1_000, "drill error one"), drill(now - 500, "drill error two"))));
        int after = received(x -> x.method().equals("POST")).size();
        waitForPosts(after + 3);
        sumoState(s -> SumoLogicEmulator.inject(s, List.of(drill(System.currentTimeMillis() - 200, "drill error three"))));
        after = received(x -> x.method().equals("POST")).size();
        waitForPosts(after + 3);
        tcli.get().interrupts().runAll();
        var r = run.get(30, TimeUnit.SECONDS);
        assertEquals(130, r.exit(), r.toString());
        List<JsonNode> printed = lines(r.stdout());
        assertEquals(List.of("drill error one", "drill error two", "drill error three"),
                printed.stream().map(m -> m.path("_raw").asText()).toList(), "oldest first, each once: " + r.stdout());
        Set<String> created = new HashSet<>();
        for (var p : received(x -> x.method().equals("POST"))) {
            created.add(readTree(p.responseBody()).path("id").asText());
        }
        Set<String> deleted = new HashSet<>();
        for (var d : received(x -> x.method().equals("DELETE"))) {
            deleted.add(d.path().substring(d.path().lastIndexOf('/') + 1));
        }
        assertTrue(created.size() >= 8, "several rounds: " + created.size());
        assertEquals(created, deleted, "every round's job is deleted");
    }

    @Test
    void tailNeverGoesBackInTime_aMessageIndexedLateIsCountedNotPrintedAboveNewerOnes() throws Exception {
        AtomicReference<Tcli> tcli = new AtomicReference<>();
        var run = t.start(tcli::set, "--profile", "fast", "logs", "tail", "_sourceCategory=live/drill", "--interval", "50ms",
                "--since", "5m", "-o", "jsonl");
        waitForPosts(2);
        long now = System.currentTimeMillis();
        sumoState(s -> SumoLogicEmulator.inject(s, List.of(drill(now - 500, "drill error new"))));
        int after = received(x -> x.method().equals("POST")).size();
        waitForPosts(after + 3);
        // indexed now, stamped a minute ago: inside the next window's look-back, older than what is on screen
        sumoState(s -> SumoLogicEmulator.inject(s, List.of(drill(now - 60_000, "drill error late"))));
        after = received(x -> x.method().equals("POST")).size();
        waitForPosts(after + 3);
        tcli.get().interrupts().runAll();
        var r = run.get(30, TimeUnit.SECONDS);
        assertEquals(List.of("drill error new"), lines(r.stdout()).stream().map(m -> m.path("_raw").asText()).toList(), r.toString());
        assertTrue(r.stderr().contains("1 message indexed late (older than the last line) not shown; 'tcli logs search' has them"),
                r.stderr());
    }

    @Test
    void tailRefusesAnAggregate() {
        var r = logs("fast", "tail", "error | count by _sourcehost");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(received(x -> true).isEmpty());
    }

    private void waitForPosts(int n) {
        Await.until(() -> received(x -> x.method().equals("POST")).size() >= n, java.time.Duration.ofSeconds(20));
    }

    private static Map<String, String> drill(long at, String raw) {
        return Map.of("_messagetime", String.valueOf(at), "_sourcecategory", "live/drill", "_sourcehost", "live-builder-api-0", "_raw", raw);
    }

    private static JsonNode readTree(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
