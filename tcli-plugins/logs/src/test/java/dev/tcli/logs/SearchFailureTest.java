package dev.tcli.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.core.Tcli;
import dev.tcli.sandbox.SandboxServer;
import dev.tcli.sandbox.sumologic.SumoLogicEmulator;
import dev.tcli.testkit.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SearchFailureTest extends LogsTestBase {

    @Test
    void aClientThatDropsTheCookieGetsSumos404() throws Exception {
        // the same calls tcli makes, from a client with no cookie jar: Sumo (and the emulator) no longer know the job
        try (SandboxServer s = SandboxServer.start(sandboxDir(), 0, Clock.systemUTC())) {
            HttpClient noCookies = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString((SumoLogicEmulator.ACCESS_ID + ":" + SumoLogicEmulator.ACCESS_KEY)
                    .getBytes(StandardCharsets.UTF_8));
            long now = System.currentTimeMillis();
            var created = noCookies.send(HttpRequest.newBuilder(URI.create(s.baseUrl("sumologic") + "/api/v1/search/jobs"))
                    .header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"error\",\"from\":" + (now - 600_000) + ",\"to\":" + now
                            + ",\"timeZone\":\"UTC\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, created.statusCode(), created.body());
            assertTrue(created.headers().firstValue("Set-Cookie").orElse("").startsWith("JSESSIONID="));
            String id = JSON.readTree(created.body()).path("id").asText();
            var status = noCookies.send(HttpRequest.newBuilder(URI.create(s.baseUrl("sumologic") + "/api/v1/search/jobs/" + id))
                    .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, status.statusCode());
            JsonNode err = JSON.readTree(status.body());
            assertEquals("searchjob.jobid.invalid", err.path("code").asText());
            assertEquals(404, err.path("status").asInt());
            assertFalse(err.path("id").asText().isEmpty());
        }
        // and tcli, whose client keeps cookies, gets through (every call carried the cookie: SearchTest)
        ok("search", "error", "--since", "10m");
    }

    @Test
    void rateLimitedMidPagingIsRetriedAndNothingIsLostOrDoubled() {
        var reference = lines(logs("small", "search", "_sourceCategory=live/worker", "--since", "1h", "-o", "jsonl").stdout());
        received(x -> true);
        // two status polls and two pages go through, then the third page answers 429 twice (the retries' budget)
        fault("GET", "/api/v1/search/jobs/", "slow", 4, 0);
        fault("GET", "/api/v1/search/jobs/", "429", 2, 0);
        var r = logs("small", "search", "_sourceCategory=live/worker", "--since", "1h", "-o", "jsonl");
        assertEquals(0, r.exit(), r.toString());
        var got = lines(r.stdout());
        assertTrue(Math.abs(reference.size() - got.size()) <= 3, reference.size() + " vs " + got.size());
        assertEquals(got.size(), got.stream().map(m -> m.path("_messageid").asText()).distinct().count(), "no message twice");
        var limited = received(x -> x.status() == 429);
        assertEquals(2, limited.size());
        assertTrue(limited.get(0).path().endsWith("/messages"), "mid-paging: " + limited.get(0).path());
    }

    @Test
    void rateLimitedForGoodIsExit6AndTheJobIsStillDeleted() {
        fault("GET", "/api/v1/search/jobs/", "429", 10, 0);
        var r = logs("fast", "search", "error", "--since", "10m");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("rate limiting"), r.stderr());
        assertFalse(r.stderr().contains("Exception"), r.stderr());
        assertEquals(1, received(x -> x.method().equals("DELETE")).size());
    }

    @Test
    void ctrlCMidStreamDeletesTheJob() throws Exception {
        // slow pages of 7 messages: the stream is still running when the user presses Ctrl-C
        fault("GET", "/api/v1/search/jobs/", "slow", 200, 50);
        AtomicReference<Tcli> tcli = new AtomicReference<>();
        var run = t.start(tcli::set, "--profile", "small", "logs", "search", "*", "--since", "1d", "-o", "jsonl");
        Await.until(() -> received(x -> x.path().endsWith("/messages") && x.status() == 200).size() >= 2);
        assertTrue(received(x -> x.path().endsWith("/messages")).size() >= 2, "streaming had started");
        tcli.get().interrupts().runAll();
        var r = run.get(30, TimeUnit.SECONDS);
        assertEquals(130, r.exit(), r.toString());
        assertTrue(r.stderr().contains("interrupted"), r.stderr());
        assertFalse(lines(r.stdout()).isEmpty(), "what was found before Ctrl-C was printed");
        var deletes = received(x -> x.method().equals("DELETE"));
        assertEquals(1, deletes.size());
        assertEquals(200, deletes.get(0).status(), "the job existed until tcli deleted it");
        String id = received(x -> x.method().equals("POST")).get(0).responseBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        assertTrue(deletes.get(0).path().endsWith("/" + id));
    }

    /** Issue 14 section 7: a create answer cut short still names its job in Location: it is deleted, and the message says so. */
    @Test
    void aCutCreateAnswerIsExit6AndItsJobIsDeletedThroughTheLocationHeader() {
        for (String kind : java.util.List.of("truncate", "empty")) {
            fault("POST", "/api/v1/search/jobs", kind, 1, 0);
            var r = logs("fast", "search", "error", "--since", "10m");
            assertEquals(6, r.exit(), kind + ": " + r);
            assertTrue(r.stderr().contains("Sumo Logic sent a malformed answer to POST /api/v1/search/jobs")
                    && r.stderr().contains("was deleted"), r.stderr());
            assertFalse(r.stderr().contains("Source:") || r.stderr().contains("[line:") || r.stderr().contains("end-of-input"),
                    "no JSON parser internals: " + r.stderr());
        }
        var posts = received(x -> x.method().equals("POST"));
        var deletes = received(x -> x.method().equals("DELETE") && x.status() == 200);
        assertEquals(2, posts.size());
        assertEquals(2, deletes.size(), "every job created was deleted");
    }

    /** A status answer without a state is exit 6 at once (it would be polled forever), and the job is deleted. */
    @Test
    void aStatusWithoutAStateIsExit6NotAnEndlessPoll() {
        fault("GET", "/api/v1/search/jobs/", "empty", 1, 0);
        var r = logs("fast", "search", "error", "--since", "10m");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("no job state"), r.stderr());
        assertEquals(1, received(x -> x.method().equals("DELETE") && x.status() == 200).size());
    }

    /** Ctrl-C at any point of a search, repeated: the emulator sees the job's DELETE every time, "deleted" only when it was. */
    @Test
    void ctrlCAtAnyMomentAlwaysDeletesTheJob() throws Exception {
        int[] after = {20, 150, 350, 600, 900};
        for (int attempt = 0; attempt < after.length; attempt++) {
            // the create takes 400 ms: Ctrl-C lands before it is sent, while it is in flight, or while the job is polled
            fault("POST", "/api/v1/search/jobs", "slow", 1, 400);
            AtomicReference<Tcli> tcli = new AtomicReference<>();
            var run = t.start(tcli::set, "--profile", "fast", "logs", "search", "error", "--since", "1d", "-o", "jsonl");
            for (int i = 0; i < 400 && tcli.get() == null; i++) {
                Thread.sleep(5);
            }
            Thread.sleep(after[attempt]);
            tcli.get().interrupts().runAll();
            var r = run.get(30, TimeUnit.SECONDS);
            // counted over all attempts so far: every job ever created has been deleted
            var posts = received(x -> x.method().equals("POST") && x.status() >= 200 && x.status() < 300);
            var deletes = received(x -> x.method().equals("DELETE") && x.status() == 200);
            assertTrue(r.exit() == 130 || r.exit() == 0, r.toString());
            assertEquals(posts.size(), deletes.size(), "attempt " + attempt + " (Ctrl-C after " + after[attempt] + " ms): " + r);
            assertFalse(r.stderr().contains("could not be deleted"), r.stderr());
            Thread.sleep(1100); // Sumo allows 4 requests a second: stay under it between attempts
        }
    }

    @Test
    void aTruncatedPageIsExit6AndTheJobIsStillDeleted() {
        // the status polls go through; the first page of messages is cut in half
        fault("GET", "/api/v1/search/jobs/", "slow", 2, 0);
        fault("GET", "/api/v1/search/jobs/", "truncate", 1, 0);
        var r = logs("fast", "search", "error", "--since", "1h", "-o", "jsonl");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("malformed page of messages"), r.stderr());
        assertEquals(1, received(x -> x.method().equals("DELETE") && x.status() == 200).size());
    }

    @Test
    void aMalformedQueryIsAUsageErrorWithSumosReason() {
        var r = logs("fast", "search", "_sourceCategory=live/api AND (error", "--since", "10m");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("Sumo Logic refused the search") && r.stderr().contains("Missing ')'")
                && r.stderr().contains("searchjob.parse.error"), r.stderr());
        assertEquals(1, r.stderr().strip().lines().filter(l -> l.startsWith("tcli:") && !l.contains("SANDBOX")).count(), r.stderr());
        assertTrue(received(x -> x.method().equals("DELETE")).isEmpty(), "no job was created");
    }

    @Test
    void aRefusedKeyIsExit4WithoutTheKey() {
        var r = logs("badkey", "search", "error");
        assertEquals(4, r.exit(), r.toString());
        assertTrue(r.stderr().contains("rejected the access id/key") && r.stderr().contains("[profiles.badkey.sumologic]"), r.stderr());
        assertFalse(r.stderr().contains("not-the-key"), r.stderr());
    }

    @Test
    void aCancelledJobIsReported() {
        sumoState(s -> s.withObjectProperty("limits").put("idle_timeout_ms", 0));
        var r = logs("fast", "search", "error", "--since", "1h");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stderr().contains("Sumo Logic cancelled search job"), r.stderr());
    }

    @Test
    void aForcePausedJobPrintsWhatItHasAndSaysWhy() {
        sumoState(s -> s.withObjectProperty("limits").put("force_pause_at", 10));
        var r = logs("fast", "search", "*", "--since", "1h", "-o", "jsonl");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(10, lines(r.stdout()).size());
        assertTrue(r.stderr().contains("paused the search at 10 messages"), r.stderr());
    }

    @Test
    void pendingErrorsAreShown() {
        var r = logs("fast", "search", "error | count by nosuchfield", "--since", "1h");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stderr().contains("Field nosuchfield not found"), r.stderr());
        assertEquals(1, received(x -> x.method().equals("DELETE")).size());
    }

    @Test
    void aWrongDeploymentIsFollowedOnceAndTheRightBaseUrlSuggested() throws Exception {
        try (SandboxServer s = SandboxServer.start(sandboxDir(), 0, Clock.systemUTC())) {
            t.config(CONFIG + "[profiles.eu.sumologic]\nbase_url = \"" + s.baseUrl("sumologic") + "/eu\"\naccess_id = \""
                    + SumoLogicEmulator.ACCESS_ID + "\"\naccess_key = \"" + SumoLogicEmulator.ACCESS_KEY + "\"\npoll_interval = \"20ms\"\n");
            var r = logs("eu", "search", "error", "--since", "10m", "-o", "jsonl");
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.stderr().contains("set base_url = \"" + s.baseUrl("sumologic") + "\" in [profiles.eu.sumologic]"), r.stderr());
            assertEquals(1, received(x -> x.status() == 301).size(), "one redirect, then the right deployment");
            assertEquals(1, received(x -> x.method().equals("DELETE") && x.status() == 200).size());
        }
    }

    @Test
    void badRangesAreUsageErrors() {
        assertEquals(2, logs("fast", "search", "error", "--since", "1h", "--from", "2h").exit());
        assertEquals(2, logs("fast", "search", "error", "--from", "1h", "--to", "2h").exit());
        assertEquals(2, logs("fast", "search", "error", "--tz", "Mars/Olympus").exit());
        assertEquals(2, logs("fast", "search").exit());
        assertTrue(received(x -> true).isEmpty(), "nothing sent");
    }
}
