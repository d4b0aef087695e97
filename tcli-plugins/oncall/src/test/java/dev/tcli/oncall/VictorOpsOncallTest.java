package dev.tcli.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.sandbox.Faults;
import dev.tcli.testkit.TcliHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same verbs against the Splunk On-Call emulator: same JSON, different wire protocol. */
class VictorOpsOncallTest extends OncallTestBase {

    @BeforeEach
    void victorops() {
        t.config(CONFIG + """
                [profiles.vo]
                extends = "sandbox"
                [profiles.vo.oncall]
                provider = "victorops"
                [profiles.vo.http]
                retry_backoff = "10ms"
                max_retries = 2
                [profiles.vobad]
                extends = "sandbox"
                [profiles.vobad.oncall]
                provider = "victorops"
                [profiles.vobad.victorops]
                api_key = "wrong"
                """);
    }

    @Override
    TcliHarness.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--profile", "vo", "oncall"));
        all.addAll(List.of(args));
        return t.run(all.toArray(String[]::new));
    }

    @Test
    void incidentsHaveTheSameShapeAsPagerDuty() {
        JsonNode arr = openIncidents();
        assertEquals(3, arr.size(), arr.toString());
        for (JsonNode i : arr) {
            for (String f : List.of("id", "number", "title", "status", "urgency", "service", "assignees", "created_at", "url")) {
                assertTrue(i.has(f), f + " missing in " + i);
            }
        }
        var get = received(x -> x.path().equals("/api-public/v1/incidents")).get(0);
        assertEquals("sandbox-vo-api-id", get.requestHeader("X-VO-Api-Id"));
        assertEquals("sandbox-vo-api-key", get.requestHeader("X-VO-Api-Key"));
        var hist = run("incidents", "--status", "resolved", "--since", "60d", "-o", "json");
        assertEquals(0, hist.exit(), hist.toString());
        assertTrue(hist.json().size() > 150, "history pages through the reporting API");
        assertTrue(received(x -> x.path().equals("/api-reporting/v2/incidents")).size() >= 2);
    }

    @Test
    void ackSendsUserNameAndStringIncidentNamesAndPersists() {
        var r = run("ack", "--yes", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(2, r.json().size(), r.toString());
        var patch = received(x -> x.method().equals("PATCH")).get(0);
        assertEquals("/api-public/v1/incidents/ack", patch.path());
        JsonNode b = patch.requestJson();
        assertEquals("dwhitfield", b.path("userName").asText());
        assertTrue(b.path("incidentNames").get(0).isTextual(), b.toString());
        for (JsonNode i : openIncidents()) {
            assertEquals("acknowledged", i.path("status").asText(), i.toString());
        }
    }

    @Test
    void resolveShowAndUnknown() {
        String n = openIncidents().get(0).path("number").asText();
        var r = run("resolve", n, "--note", "fixed");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("fixed", received(x -> x.method().equals("PATCH")).get(0).requestJson().path("message").asText());
        var show = run("show", n, "-o", "json");
        assertEquals(0, show.exit(), show.toString());
        assertEquals("resolved", show.json().path("status").asText());
        assertTrue(show.json().path("log").size() >= 2);
        var unknown = run("show", "999999");
        assertEquals(5, unknown.exit(), unknown.toString());
        assertTrue(unknown.stderr().contains("999999"));
    }

    @Test
    void partialFailureFromCmdAcceptedExits1() {
        // ack a resolved and a triggered incident in one call: the resolved one is never sent
        String mine = null;
        for (JsonNode i : openIncidents()) {
            if (i.path("status").asText().equals("triggered")) {
                mine = i.path("number").asText();
            }
        }
        var r = run("ack", mine, "1042");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stderr().contains("#1042"), r.stderr());
    }

    @Test
    void reassignAndRespondersReroute() {
        String n = openIncidents().get(0).path("number").asText();
        var r = run("reassign", n, "--to", "achen");
        assertEquals(0, r.exit(), r.toString());
        JsonNode b = received(x -> x.path().equals("/api-public/v1/incidents/reroute")).get(0).requestJson();
        assertEquals("User", b.path("reroutes").get(0).path("targets").get(0).path("type").asText());
        assertEquals("achen", b.path("reroutes").get(0).path("targets").get(0).path("slug").asText());
        assertEquals(0, run("responders", "add", n, "--user", "Priya Natarajan").exit());
        assertEquals(0, run("reassign", n, "--policy", "Builder Secondary").exit());
    }

    @Test
    void verbsTheApiLacksSaySo() {
        var note = run("note", "1042", "hello");
        assertEquals(1, note.exit(), note.toString());
        assertTrue(note.stderr().contains("Splunk On-Call has no incident notes"), note.stderr());
        assertEquals(1, run("snooze", "1042", "--for", "1h").exit());
        var later = run("override", "--schedule", "Builder Primary", "--user", "me", "--start", "in 2h", "--end", "in 3h");
        assertEquals(1, later.exit(), later.toString());
        assertTrue(later.stderr().contains("--start now"), later.stderr());
    }

    @Test
    void overrideNowIsTakeOnCall() {
        var mine = run("override", "--schedule", "Builder Primary", "--user", "me", "--start", "now", "--end", "in 1h", "-o", "json");
        assertEquals(0, mine.exit(), mine.toString());
        assertEquals("already_on_call", mine.json().get(0).path("outcome").asText());
        var dry = run("override", "--schedule", "Builder Primary", "--user", "achen", "--start", "now", "--end", "in 1h", "--dry-run");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.stdout().contains("DRY RUN, not sent: PATCH ") && dry.stdout().contains("/oncall/user"), dry.stdout());
        assertTrue(dry.stdout().contains("\"fromUser\" : \"dwhitfield\"") && dry.stdout().contains("\"toUser\" : \"achen\""), dry.stdout());
        assertTrue(dry.stdout().contains("X-VO-Api-Key: ****"), dry.stdout());
        assertEquals(0, received(x -> x.method().equals("PATCH")).size());
        assertEquals(5, run("override", "--schedule", "No Such Policy", "--user", "achen", "--start", "now", "--end", "in 1h").exit());
    }

    /** Take on-call against the emulator: it sticks, who shows it, and it can be handed back. */
    @Test
    void takeOnCallSticksAndIsHandedBack() {
        String secondary = run("who", "--policy", "Builder Secondary", "-o", "json").json().get(0).path("user").asText();
        var take = run("override", "--schedule", "builder primary", "--user", "achen", "--start", "now", "--end", "in 4h", "-o", "json");
        assertEquals(0, take.exit(), take.toString());
        assertEquals("overridden", take.json().get(0).path("outcome").asText(), take.stdout());
        assertTrue(take.json().get(0).path("message").asText().contains("Dana Whitfield -> Alex Chen (Success)"), take.stdout());
        assertTrue(take.stderr().contains("until the next shift change"), take.stderr());
        var patch = received(x -> x.method().equals("PATCH")).get(0);
        assertEquals("/api-public/v1/policies/pol-builder-primary/oncall/user", patch.path());
        assertEquals("dwhitfield", patch.requestJson().path("fromUser").asText());
        assertEquals("achen", patch.requestJson().path("toUser").asText());
        assertEquals(200, patch.status());

        // a later process sees it: who is on call now, and the team schedule's override
        var who = run("who", "--policy", "Builder Primary", "-o", "json");
        assertEquals(0, who.exit(), who.toString());
        assertEquals("Alex Chen", who.json().get(0).path("user").asText(), who.stdout());
        assertEquals(secondary, run("who", "--policy", "Builder Secondary", "-o", "json").json().get(0).path("user").asText(),
                "the other policy is untouched");
        var again = run("override", "--schedule", "Builder Primary", "--user", "achen", "--start", "now", "--end", "in 1h", "-o", "json");
        assertEquals("already_on_call", again.json().get(0).path("outcome").asText(), again.stdout());
        assertTrue(read(t.stateDir().resolve("journal.jsonl")).contains("\"verb\":\"override\""));

        var back = run("override", "--schedule", "Builder Primary", "--user", "me", "--start", "now", "--end", "in 1h", "-o", "json");
        assertEquals(0, back.exit(), back.toString());
        assertEquals("overridden", back.json().get(0).path("outcome").asText(), back.stdout());
        assertEquals("Dana Whitfield", run("who", "--policy", "Builder Primary", "-o", "json").json().get(0).path("user").asText());
        assertEquals(2, received(x -> x.method().equals("PATCH") && x.status() == 200).size());
    }

    /** Splunk On-Call's rate limit is a 403: retried like a 429, exit 6 when it persists; a refused key stays exit 4. */
    @Test
    void rateLimit403IsRetriedThenExit6() {
        Faults.add(t.stateDir().resolve("sandbox"), new Faults.Fault("victorops", "GET", "/api-public/v1/incidents", "403", 1, 0, 0));
        var r = run("incidents", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(3, r.json().size());
        var calls = received(x -> x.path().equals("/api-public/v1/incidents"));
        assertEquals(2, calls.size(), "the 403 rate limit was retried");
        assertEquals(403, calls.get(0).status());
        assertTrue(calls.get(0).responseBody().contains("rate limit"), calls.get(0).responseBody());
        assertEquals(200, calls.get(1).status());

        // staged the way a drill would: with the sandbox's own command
        var staged = t.run("--profile", "vo", "sandbox", "fault", "403", "--service", "victorops", "--count", "3");
        assertEquals(0, staged.exit(), staged.toString());
        r = run("incidents");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("rate limiting"), r.stderr());
        assertEquals(5, received(x -> x.path().equals("/api-public/v1/incidents")).size(), "one try and max_retries = 2 retries");

        var bad = t.run("--profile", "vobad", "oncall", "incidents");
        assertEquals(4, bad.exit(), "a real refusal stays exit 4: " + bad);
        assertEquals(6, received(x -> x.path().equals("/api-public/v1/incidents")).size(), "a refused key is not retried");
        assertEquals(2, t.run("--profile", "vo", "sandbox", "fault", "403").exit(), "a 403 rate limit is Splunk On-Call's alone");
    }

    @Test
    void whoAndSchedule() {
        var who = run("who", "-o", "json");
        assertEquals(0, who.exit(), who.toString());
        assertEquals(2, who.json().size());
        assertEquals("Dana Whitfield", who.json().get(0).path("user").asText());
        for (JsonNode o : who.json()) {
            assertFalse(o.path("until").isNull() || o.path("until").asText().isEmpty(), "shift end in my zone: " + o);
        }
        var at = run("who", "--at", "in 7d", "--policy", "Builder Primary", "-o", "json");
        assertEquals("Alex Chen", at.json().get(0).path("user").asText(), at.toString());
        var s = run("schedule", "--days", "21", "-o", "json");
        assertEquals(0, s.exit(), s.toString());
        assertTrue(s.json().size() >= 6);
        assertTrue(received(x -> x.path().equals("/api-public/v2/team/team-habitat-builder/oncall/schedule")).size() >= 1);
    }

    @Test
    void wrongKeyIsExit4AndServerErrorsExit6() {
        var bad = t.run("--profile", "vobad", "oncall", "incidents");
        assertEquals(4, bad.exit(), bad.toString());
        assertFalse(bad.stderr().contains("wrong"), bad.stderr());
        Faults.add(t.stateDir().resolve("sandbox"), Faults.Fault.of("victorops", "500", 5));
        assertEquals(6, run("incidents").exit());
        Faults.clear(t.stateDir().resolve("sandbox"));
    }
}
