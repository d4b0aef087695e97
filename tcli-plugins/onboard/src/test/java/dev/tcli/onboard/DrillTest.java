package dev.tcli.onboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.core.Tcli;
import dev.tcli.testkit.Await;
import dev.tcli.testkit.TcliHarness;
import dev.tcli.testkit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drill run in-process while the test plays the trainee with real tcli commands (and a raw
 * Sumo Logic search job, as 'tcli logs search' would create one) against the same sandbox state.
 */
class DrillTest {
    @TempDir
    Path tmp;
    TcliHarness t;
    Path work;

    @BeforeEach
    void setUp() throws Exception {
        work = Files.createDirectories(tmp.resolve("work"));
        t = new TcliHarness(tmp).config(TestProfile.of("practice").retries("10ms", 1) + """
                [profiles.live]
                [profiles.live.pagerduty]
                base_url = "http://127.0.0.1:9"
                """).env("PWD", work.toString());
    }

    TcliHarness.Result ok(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--profile";
        all[1] = "practice";
        System.arraycopy(args, 0, all, 2, args.length);
        TcliHarness.Result r = t.run(all);
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    /** Waits for the drill's page to show up, as the trainee would see it; returns it. */
    JsonNode page() {
        AtomicReference<JsonNode> page = new AtomicReference<>();
        Await.until(() -> {
            for (JsonNode inc : ok("oncall", "incidents", "-o", "json").json()) {
                if (inc.path("title").asText().endsWith("[drill]")) {
                    page.set(inc);
                    return true;
                }
            }
            return false;
        }, java.time.Duration.ofSeconds(20));
        if (page.get() == null) {
            throw new AssertionError("the drill never paged");
        }
        return page.get();
    }

    /** The trainee's search, with the real logs module (which deletes its job at once). */
    void searchLogs(String query) {
        TcliHarness.Result r = t.run("--profile", "practice", "-q", "logs", "search", query, "--since", "15m", "-o", "jsonl");
        assertEquals(0, r.exit(), r.toString());
    }

    @Test
    void theTraineeWorksThePageAndGetsAScorecardOfEveryStep() throws Exception {
        CompletableFuture<TcliHarness.Result> drill = t.start(x -> { }, "--profile", "practice", "onboard", "drill", "-o", "json",
                "--timeout", "3m");
        JsonNode page = page();
        String number = page.path("number").asText();
        assertEquals("triggered", page.path("status").asText());
        assertTrue(page.path("title").asText().contains("datastore connection pool exhausted"), page.toString());

        ok("oncall", "ack", number);
        ok("status", "incident", "create", "--name", "Package downloads failing", "--message", "We are investigating.", "--yes");
        searchLogs("_sourceCategory=live/api \"connection pool exhausted\"");
        ok("oncall", "resolve", number, "--note", "raised the pool size");
        String statusId = null;
        for (JsonNode i : ok("status", "incident", "list", "--unresolved", "-o", "json").json()) {
            if (i.path("name").asText().equals("Package downloads failing")) {
                statusId = i.path("id").asText();
            }
        }
        assertNotNull(statusId);
        ok("status", "incident", "resolve", statusId, "--yes");
        ok("postmortem", "new", "--incident", number);

        TcliHarness.Result r = drill.get(60, TimeUnit.SECONDS);
        assertEquals(0, r.exit(), r.toString());
        JsonNode card = r.json();
        assertEquals("done", card.path("ended").asText());
        assertEquals(number, card.path("incident_number").asText());
        for (JsonNode s : card.path("steps")) {
            assertTrue(s.path("done").asBoolean(), s.toString());
        }
        for (String f : new String[] {"time_to_ack", "time_to_status_update", "time_to_find_the_log", "time_to_resolve", "time_to_postmortem"}) {
            assertTrue(card.path(f).isNumber(), f + " in " + card);
        }
        assertTrue(card.path("time_to_ack").asDouble() <= card.path("time_to_resolve").asDouble(), "ack came before resolve");
        assertTrue(card.path("steps").get(2).path("detail").asText().contains("connection pool exhausted"), card.toString());
        assertTrue(card.path("practice_next").get(0).asText().startsWith("Every step done"), card.toString());
        assertTrue(r.stderr().contains("DRILL (sandbox): incident #" + number), r.stderr());
        assertTrue(r.stderr().contains("✔ acknowledge the page"), r.stderr());
    }

    @Test
    void aSearchThatCannotFindTheErrorDoesNotCount() throws Exception {
        CompletableFuture<TcliHarness.Result> drill = t.start(x -> { }, "--profile", "practice", "onboard", "drill", "-o", "json",
                "--timeout", "3s");
        page();
        searchLogs("_sourceCategory=live/worker heartbeat");
        TcliHarness.Result r = drill.get(60, TimeUnit.SECONDS);
        assertEquals(1, r.exit(), r.toString());
        JsonNode card = r.json();
        assertEquals("timeout", card.path("ended").asText());
        assertFalse(card.path("steps").get(2).path("done").asBoolean(), card.toString());
        assertTrue(card.path("time_to_find_the_log").isNull());
        assertTrue(card.path("practice_next").get(0).asText().startsWith("Acknowledge first"), card.toString());
        // the practice page was resolved for the trainee: nothing keeps paging in the sandbox
        assertTrue(r.stderr().contains("resolved the practice page"), r.stderr());
        for (JsonNode inc : ok("oncall", "incidents", "-o", "json").json()) {
            assertFalse(inc.path("title").asText().endsWith("[drill]"), "still open: " + inc);
        }
    }

    @Test
    void ctrlCEndsTheDrillWithTheScorecardSoFar() throws Exception {
        AtomicReference<Tcli> tcli = new AtomicReference<>();
        AtomicReference<Thread> thread = new AtomicReference<>();
        CompletableFuture<TcliHarness.Result> drill = t.start(x -> {
            tcli.set(x);
            thread.set(Thread.currentThread());
        }, "--profile", "practice", "onboard", "drill");
        String number = page().path("number").asText();
        ok("oncall", "ack", number);
        Thread.sleep(600);
        tcli.get().interrupts().runAll();
        thread.get().interrupt();
        TcliHarness.Result r = drill.get(60, TimeUnit.SECONDS);
        assertEquals(130, r.exit(), r.toString());
        assertTrue(r.stdout().contains("Drill scorecard (interrupted), incident #" + number), r.stdout());
        assertTrue(r.stdout().matches("(?s).*✔\\s+acknowledge the page\\s+\\d+s.*"), r.stdout());
        assertTrue(r.stdout().matches("(?s).*✘\\s+find the error in the logs\\s+not done.*"), r.stdout());
        assertTrue(r.stdout().contains("Practise next:"), r.stdout());
        assertEquals(1, r.stdout().split("Drill scorecard").length - 1, "printed once: " + r.stdout());
    }

    @Test
    void theDrillRefusesARealProfileAndABadTimeout() {
        var r = t.run("--profile", "live", "onboard", "drill");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("runs only in the sandbox"), r.stderr());
        var bad = t.run("--profile", "practice", "onboard", "drill", "--timeout", "forever");
        assertEquals(2, bad.exit(), bad.toString());
    }
}
