package dev.tcli.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.Faults;
import dev.tcli.sandbox.Recorder;
import dev.tcli.testkit.Await;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** The on-call moment's reliability: PagerDuty's offset ceiling, Ctrl-C mid-mutation, rate limits, streaming, secrets. */
class OncallReliabilityTest extends OncallTestBase {
    static final int EXTRA = 10_250;

    /**
     * Adds {@link #EXTRA} resolved incidents to the emulator's state, one a minute from a year ago,
     * 120 of them at one instant around position 10,000 so the window restarts inside a tie.
     */
    Instant bulkHistory() throws Exception {
        assertEquals(0, run("incidents").exit()); // seeds the state
        Path file = t.stateDir().resolve("sandbox/pagerduty.json");
        ObjectNode st = (ObjectNode) JSON.readTree(file.toFile());
        ArrayNode incidents = (ArrayNode) st.get("incidents");
        JsonNode template = null;
        for (JsonNode i : incidents) {
            if (i.path("status").asText().equals("resolved")) {
                template = i;
                break;
            }
        }
        Instant base = Instant.parse(st.path("_seeded_at").asText()).minusSeconds(400L * 86400);
        for (int k = 0; k < EXTRA; k++) {
            ObjectNode n = template.deepCopy();
            int minute = k >= 9_950 && k < 10_070 ? 9_950 : k;
            String at = base.plusSeconds(60L * minute).toString();
            n.put("id", "QBULK" + k + "SBX").put("number", 500_000 + k).put("title", "bulk " + k).put("created_at", at)
                    .put("updated_at", at).put("resolved_at", at);
            n.putArray("log");
            incidents.add(n);
        }
        Files.writeString(file, JSON.writeValueAsString(st));
        return base;
    }

    @Test
    void pagerDutyListingCrossesTheTenThousandOffsetCeilingByNarrowingTheWindow() throws Exception {
        Instant base = bulkHistory();
        Instant until = base.plusSeconds(60L * EXTRA);
        rec.clear();
        var r = run("incidents", "--status", "resolved", "--since", base.toString(), "--until", until.toString(), "-o", "jsonl");
        assertEquals(0, r.exit(), r.stderr());
        List<String> ids = r.stdout().lines().map(l -> {
            try {
                return JSON.readTree(l).path("id").asText();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).filter(id -> id.startsWith("QBULK")).toList();
        assertEquals(EXTRA, ids.size(), "every incident streamed once");
        assertEquals(EXTRA, new HashSet<>(ids).size(), "no duplicates across the restarted window");

        List<Recorder.Recorded> gets = received(x -> x.path().equals("/incidents") && x.method().equals("GET"));
        assertTrue(gets.stream().allMatch(g -> g.status() == 200), "PagerDuty never refused a page");
        Set<String> sinces = new HashSet<>();
        for (Recorder.Recorded g : gets) {
            int offset = Integer.parseInt(param(g, "offset"));
            int limit = Integer.parseInt(param(g, "limit"));
            assertTrue(offset + limit <= 10_000, "offset " + offset + " + limit " + limit);
            sinces.add(param(g, "since"));
        }
        assertTrue(sinces.size() >= 2, "the window was narrowed: " + sinces);
        assertTrue(sinces.contains(base.plusSeconds(60L * 9_950).toString()), "restarted at the tie's instant: " + sinces);
    }

    @Test
    void ctrlCWhileAnAckIsInFlightJournalsItAsInterruptedAndExits130() throws Exception {
        String n = myTriggered();
        Faults.add(t.stateDir().resolve("sandbox"), new Faults.Fault("pagerduty", "PUT", "/incidents", "slow", 1, 0, 1500));
        AtomicReference<dev.tcli.core.Tcli> tcli = new AtomicReference<>();
        var run = t.start(tcli::set, "--profile", "fast", "oncall", "ack", n);
        Path faults = t.stateDir().resolve("sandbox/faults.json");
        Await.until(() -> tcli.get() != null && !Files.exists(faults), java.time.Duration.ofSeconds(4));
        assertFalse(Files.exists(faults), "the PUT is in flight");
        tcli.get().interrupts().runAll(); // what the SIGINT hook does
        var r = run.get(20, TimeUnit.SECONDS);
        assertEquals(130, r.exit(), r.toString());
        assertTrue(r.stderr().contains("interrupted while sending ack for #" + n), r.stderr());
        assertTrue(r.stderr().contains("may or may not have been applied"), r.stderr());
        assertFalse(r.stderr().contains("Exception"), r.stderr());
        String journal = read(t.stateDir().resolve("journal.jsonl"));
        assertTrue(journal.contains("\"outcome\":\"interrupted\""), journal);
        assertFalse(journal.contains("\"outcome\":\"acknowledged\""), "no outcome it never saw: " + journal);
    }

    @Test
    void splunkOnCallHistoryIsStreamedPageByPage() {
        t.config(CONFIG + """
                [profiles.vo]
                extends = "sandbox"
                [profiles.vo.oncall]
                provider = "victorops"
                """);
        var few = t.run("--profile", "vo", "oncall", "incidents", "--status", "resolved", "--since", "60d", "--limit", "5", "-o", "json");
        assertEquals(0, few.exit(), few.toString());
        assertEquals(5, few.json().size());
        assertEquals(1, received(x -> x.path().equals("/api-reporting/v2/incidents")).size(), "--limit 5 stops after the first page");
        rec.clear();
        var all = t.run("--profile", "vo", "oncall", "incidents", "--status", "resolved", "--since", "60d", "-o", "jsonl");
        assertEquals(0, all.exit(), all.toString());
        var pages = received(x -> x.path().equals("/api-reporting/v2/incidents"));
        assertTrue(pages.size() >= 2, "paged");
        List<String> offsets = new ArrayList<>();
        pages.forEach(p -> offsets.add(param(p, "offset")));
        assertEquals("0", offsets.get(0));
        assertEquals("100", offsets.get(1));
        assertTrue(all.stdout().lines().count() > 150);
    }

    @Test
    void theRoutingKeyNeverShowsEvenWhenTheServiceEchoesIt() throws Exception {
        String key = "R0UTINGKEYECHOED0000000000000042";
        try (MockWebServer events = new MockWebServer()) {
            events.start();
            t.config(CONFIG + """
                    [profiles.echo]
                    extends = "sandbox"
                    [profiles.echo.pagerduty]
                    events_url = "%s"
                    """.formatted(events.url("/").toString().replaceAll("/$", "")));
            events.enqueue(json(400, "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\",\"errors\":[\"unknown routing_key "
                    + key + "\"]}"));
            var r = t.run("--profile", "echo", "-vv", "oncall", "trigger", "--routing-key-cmd", "echo " + key, "--summary", "disk full");
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.stderr().contains("unknown routing_key ****"), r.stderr());
            assertFalse(r.stderr().contains(key) || r.stdout().contains(key), r.toString());
            assertTrue(events.takeRequest().getBody().utf8().contains(key), "the key itself was sent");
            assertFalse(read(t.stateDir().resolve("journal.jsonl")).contains(key));
        }
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static String param(Recorder.Recorded r, String name) {
        for (String kv : r.rawQuery().split("&")) {
            String[] p = kv.split("=", 2);
            if (URLDecoder.decode(p[0], StandardCharsets.UTF_8).equals(name)) {
                return p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "";
            }
        }
        return null;
    }
}
