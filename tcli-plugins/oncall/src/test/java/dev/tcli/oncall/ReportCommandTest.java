package dev.tcli.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcli.sandbox.Faults;
import dev.tcli.sandbox.Recorder;
import dev.tcli.sandbox.pagerduty.HabitatTeam;
import dev.tcli.testkit.TcliHarness;
import dev.tcli.testkit.TestProfile;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report against the sandbox's 60 days of incidents, checked against numbers this test
 * computes itself from the emulator's state file (not through the module's classes).
 */
class ReportCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ZoneId LA = ZoneId.of("America/Los_Angeles");

    @TempDir
    Path tmp;
    TcliHarness t;
    /** What this test's emulators answered (its own sandbox state, so parallel tests never mix). */
    Recorder rec;

    @BeforeEach
    void setUp() {
        t = new TcliHarness(tmp).config(TestProfile.toml(TestProfile.fast("fast").top("timezone", "America/Los_Angeles"),
                TestProfile.of("badtoken").set("pagerduty", "token", "not-the-token")));
        rec = Recorder.of(t.stateDir().resolve("sandbox"));
    }

    @AfterEach
    void tearDown() {
        rec.close();
    }

    TcliHarness.Result report(String... args) {
        List<String> all = new ArrayList<>(List.of("--profile", "fast", "oncall", "report"));
        all.addAll(List.of(args));
        return t.run(all.toArray(String[]::new));
    }

    JsonNode state() throws Exception {
        return JSON.readTree(t.stateDir().resolve("sandbox/pagerduty.json").toFile());
    }

    /** What the test expects, computed straight from the seed data. */
    record Expected(int total, int afterHours, long mtta, long mttaP90, long mttr, Map<String, Integer> byWeek,
            Map<String, Integer> byService, Map<String, Integer> byResponder) {
    }

    static Expected expected(JsonNode incidents, Instant since, Instant until, ZoneId zone, int startHour, int endHour) {
        int total = 0;
        int after = 0;
        List<Long> tta = new ArrayList<>();
        List<Long> ttr = new ArrayList<>();
        Map<String, Integer> weeks = new TreeMap<>();
        Map<String, Integer> services = new TreeMap<>();
        Map<String, Integer> responders = new TreeMap<>();
        for (JsonNode i : incidents) {
            Instant created = Instant.parse(i.path("created_at").asText());
            if (created.isBefore(since) || !created.isBefore(until)) {
                continue;
            }
            total++;
            ZonedDateTime local = created.atZone(zone);
            boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend || local.getHour() < startHour || local.getHour() >= endHour) {
                after++;
            }
            weeks.merge(local.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), 1, Integer::sum);
            String svc = HabitatTeam.SERVICES.stream().filter(s -> s.pdId().equals(i.path("service_id").asText())).findFirst().orElseThrow().name();
            services.merge(svc, 1, Integer::sum);
            String responder = null;
            Instant resolved = null;
            for (JsonNode e : i.path("log")) {
                Instant at = Instant.parse(e.path("at").asText());
                if (e.path("type").asText().equals("acknowledge_log_entry") && responder == null) {
                    tta.add(Duration.between(created, at).getSeconds());
                    responder = HabitatTeam.member(e.path("agent_id").asText()).name();
                }
                if (e.path("type").asText().equals("resolve_log_entry")) {
                    resolved = at;
                }
            }
            if (i.path("status").asText().equals("resolved")) {
                ttr.add(Duration.between(created, resolved).getSeconds());
            }
            if (responder == null) {
                responder = HabitatTeam.member(i.path("assignees").get(0).asText()).name();
            }
            responders.merge(responder, 1, Integer::sum);
        }
        List<Long> sorted = tta.stream().sorted().toList();
        return new Expected(total, after, Math.round(tta.stream().mapToLong(x -> x).average().orElse(0)),
                sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1),
                Math.round(ttr.stream().mapToLong(x -> x).average().orElse(0)), weeks, services, responders);
    }

    static Map<String, Integer> counts(JsonNode arr, String key) {
        Map<String, Integer> out = new TreeMap<>();
        arr.forEach(n -> {
            if (n.path("total").asInt() > 0) {
                out.put(n.path(key).asText(), n.path("total").asInt());
            }
        });
        return out;
    }

    @Test
    void numbersMatchAnIndependentComputationFromTheSeed() throws Exception {
        assertEquals(0, report("--since", "1h").exit());   // starts the sandbox, seeds the state
        JsonNode st = state();
        Instant seeded = Instant.parse(st.path("_seeded_at").asText());
        Instant since = seeded.minus(Duration.ofDays(60));
        Instant until = seeded.plusSeconds(60);
        rec.clear();

        var r = report("--since", since.toString(), "--until", until.toString(), "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = r.json();
        Expected e = expected(st.path("incidents"), since, until, LA, 9, 18);
        assertTrue(e.total() > 150, "the seed has ~200 incidents: " + e.total());
        assertEquals(e.total(), j.path("total").asInt());
        assertEquals(e.afterHours(), j.path("after_hours").asInt());
        assertEquals(e.mtta(), j.path("mtta_seconds").asLong());
        assertEquals(e.mttaP90(), j.path("mtta_p90_seconds").asLong());
        assertEquals(e.mttr(), j.path("mttr_seconds").asLong());
        assertEquals(e.byWeek(), counts(j.path("by_week"), "week"));
        assertEquals(e.byService(), counts(j.path("by_service"), "service"));
        assertEquals(e.byResponder(), counts(j.path("by_responder"), "responder"));
        assertEquals("America/Los_Angeles", j.path("time_zone").asText(), "the profile's timezone by default");
        assertEquals(3, j.path("noisiest_services").size());
        assertEquals(j.path("by_service").get(0).path("service").asText(), j.path("noisiest_services").get(0).path("service").asText());
        assertTrue(j.has("mttr_p90_seconds"));

        // what PagerDuty received: the window, every status, 100 a page, paged by offset
        var calls = rec.all();
        List<Map<String, List<String>>> listings = calls.stream().filter(c -> c.method().equals("GET") && c.path().endsWith("/incidents"))
                .map(c -> query(c.rawQuery())).toList();
        assertEquals(List.of("0", "100", "200"), listings.stream().map(q -> q.get("offset").get(0)).toList().subList(0, 3));
        var q = listings.get(0);
        assertEquals(List.of(since.toString()), q.get("since"));
        assertEquals(List.of(until.toString()), q.get("until"));
        assertEquals(List.of("triggered", "acknowledged", "resolved"), q.get("statuses[]"));
        assertEquals(List.of("100"), q.get("limit"));
        assertEquals(e.total(), calls.stream().filter(c -> c.path().endsWith("/log_entries")).count(), "one log read per incident");
        assertTrue(calls.stream().allMatch(c -> "Token token=sandbox-pd-user-key1".equals(c.requestHeader("Authorization"))
                && "application/vnd.pagerduty+json;version=2".equals(c.requestHeader("Accept"))));
    }

    /** Both emulators hold the same seeded history: Splunk On-Call's report (from the reporting API) must match PagerDuty's. */
    @Test
    void splunkOnCallGivesTheSameNumbers() throws Exception {
        t.config("""
                [profiles.fast]
                extends = "sandbox"
                timezone = "America/Los_Angeles"
                [profiles.vo]
                extends = "sandbox"
                timezone = "America/Los_Angeles"
                [profiles.vo.oncall]
                provider = "victorops"
                """);
        assertEquals(0, t.run("--profile", "vo", "oncall", "report", "--since", "1h").exit());
        assertEquals(0, report("--since", "1h").exit());
        JsonNode pdState = state();
        JsonNode voState = JSON.readTree(t.stateDir().resolve("sandbox/victorops.json").toFile());
        org.junit.jupiter.api.Assumptions.assumeTrue(pdState.path("_seeded_at").equals(voState.path("_seeded_at")),
                "both emulators seeded in the same minute");
        Instant seeded = Instant.parse(pdState.path("_seeded_at").asText());
        String since = seeded.minus(Duration.ofDays(45)).toString();
        String until = seeded.minus(Duration.ofDays(1)).toString();
        rec.clear();
        var vo = t.run("--profile", "vo", "oncall", "report", "--since", since, "--until", until, "-o", "json");
        assertEquals(0, vo.exit(), vo.toString());
        var pd = report("--since", since, "--until", until, "-o", "json");
        assertEquals(0, pd.exit(), pd.toString());
        for (String f : List.of("total", "after_hours", "acknowledged", "resolved", "mtta_seconds", "mtta_p90_seconds", "mttr_seconds",
                "by_week", "by_service", "by_responder")) {
            assertEquals(pd.json().path(f), vo.json().path(f), f);
        }
        assertTrue(vo.json().path("total").asInt() > 100);
        var calls = rec.all();
        assertTrue(calls.stream().filter(c -> c.service().equals("victorops"))
                .allMatch(c -> c.path().equals("/api-reporting/v2/incidents") || c.path().equals("/api-public/v1/user")),
                "Splunk On-Call: the reporting API (and the user list for names), no call per incident");
        rec.clear();
    }

    @Test
    void zoneAndBusinessHoursOptionsChangeTheAfterHoursCount() throws Exception {
        assertEquals(0, report("--since", "1h").exit());
        JsonNode st = state();
        Instant seeded = Instant.parse(st.path("_seeded_at").asText());
        Instant since = seeded.minus(Duration.ofDays(14));
        var r = report("--since", since.toString(), "--until", seeded.toString(), "--tz", "Asia/Tokyo", "--business-hours", "08:00-20:00", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        Expected e = expected(st.path("incidents"), since, seeded, ZoneId.of("Asia/Tokyo"), 8, 20);
        assertEquals(e.total(), r.json().path("total").asInt());
        assertEquals(e.afterHours(), r.json().path("after_hours").asInt());
        assertEquals(e.byWeek(), counts(r.json().path("by_week"), "week"));
        assertEquals("08:00-20:00", r.json().path("business_hours").asText());
    }

    @Test
    void tableHasTheWeeklyBarChartAndTables() {
        var r = report("--since", "21d");
        assertEquals(0, r.exit(), r.toString());
        String out = r.stdout();
        assertTrue(out.contains("Pages per ISO week"), out);
        assertTrue(out.lines().filter(l -> l.matches("\\d{4}-W\\d{2} .*")).count() >= 3, out);
        assertTrue(out.contains("\u2588") && out.contains("\u2592"), out);
        assertTrue(out.contains("SERVICE") && out.contains("builder-api") && out.contains("RESPONDER"), out);
        assertTrue(out.contains("p90"), out);
    }

    @Test
    void htmlPageIsSelfContained() throws Exception {
        Path html = tmp.resolve("out/report.html");
        var r = report("--since", "14d", "--html", html.toString(), "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<svg") && page.contains("builder-api"));
        assertTrue(page.contains(r.json().path("total").asText()));
        for (String external : new String[] {"<script", "src=", "href=", "url(", "http:", "https:"}) {
            assertFalse(page.contains(external), external);
        }
        assertTrue(r.stderr().contains("wrote " + html), r.stderr());
    }

    @Test
    void teamByNameOrId() {
        var r = report("--since", "7d", "--team", "Habitat Builder", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.json().path("total").asInt() > 0);
        var calls = rec.all();
        assertTrue(calls.stream().anyMatch(c -> c.path().endsWith("/teams") && query(c.rawQuery()).get("query").equals(List.of("Habitat Builder"))));
        assertTrue(calls.stream().filter(c -> c.path().endsWith("/incidents"))
                .allMatch(c -> List.of("PTBLDR1").equals(query(c.rawQuery()).get("team_ids[]"))));
        rec.clear();

        r = report("--since", "7d", "--team", "PZZZZZ9", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(0, r.json().path("total").asInt(), "another team's pages are not ours");

        r = report("--since", "7d", "--team", "Platform");
        assertEquals(5, r.exit(), r.toString());
    }

    @Test
    void csvIsTheWeeks() {
        var r = report("--since", "14d", "-o", "csv");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().startsWith("WEEK,STARTS,PAGES,AFTER HOURS"), r.stdout());
    }

    @Test
    void badInputIsUsage() {
        assertEquals(2, report("--tz", "Mars/Olympus").exit());
        assertEquals(2, report("--business-hours", "18:00-09:00").exit());
        assertEquals(2, report("--since", "soon").exit());
        assertEquals(2, report("--since", "1d", "--until", "2d").exit());
        assertEquals(2, report("--weekly").exit());
    }

    @Test
    void rejectedTokenIs4AndServerErrorsAre6() {
        var r = t.run("--profile", "badtoken", "oncall", "report", "--since", "7d");
        assertEquals(4, r.exit(), r.toString());
        assertFalse(r.stderr().contains("not-the-token"));

        assertEquals(0, report("--since", "1h").exit());
        Faults.add(t.stateDir().resolve("sandbox"), Faults.Fault.of("pagerduty", "500", 3));
        r = report("--since", "7d");
        assertEquals(6, r.exit(), r.toString());
    }

    @Test
    void truncatedReplyIsUnavailable() {
        assertEquals(0, report("--since", "1h").exit());
        Faults.add(t.stateDir().resolve("sandbox"), Faults.Fault.of("pagerduty", "truncate", 3));
        var r = report("--since", "7d");
        assertEquals(6, r.exit(), r.toString());
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new TreeMap<>();
        if (raw == null) {
            return out;
        }
        for (String kv : raw.split("&")) {
            String[] p = kv.split("=", 2);
            out.computeIfAbsent(URLDecoder.decode(p[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                    .add(p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

}
