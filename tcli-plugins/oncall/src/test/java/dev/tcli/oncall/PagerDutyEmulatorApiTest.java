package dev.tcli.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcli.sandbox.Recorder;
import dev.tcli.sandbox.SandboxServer;
import dev.tcli.sandbox.contract.SpecCheck;
import dev.tcli.sandbox.pagerduty.PagerDutyEmulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a PagerDuty client other than tcli uses of the sandbox's PagerDuty, over plain HTTP: creating incidents,
 * changing title/urgency/priority, priorities, the account log (paging, since/until), alerts, merging, service
 * changes, the older override form, and a distinct answer for what is not emulated. Every exchange but the
 * deliberately unemulated one is checked against the official REST API document.
 */
class PagerDutyEmulatorApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FROM = "dana.whitfield@example.com";

    @TempDir
    Path tmp;
    private SandboxServer server;
    private Recorder rec;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = SandboxServer.start(tmp.resolve("sandbox"), 0, Clock.systemUTC());
        server.reset();
        rec = Recorder.of(tmp.resolve("sandbox"));
    }

    @AfterEach
    void stop() {
        rec.close();
        server.close();
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer call(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl("pagerduty") + path))
                .header("Authorization", "Token token=" + PagerDutyEmulator.USER_TOKEN)
                .header("Accept", "application/vnd.pagerduty+json;version=2").header("From", FROM);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body()));
    }

    private String create(String title, String key) throws Exception {
        Answer a = call("POST", "/incidents", """
                {"incident": {"type": "incident", "title": "%s", "service": {"id": "%s", "type": "service_reference"},
                 "urgency": "low", "incident_key": "%s", "body": {"type": "incident_body", "details": {"from": "another tool"}}}}
                """.formatted(title, builderApi(), key));
        assertEquals(201, a.status(), a.body().toString());
        return a.body().path("incident").path("id").asText();
    }

    private String builderApi() throws Exception {
        for (JsonNode s : call("GET", "/services?query=builder-api", null).body().path("services")) {
            if (s.path("name").asText().equals("builder-api")) {
                return s.path("id").asText();
            }
        }
        throw new AssertionError("no builder-api service");
    }

    @Test
    void createUpdateMergeAlertsAndTheAccountLog() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String a = create("practice: disk filling", "disk-a");
        String b = create("practice: disk filling again", "disk-b");
        // a second open incident with the same key on the service is refused, as PagerDuty does
        Answer dup = call("POST", "/incidents", """
                {"incident": {"type": "incident", "title": "dup", "service": {"id": "%s", "type": "service_reference"},
                 "incident_key": "disk-a"}}""".formatted(builderApi()));
        assertEquals(400, dup.status(), dup.body().toString());
        JsonNode inc = call("GET", "/incidents/" + a, null).body().path("incident");
        assertEquals("triggered", inc.path("status").asText());
        assertEquals("low", inc.path("urgency").asText());
        assertFalse(inc.path("assignments").isEmpty(), inc.toString());
        assertTrue(inc.path("html_url").asText().startsWith("https://habitat-sandbox.invalid/"), inc.toString());

        JsonNode priorities = call("GET", "/priorities", null).body().path("priorities");
        assertEquals(5, priorities.size(), priorities.toString());
        String p1 = priorities.get(0).path("id").asText();
        Answer renamed = call("PUT", "/incidents/" + a, """
                {"incident": {"type": "incident_reference", "title": "practice: disk full", "urgency": "high",
                 "priority": {"id": "%s", "type": "priority_reference"}}}""".formatted(p1));
        assertEquals(200, renamed.status(), renamed.body().toString());
        inc = call("GET", "/incidents/" + a, null).body().path("incident");
        assertEquals("practice: disk full", inc.path("title").asText());
        assertEquals("high", inc.path("urgency").asText());
        assertEquals("P1", inc.path("priority").path("name").asText(), inc.toString());
        assertEquals(400, call("PUT", "/incidents/" + a, "{\"incident\": {\"type\": \"incident_reference\", \"urgency\": \"urgent\"}}").status());

        // a responder added is shown on the incident
        String me = call("GET", "/users/me", null).body().path("user").path("id").asText();
        String alex = call("GET", "/users?query=alex", null).body().path("users").get(0).path("id").asText();
        Answer asked = call("POST", "/incidents/" + a + "/responder_requests", """
                {"requester_id": "%s", "message": "need a second pair of eyes",
                 "responder_request_targets": [{"responder_request_target": {"id": "%s", "type": "user_reference"}}]}"""
                .formatted(me, alex));
        assertEquals(200, asked.status(), asked.body().toString());
        JsonNode responders = call("GET", "/incidents/" + a, null).body().path("incident").path("incidents_responders");
        assertEquals(1, responders.size(), responders.toString());
        assertEquals(alex, responders.get(0).path("user").path("id").asText());
        assertEquals("need a second pair of eyes", responders.get(0).path("message").asText());

        Answer merged = call("PUT", "/incidents/" + a + "/merge", """
                {"source_incidents": [{"id": "%s", "type": "incident_reference"}]}""".formatted(b));
        assertEquals(200, merged.status(), merged.body().toString());
        assertEquals("resolved", call("GET", "/incidents/" + b, null).body().path("incident").path("status").asText());
        JsonNode alerts = call("GET", "/incidents/" + a + "/alerts", null).body().path("alerts");
        assertEquals(2, alerts.size(), alerts.toString());
        assertEquals(List.of("disk-a", "disk-b"), List.of(alerts.get(0).path("alert_key").asText(), alerts.get(1).path("alert_key").asText()));

        // the account log: newest first, paged, narrowed by since/until
        String since = before.minusSeconds(1).toString();
        JsonNode page1 = call("GET", "/log_entries?limit=2&offset=0&total=true&since=" + since, null).body();
        assertEquals(2, page1.path("log_entries").size(), page1.toString());
        assertTrue(page1.path("more").asBoolean(), page1.toString());
        int total = page1.path("total").asInt();
        assertTrue(total >= 5, page1.toString()); // two triggers, two notifies, a resolve (the merge)
        List<String> ids = new ArrayList<>();
        for (int offset = 0; offset < total; offset += 2) {
            for (JsonNode e : call("GET", "/log_entries?limit=2&offset=" + offset + "&since=" + since, null).body().path("log_entries")) {
                ids.add(e.path("id").asText());
                assertFalse(Instant.parse(e.path("created_at").asText()).isBefore(before.minusSeconds(1)), e.toString());
            }
        }
        assertEquals(total, ids.stream().distinct().count(), ids.toString());
        JsonNode old = call("GET", "/log_entries?until=" + before.minus(59, ChronoUnit.DAYS) + "&since="
                + before.minus(60, ChronoUnit.DAYS), null).body().path("log_entries");
        for (JsonNode e : old) {
            assertFalse(e.path("incident").path("id").asText().equals(a), e.toString());
        }
        assertEquals(200, call("GET", "/log_entries/" + ids.get(0), null).status());

        // the requests this test sends wrong on purpose (answered 400) are not the emulator's findings
        List<String> problems = SpecCheck.problems(rec.all(), "pagerduty", r -> OncallContractTest.pagerDutyValidator(),
                (r, m) -> r.status() == 400 && m.getKey().startsWith("validation.request."), 15);
        rec.clear();
        assertEquals(List.of(), problems);
    }

    /**
     * The older {@code {"override": {...}}} form is not in the spec, which documents only {@code {"overrides": [...]}} and
     * its array answer; PagerDuty still takes it and answers with the single object, which clients read
     * ({@code pd schedule override add} reads {@code override.id}).
     */
    static boolean legacyOverride(Recorder.Recorded r, com.atlassian.oai.validator.report.ValidationReport.Message m) {
        return r.method().equals("POST") && r.path().endsWith("/overrides") && r.requestJson().has("override")
                && m.getKey().equals("validation.response.body.schema.type");
    }

    @Test
    void servicesChangeTheLegacyOverrideFormAndWhatIsNotEmulated() throws Exception {
        String svc = builderApi();
        String policy = call("GET", "/services/" + svc, null).body().path("service").path("escalation_policy").path("id").asText();
        Answer put = call("PUT", "/services/" + svc, """
                {"service": {"type": "service", "description": "practice edit", "status": "maintenance",
                 "escalation_policy": {"id": "%s", "type": "escalation_policy_reference"}}}""".formatted(policy));
        assertEquals(200, put.status(), put.body().toString());
        JsonNode shown = call("GET", "/services/" + svc, null).body().path("service");
        assertEquals("practice edit", shown.path("description").asText());
        assertEquals("maintenance", shown.path("status").asText());

        String schedule = call("GET", "/schedules", null).body().path("schedules").get(0).path("id").asText();
        String user = call("GET", "/users", null).body().path("users").get(1).path("id").asText();
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Answer legacy = call("POST", "/schedules/" + schedule + "/overrides", """
                {"override": {"start": "%s", "end": "%s", "user": {"id": "%s", "type": "user_reference"}}}"""
                .formatted(start, start.plus(2, ChronoUnit.HOURS), user));
        assertEquals(201, legacy.status(), legacy.body().toString());
        assertEquals(user, legacy.body().path("override").path("user").path("id").asText(), legacy.body().toString());
        JsonNode listed = call("GET", "/schedules/" + schedule + "/overrides?since=" + start + "&until=" + start.plus(1, ChronoUnit.DAYS), null).body();
        assertEquals(1, listed.path("overrides").size(), listed.toString());

        List<String> problems = SpecCheck.problems(rec.all(), "pagerduty", r -> OncallContractTest.pagerDutyValidator(),
                PagerDutyEmulatorApiTest::legacyOverride, 5);
        rec.clear();
        assertEquals(List.of(), problems);

        // not emulated: 501 saying so, never a 404 that reads as "no such object"
        for (String[] req : List.of(new String[] {"GET", "/business_services"}, new String[] {"DELETE", "/incidents/Q6V59GSBX"},
                new String[] {"POST", "/schedules"}, new String[] {"GET", "/incidents/" + "Q6V59GSBX" + "/status_updates"})) {
            Answer a = call(req[0], req[1], req[0].equals("POST") ? "{}" : null);
            assertEquals(501, a.status(), req[0] + " " + req[1] + ": " + a.body());
            assertTrue(a.body().path("error").path("message").asText().contains("Not implemented by the tcli sandbox"), a.body().toString());
        }
        assertEquals(404, call("GET", "/incidents/QNOSUCHSBX", null).status());
    }
}
