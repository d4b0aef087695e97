package dev.tcli.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.testkit.TcliHarness;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * {@link PagerHistory} ({@link OncallProvider#record}): the incident and its detailed timeline that
 * {@code postmortem new} drafts from, found through the context as another module finds it.
 */
class IncidentRecordTest extends OncallTestBase {

    TcliHarness.Result record(String profile, String ref) {
        return t.run("--profile", profile, "record-fixture", ref, "-o", "json");
    }

    JsonNode state(String service) throws Exception {
        return JSON.readTree(t.stateDir().resolve("sandbox/" + service + ".json").toFile()).path("incidents");
    }

    static List<String> kinds(JsonNode log) {
        List<String> out = new ArrayList<>();
        log.forEach(e -> out.add(e.path("kind").asText()));
        return out;
    }

    static void oldestFirst(JsonNode log) {
        List<Instant> at = new ArrayList<>();
        log.forEach(e -> at.add(Instant.parse(e.path("at").asText())));
        assertEquals(at.stream().sorted().toList(), at, log.toString());
    }

    @Test
    void pagerDutyIncidentAsAnsweredWithItsLogInDetail() throws Exception {
        var unknown = record("fast", "QNOSUCHSBX");
        assertEquals(5, unknown.exit(), "seeds the emulator; unknown is exit 5");
        assertTrue(unknown.stderr().contains("no PagerDuty incident QNOSUCHSBX: check the id or number with `tcli oncall incidents"),
                unknown.stderr());
        JsonNode seeded = null;
        for (JsonNode i : state("pagerduty")) {
            if (i.path("status").asText().equals("resolved") && i.path("notes").size() == 1) {
                seeded = i;
            }
        }
        assertNotNull(seeded, "the seed has a resolved incident with a note");
        String id = seeded.path("id").asText();

        var r = record("fast", id);
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = r.json();
        assertEquals("PagerDuty", j.path("service").asText());
        assertEquals(id, j.path("incident").path("id").asText());
        assertEquals(seeded.path("title").asText(), j.path("incident").path("title").asText());
        assertTrue(j.path("incident").path("url").asText().endsWith("/incidents/" + id), j.toString());
        assertEquals(1, j.path("incident").path("affected").size(), "the service: " + j);
        assertEquals(Instant.parse(seeded.path("resolved_at").asText()), Instant.parse(j.path("incident").path("resolved_at").asText()));
        assertEquals(seeded.path("number").asText(), j.path("incident").path("number").asText(), j.toString());
        assertEquals("resolved", j.path("incident").path("status").asText());
        JsonNode log = j.path("log");
        oldestFirst(log);
        List<String> kinds = kinds(log);
        assertEquals("trigger", kinds.get(0), kinds.toString());
        assertTrue(kinds.containsAll(List.of("acknowledge", "annotate", "resolve")), kinds.toString());
        for (JsonNode e : log) {
            if (e.path("kind").asText().equals("annotate")) {
                assertEquals(seeded.path("notes").get(0).path("content").asText(), e.path("note").asText(), e.toString());
                assertTrue(e.path("by_user").asBoolean(), "a person wrote the note: " + e);
            }
            if (e.path("kind").asText().equals("trigger")) {
                assertFalse(e.path("by_user").asBoolean(), "the service triggered it: " + e);
            }
        }
        var logGet = received(x -> x.path().equals("/incidents/" + id + "/log_entries"));
        assertFalse(logGet.isEmpty());
        assertTrue(logGet.get(0).rawQuery().contains("time_zone=UTC") && logGet.get(0).rawQuery().contains("limit=100"),
                logGet.get(0).rawQuery());
    }

    @Test
    void pagerDutyLogAnswerWithoutItsListIsExit6() throws Exception {
        try (MockWebServer pd = new MockWebServer()) {
            pd.start();
            t.config(CONFIG + """
                    [profiles.pdmock.pagerduty]
                    base_url = "%s"
                    token = "mock-token"
                    """.formatted(pd.url("/").toString()));
            t.writeFile(t.configFile(), java.nio.file.Files.readString(t.configFile()), "rw-------");
            pd.enqueue(OncallReliabilityTest.json(200, "{\"incident\":{\"id\":\"Q1\",\"incident_number\":1,\"title\":\"disk full\"}}"));
            pd.enqueue(OncallReliabilityTest.json(200, "{\"error\":\"not what you asked for\"}"));
            var r = record("pdmock", "Q1");
            assertEquals(6, r.exit(), r.toString());
            assertTrue(r.stderr().contains("malformed answer to GET /incidents/Q1/log_entries (no 'log_entries' list)"), r.stderr());
        }
    }

    @Test
    void splunkOnCallTransitionsAndReportingTimes() throws Exception {
        t.config(CONFIG + """
                [profiles.vo]
                extends = "sandbox"
                [profiles.vo.oncall]
                provider = "victorops"
                """);
        var unknown = record("vo", "999999");
        assertEquals(5, unknown.exit(), unknown.toString());
        assertEquals(5, record("vo", "Q1ABC").exit(), "not a number");
        JsonNode acked = null;
        JsonNode old = null;
        for (JsonNode i : state("victorops")) {
            if (i.path("currentPhase").asText().equals("ACKED")) {
                acked = i;
            }
            if (old == null && i.path("currentPhase").asText().equals("RESOLVED") && i.hasNonNull("ackTime")
                    && Instant.parse(i.path("endTime").asText()).isBefore(Instant.now().minusSeconds(3 * 86400))) {
                old = i;
            }
        }
        assertNotNull(acked, "the seed has an acknowledged incident");
        assertNotNull(old, "the seed has an old resolved incident");

        var r = record("vo", "#" + acked.path("incidentNumber").asText());
        assertEquals(0, r.exit(), r.toString());
        JsonNode inc = r.json().path("incident");
        assertEquals("Splunk On-Call", r.json().path("service").asText());
        assertEquals(acked.path("incidentNumber").asText(), inc.path("number").asText());
        assertEquals("acknowledged", inc.path("status").asText());
        assertTrue(inc.path("url").asText().endsWith("/incident/" + acked.path("incidentNumber").asText() + "/details"), inc.toString());
        assertEquals(acked.path("entityDisplayName").asText(), inc.path("title").asText(), inc.toString());
        assertTrue(inc.path("resolved_at").isNull(), "open: no resolve time");
        JsonNode log = r.json().path("log");
        oldestFirst(log);
        assertEquals("Triggered", log.get(0).path("summary").asText());
        JsonNode ack = null;
        for (JsonNode e : log) {
            if (e.path("kind").asText().equals("acknowledge")) {
                ack = e;
            }
        }
        assertNotNull(ack, log.toString());
        assertTrue(ack.path("by_user").asBoolean(), ack.toString());
        assertEquals("Acknowledged by " + ack.path("agent").asText(), ack.path("summary").asText());
        assertFalse(ack.path("agent").asText().equals(acked.path("ackUser").asText()), "a display name, not the username: " + ack);

        // the reporting API's answer: the timeline from its times
        var o = record("vo", old.path("incidentNumber").asText());
        assertEquals(0, o.exit(), o.toString());
        assertEquals("resolved", o.json().path("incident").path("status").asText());
        assertEquals(Instant.parse(old.path("endTime").asText()), Instant.parse(o.json().path("incident").path("resolved_at").asText()));
        List<String> kinds = kinds(o.json().path("log"));
        assertTrue(kinds.containsAll(List.of("trigger", "acknowledge", "resolve")), kinds.toString());
    }
}
