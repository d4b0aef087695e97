package dev.tcli.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.sandbox.Recorder;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Sumo Logic emulator's histogram and per-user rate limit, seen through tcli logs. */
class SumoLimitsTest extends LogsTestBase {

    @Test
    void statusHistogramCountsTheMessagesFoundSoFar() throws Exception {
        var r = ok("search", "_sourceCategory=live/api error", "--since", "2h", "-o", "jsonl");
        List<JsonNode> msgs = lines(r.stdout());
        assertFalse(msgs.isEmpty(), r.toString());
        List<Recorder.Recorded> polls = received(x -> x.method().equals("GET") && x.path().matches("/api/v1/search/jobs/[^/]+"));
        assertTrue(polls.size() >= 4, "polled to the end: " + polls.size());
        long length = -1;
        for (Recorder.Recorded p : polls) {
            JsonNode status = JSON.readTree(p.responseBody());
            long sum = 0;
            for (JsonNode b : status.path("histogramBuckets")) {
                assertEquals(Set.of("startTimestamp", "length", "count"), fields(b), b.toString());
                length = b.path("length").asLong();
                assertEquals(0, b.path("startTimestamp").asLong() % length, "buckets start on a multiple of their length: " + b);
                assertTrue(b.path("count").asLong() > 0, "only buckets that hold messages: " + b);
                sum += b.path("count").asLong();
            }
            assertEquals(status.path("messageCount").asLong(), sum, "the buckets add up to the messages found so far: " + status);
        }
        assertEquals(60_000, length, "two hours in one-minute buckets");
        // the last status's buckets are the printed messages, counted by minute
        Map<Long, Integer> byMinute = new HashMap<>();
        for (JsonNode m : msgs) {
            byMinute.merge(Long.parseLong(m.path("_messagetime").asText()) / 60_000 * 60_000, 1, Integer::sum);
        }
        Map<Long, Integer> buckets = new HashMap<>();
        JSON.readTree(polls.get(polls.size() - 1).responseBody()).path("histogramBuckets")
                .forEach(b -> buckets.put(b.path("startTimestamp").asLong(), b.path("count").asInt()));
        assertEquals(byMinute, buckets);
    }

    @Test
    void pagingAndPollingStayInsideTheRateLimit() {
        // the tightest use in these tests: 20 ms polls and 7-message pages, twice over
        for (int i = 0; i < 2; i++) {
            assertEquals(0, logs("small", "search", "_sourceCategory=live/worker", "--since", "1h", "-o", "jsonl").exit());
        }
        var all = received(x -> true);
        assertTrue(all.size() > 20, "a burst well over 4 requests in a second: " + all.size());
        assertEquals(List.of(), all.stream().filter(x -> x.status() == 429).map(Recorder.Recorded::responseBody).toList());
    }

    @Test
    void overTheRateLimitSumoAnswers429AndTcliBacksOff() throws Exception {
        expectRateLimited();
        // Sumo's 4 a second with a burst of only 3: 20 ms polls run into it, the retries' backoff gets through
        sumoState(s -> s.withObjectProperty("limits").put("rate_burst", 3).put("rate_per_second", 4));
        var r = logs("patient", "search", "_sourceHost=live-depot-0 \"No space left\"", "--since", "1h", "-o", "jsonl");
        assertEquals(0, r.exit(), r.toString());
        assertFalse(lines(r.stdout()).isEmpty(), r.toString());
        var limited = received(x -> x.status() == 429);
        assertFalse(limited.isEmpty(), "tcli's 20 ms polls ran into the limit");
        JsonNode body = JSON.readTree(limited.get(0).responseBody());
        assertEquals(429, body.path("status").asInt());
        assertEquals("rate.limit.exceeded", body.path("code").asText());
        assertTrue(body.path("message").asText().contains("4 requests per second"), body.toString());
        assertTrue(body.path("id").asText().matches("[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}"), body.toString());
        assertNull(responseHeader(limited.get(0), "Retry-After"), "Sumo says nothing of when to retry");

        // a bucket that holds nothing: the create itself is refused until the retries run out, exit 6
        // (a burst of 3 could still hold tokens refilled during the first search, and let the create through)
        sumoState(s -> s.withObjectProperty("limits").put("rate_burst", 0).put("rate_per_second", 0.001));
        r = logs("fast", "search", "error", "--since", "10m");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("Sumo Logic is still refusing new search jobs after retries (Rate limit exceeded."), r.stderr());
        assertFalse(r.stderr().contains("Exception"), r.stderr());
    }

    private static Set<String> fields(JsonNode n) {
        Set<String> out = new HashSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
