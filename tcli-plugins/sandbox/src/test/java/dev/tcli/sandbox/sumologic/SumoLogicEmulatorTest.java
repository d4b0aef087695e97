package dev.tcli.sandbox.sumologic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcli.sandbox.SandboxServer;
import dev.tcli.sandbox.Seed;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SumoLogicEmulatorTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString(
            (SumoLogicEmulator.ACCESS_ID + ":" + SumoLogicEmulator.ACCESS_KEY).getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path tmp;

    static Map<String, String> msg(String category, String host, String raw) {
        return Map.of("_sourcecategory", category, "_sourcehost", host, "_raw", raw);
    }

    @Test
    void theQuerySubsetMatchesLikeSumo() {
        var api = msg("live/api", "live-builder-api-0", "2026 ERROR builder_api::http: GET /v1/status 503 upstream timed out");
        var worker = msg("live/worker", "live-builder-worker-1", "2026 INFO build core/redis finished");
        assertTrue(SumoQuery.parse("_sourceCategory=live/api error").matches(api));
        assertFalse(SumoQuery.parse("_sourceCategory=live/api error").matches(worker));
        assertTrue(SumoQuery.parse("_sourceHost=live-builder-* AND (503 OR redis)").matches(worker));
        assertFalse(SumoQuery.parse("_sourcecategory=live/* NOT error").matches(api));
        assertTrue(SumoQuery.parse("!error").matches(worker));
        assertTrue(SumoQuery.parse("\"upstream timed out\"").matches(api));
        assertTrue(SumoQuery.parse("time*out").matches(api));
        assertTrue(SumoQuery.parse("*").matches(worker));
        SumoQuery count = SumoQuery.parse("error | count by _sourceHost, _sourcecategory");
        assertTrue(count.aggregate());
        assertEquals(List.of("_sourcehost", "_sourcecategory"), count.countBy());
        assertEquals(List.of(), SumoQuery.parse("| count").countBy());
        for (String bad : List.of("(error", "error)", "error AND", "OR error", "\"open", "error |", "error | parse \"a=*\" as a",
                "error | count by", "_sourceCategory=")) {
            assertThrows(SumoQuery.ParseError.class, () -> SumoQuery.parse(bad), bad);
        }
    }

    @Test
    void theLogsAreTheSameAfterEveryResetAndErrorsClusterAroundTheOpenIncidents() {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        LogCorpus a = new LogCorpus(Seed.DEFAULT, at, null);
        LogCorpus b = new LogCorpus(Seed.DEFAULT, at, null);
        long minute = at.toEpochMilli() / 60_000 - 30;
        assertEquals(a.minute(minute), b.minute(minute));
        int errorsDuring = 0;
        int errorsWeekBefore = 0;
        for (int m = 0; m < 5; m++) {
            errorsDuring += errors(a.minute(at.toEpochMilli() / 60_000 - 5 + m), "live-builder-api-0");
            errorsWeekBefore += errors(a.minute(at.minus(Duration.ofDays(7)).toEpochMilli() / 60_000 - 5 + m), "live-builder-api-0");
        }
        assertTrue(errorsDuring >= 5, "the open builder-api incident (6 min old) bursts: " + errorsDuring);
        assertTrue(errorsDuring > errorsWeekBefore);
        assertEquals(List.of(), a.minute(at.minus(Duration.ofDays(31)).toEpochMilli() / 60_000), "30 days kept");
    }

    private static int errors(List<Map<String, String>> msgs, String host) {
        return (int) msgs.stream().filter(m -> m.get("_sourcehost").equals(host) && m.get("_raw").contains("ERROR")).count();
    }

    @Test
    void theApiChecksWhatSumoChecks() throws Exception {
        try (SandboxServer s = SandboxServer.start(tmp, 0, Clock.systemUTC())) {
            String jobs = s.baseUrl("sumologic") + "/api/v1/search/jobs";
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            long now = System.currentTimeMillis();
            String body = "{\"query\":\"error\",\"from\":" + (now - 3_600_000) + ",\"to\":" + now + ",\"timeZone\":\"UTC\"}";

            assertEquals(401, send(http, post(jobs, body).setHeader("Authorization", "Basic bm9wZTpub3Bl")).statusCode());
            assertEquals("contenttype.invalid", code(send(http, HttpRequest.newBuilder(URI.create(jobs)).header("Authorization", AUTH)
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)))));
            assertEquals("searchjob.unknown.timezone", code(send(http, post(jobs, body.replace("UTC", "Mars/Olympus")))));
            assertEquals("searchjob.to.smaller.than.from", code(send(http, post(jobs,
                    "{\"query\":\"error\",\"from\":\"2026-11-20T10:00:00\",\"to\":\"2026-11-20T09:00:00\",\"timeZone\":\"Europe/London\"}"))));
            assertEquals("searchjob.invalid.timestamp.from", code(send(http, post(jobs, body.replace("\"from\":" + (now - 3_600_000), "\"from\":\"yesterday\"")))));
            assertEquals("searchjob.parse.error", code(send(http, post(jobs, body.replace("\"error\"", "\"(error\"")))));

            var created = send(http, post(jobs, body));
            assertEquals(202, created.statusCode());
            String id = JSON.readTree(created.body()).path("id").asText();
            assertEquals(jobs + "/" + id, created.headers().firstValue("Location").orElseThrow());
            List<String> states = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                states.add(JSON.readTree(send(http, get(jobs + "/" + id)).body()).path("state").asText());
            }
            assertEquals(List.of("NOT STARTED", "GATHERING RESULTS", "GATHERING RESULTS", "DONE GATHERING RESULTS"), states);
            assertEquals("searchjob.limit.too.large", code(send(http, get(jobs + "/" + id + "/messages?offset=0&limit=10001"))));
            assertEquals("searchjob.offset.missing", code(send(http, get(jobs + "/" + id + "/messages?limit=10"))));
            assertEquals("searchjob.no.records.not.an.aggregation.query", code(send(http, get(jobs + "/" + id + "/records?offset=0&limit=10"))));
            JsonNode page = JSON.readTree(send(http, get(jobs + "/" + id + "/messages?offset=0&limit=3")).body());
            assertEquals(3, page.path("messages").size());
            assertTrue(page.path("messages").get(0).path("map").path("_raw").asText().contains("ERROR"));
            var gone = send(http, HttpRequest.newBuilder(URI.create(jobs + "/" + id)).header("Authorization", AUTH).DELETE());
            assertEquals(200, gone.statusCode());
            assertEquals("searchjob.jobid.invalid", code(send(http, get(jobs + "/" + id))));

            var moved = send(http, post(s.baseUrl("sumologic") + "/eu/api/v1/search/jobs", body));
            assertEquals(301, moved.statusCode());
            assertEquals(jobs, moved.headers().firstValue("Location").orElseThrow());
            assertEquals("moved", code(moved));
        }
    }

    private static HttpRequest.Builder post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTH).GET();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder r) throws Exception {
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> r) throws Exception {
        JsonNode n = JSON.readTree(r.body());
        assertEquals(r.statusCode(), n.path("status").asInt(), r.body());
        return n.path("code").asText();
    }
}
