package dev.tcli.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcli.sandbox.Faults;
import dev.tcli.sandbox.Recorder;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmortemNewTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    TcliHarness t;
    /** What this test's emulators answered (its own sandbox state, so parallel tests never mix). */
    Recorder rec;
    StatuspageStub statuspage;

    @BeforeEach
    void setUp() throws Exception {
        statuspage = new StatuspageStub();
        t = new TcliHarness(tmp).config("""
                [profiles.fast]
                extends = "sandbox"
                [profiles.fast.http]
                retry_backoff = "10ms"
                max_retries = 2
                [profiles.fast.statuspage]
                base_url = "%s"
                page_id = "pg-habitat"
                token = "%s"
                [profiles.badtoken]
                extends = "sandbox"
                [profiles.badtoken.pagerduty]
                token = "not-the-token"
                [profiles.vo]
                extends = "sandbox"
                [profiles.vo.oncall]
                provider = "victorops"
                """.formatted(statuspage.baseUrl(), StatuspageStub.TOKEN));
        rec = Recorder.of(t.stateDir().resolve("sandbox"));
    }

    @AfterEach
    void tearDown() {
        rec.close();
        statuspage.close();
    }

    TcliHarness.Result pm(String... args) {
        List<String> all = new ArrayList<>(List.of("--profile", "fast", "postmortem", "new"));
        all.addAll(List.of(args));
        return t.run(all.toArray(String[]::new));
    }

    /** The emulator's seeded incidents (starting the sandbox first if needed). */
    JsonNode seededIncidents() throws Exception {
        Path state = t.stateDir().resolve("sandbox/pagerduty.json");
        if (!Files.exists(state)) {
            var r = t.run("--profile", "fast", "postmortem", "new", "--incident", "1042", "--out", tmp.resolve("warmup.md").toString());
            assertEquals(0, r.exit(), r.toString());
        }
        return JSON.readTree(state.toFile()).path("incidents");
    }

    /** A resolved incident acknowledged by a person, with a note, not escalated. */
    JsonNode resolvedWithNote() throws Exception {
        for (JsonNode i : seededIncidents()) {
            if (i.path("status").asText().equals("resolved") && i.path("notes").size() == 1 && i.path("level").asInt() == 1) {
                return i;
            }
        }
        throw new AssertionError("no resolved incident with a note in the seed");
    }

    static Instant logTime(JsonNode incident, String type) {
        for (JsonNode e : incident.path("log")) {
            if (e.path("type").asText().equals(type)) {
                return Instant.parse(e.path("at").asText());
            }
        }
        return null;
    }

    static String journalLine(Instant at, String profile, String module, String verb, String target, String details) {
        return "{\"time\":\"" + at + "\",\"profile\":\"" + profile + "\",\"user\":\"dwhitfield\",\"module\":\"" + module
                + "\",\"verb\":\"" + verb + "\",\"target\":\"" + target + "\",\"outcome\":\"ok\",\"details\":" + details + "}\n";
    }

    static List<String[]> timelineRows(String md) {
        String section = md.substring(md.indexOf("## Timeline (UTC)"), md.indexOf("## Contributing factors"));
        List<String[]> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| 20")) {
                String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void timelineMergesPagerDutyStatuspageAndJournalInOrder() throws Exception {
        JsonNode inc = resolvedWithNote();
        String id = inc.path("id").asText();
        Instant trig = logTime(inc, "trigger_log_entry");
        Instant ack = logTime(inc, "acknowledge_log_entry");
        Instant resolved = logTime(inc, "resolve_log_entry");
        // journal: the ack done through tcli (the same event as PagerDuty's entry), a restart in the window,
        // a status update, and three lines that do not belong: another profile, long before, another incident
        Instant restart = ack.plusSeconds(90);
        Instant spIdentified = ack.plusSeconds(100);
        String journal = journalLine(ack.plusSeconds(1), "fast", "oncall", "ack", id, "{\"number\":" + inc.path("number").asInt() + "}")
                + journalLine(restart, "fast", "hab", "restart", "builder-api", "{\"node\":\"live-builder-api-0\"}")
                + journalLine(spIdentified.plusSeconds(5), "fast", "status", "incident update", "sp1", "{\"status\":\"identified\"}")
                + journalLine(restart.plusSeconds(1), "live", "hab", "restart", "depot", "{}")
                + journalLine(trig.minus(Duration.ofHours(3)), "fast", "hab", "restart", "builder-worker", "{}")
                + journalLine(ack.plusSeconds(30), "fast", "oncall", "ack", "QOTHER1", "{\"number\":9999}");
        Files.writeString(t.stateDir().resolve("journal.jsonl"), journal);
        statuspage.incidents.put("sp1", """
                {"id":"sp1","name":"Builder API errors","status":"resolved","impact":"major",
                 "created_at":"%1$s","components":[{"id":"c1","name":"API"}],
                 "incident_updates":[
                  {"id":"u3","status":"resolved","body":"All good.","created_at":"%3$s"},
                  {"id":"u2","status":"identified","body":"Found it | restarting","created_at":"%2$s",
                   "affected_components":[{"code":"c1","name":"API","old_status":"operational","new_status":"major_outage"}]},
                  {"id":"u1","status":"investigating","body":"We are looking into errors.","created_at":"%1$s"}]}
                """.formatted(trig.plusSeconds(120), spIdentified, resolved.plusSeconds(60)));

        Path out = tmp.resolve("pm.md");
        var r = pm("--incident", id, "--status-incident", "sp1", "--leader", "Priya Natarajan", "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals(out.toString(), r.stdout().strip());
        String md = Files.readString(out);

        List<String[]> rows = timelineRows(md);
        List<Instant> times = rows.stream().map(c -> Instant.parse(c[0].replace(' ', 'T') + "Z")).toList();
        assertEquals(times.stream().sorted().toList(), times, "time order:\n" + md);
        assertEquals(trig.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), times.get(0), "the trigger comes first");
        var sources = rows.stream().map(c -> c[1]).collect(Collectors.toSet());
        assertEquals(java.util.Set.of("PagerDuty", "Statuspage", "tcli"), sources);

        String table = rows.stream().map(c -> String.join(" | ", c)).collect(Collectors.joining("\n"));
        // the tcli ack and PagerDuty's ack entry are one event
        assertEquals(1, rows.stream().filter(c -> c[3].startsWith("Acknowledged by")).count(), table);
        assertTrue(table.contains("(via tcli)"), table);
        assertFalse(rows.stream().anyMatch(c -> c[1].equals("tcli") && c[3].contains("oncall ack")), table);
        assertTrue(table.contains("Note added by"), table);
        assertTrue(table.contains("`tcli hab restart builder-api` (ok)"), table);
        assertTrue(table.contains("Status page investigating"), table);
        assertTrue(table.contains("Found it \\| restarting") && table.contains("API \u2192 major_outage"), table);
        assertTrue(table.contains("Status page resolved"), table);
        assertFalse(table.contains("depot") || table.contains("builder-worker") || table.contains("QOTHER1"), table);
        // restart after the PagerDuty ack, before the status page's "identified"
        int ackRow = indexOf(rows, "Acknowledged by");
        int restartRow = indexOf(rows, "hab restart");
        int identifiedRow = indexOf(rows, "Status page identified");
        assertTrue(ackRow < restartRow && restartRow < identifiedRow, table);

        assertTrue(md.contains("This is a blameless postmortem"), md);
        assertTrue(md.contains("could've") && md.contains("owner"), md);
        assertTrue(md.contains("| Incident leader | Priya Natarajan |"), md);
        assertTrue(md.contains("# Postmortem: " + inc.path("title").asText()), md);
        assertTrue(md.contains("time to acknowledge " + PostmortemDraft.human(Duration.between(trig, ack))), md);
        assertTrue(md.contains("duration from trigger to resolve " + PostmortemDraft.human(Duration.between(trig, resolved))), md);
        String steps = md.substring(md.indexOf("## Stabilization steps"), md.indexOf("## Corrective actions"));
        assertTrue(steps.contains("dwhitfield ran `tcli hab restart builder-api` (ok)"), steps);
        assertFalse(steps.contains("oncall ack"), steps);
        assertTrue(md.contains("| Action | Owner | Due |"), md);

        // what the services received
        var calls = rec.all();
        var incidentGet = calls.stream().filter(c -> c.method().equals("GET") && c.path().endsWith("/incidents/" + id)).findFirst();
        assertTrue(incidentGet.isPresent(), calls.toString());
        assertEquals("Token token=sandbox-pd-user-key1", incidentGet.get().requestHeader("Authorization"));
        assertEquals("application/vnd.pagerduty+json;version=2", incidentGet.get().requestHeader("Accept"));
        assertTrue(calls.stream().anyMatch(c -> c.path().endsWith("/incidents/" + id + "/log_entries") && c.rawQuery().contains("limit=100")));
        assertTrue(calls.stream().allMatch(c -> c.method().equals("GET")), "read-only");
        assertEquals(List.of(new StatuspageStub.Request("GET", "/v1/pages/pg-habitat/incidents/sp1", "OAuth " + StatuspageStub.TOKEN)),
                statuspage.received);
    }

    /** The same merge against the sandbox's own Statuspage emulator: its open incident matches PagerDuty's open one. */
    @Test
    void timelineWithTheSandboxStatuspage() throws Exception {
        // seeds both emulators' state (an unknown status page incident is exit 5)
        var first = t.run("--profile", "sandbox", "postmortem", "new", "--incident", "1042", "--status-incident", "none",
                "--out", tmp.resolve("warmup.md").toString());
        assertEquals(5, first.exit(), first.toString());
        JsonNode pdIncidents = JSON.readTree(t.stateDir().resolve("sandbox/pagerduty.json").toFile()).path("incidents");
        JsonNode pd = pdIncidents.get(pdIncidents.size() - 1);
        assertTrue(pd.path("title").asText().startsWith("builder-api: 5xx"), pd.toString());
        JsonNode spIncidents = JSON.readTree(t.stateDir().resolve("sandbox/statuspage.json").toFile()).path("incidents");
        JsonNode sp = null;
        for (JsonNode i : spIncidents) {
            if (!i.path("status").asText().equals("resolved")) {
                sp = i;
            }
        }
        assertNotNull(sp, "the seed has an open status page incident");
        Instant spCreated = Instant.parse(sp.path("created_at").asText());
        Files.writeString(t.stateDir().resolve("journal.jsonl"),
                journalLine(spCreated.plusSeconds(2), "sandbox", "status", "incident create", sp.path("id").asText(), "{}")
                + journalLine(spCreated.plusSeconds(60), "sandbox", "hab", "restart", "builder-api", "{}"));

        Path out = tmp.resolve("sandbox-pm.md");
        var r = t.run("--profile", "sandbox", "postmortem", "new", "--incident", pd.path("id").asText(),
                "--status-incident", sp.path("id").asText(), "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        String md = Files.readString(out);
        List<String[]> rows = timelineRows(md);
        List<String> sources = rows.stream().map(c -> c[1]).toList();
        assertEquals(List.of("PagerDuty", "PagerDuty", "Statuspage", "tcli"), sources, md);
        assertTrue(rows.get(2)[3].startsWith("Status page investigating: \u201cWe are investigating elevated error rates"), rows.get(2)[3]);
        assertTrue(rows.get(2)[3].endsWith("[API \u2192 degraded_performance] (via tcli)"), rows.get(2)[3]);
        assertEquals("dwhitfield", rows.get(2)[2]);
        assertTrue(rows.get(3)[3].contains("hab restart builder-api"), rows.get(3)[3]);
        assertTrue(md.contains("Resolved: not yet (the incident is still triggered)"), md);
        assertTrue(md.contains("| Status page incident | Elevated error rates on the Builder API"), md);
        var calls = rec.all();
        String spPath = "/incidents/" + sp.path("id").asText();
        assertTrue(calls.stream().anyMatch(c -> c.service().equals("statuspage") && c.path().endsWith(spPath)
                && "OAuth sandbox-statuspage-token".equals(c.requestHeader("Authorization"))), calls.toString());
    }

    static int indexOf(List<String[]> rows, String what) {
        for (int k = 0; k < rows.size(); k++) {
            if (rows.get(k)[3].contains(what)) {
                return k;
            }
        }
        throw new AssertionError("no row with " + what);
    }


    @Test
    void defaultNameInTheSandboxStateDirAndJsonShape() throws Exception {
        JsonNode inc = resolvedWithNote();
        Path cwd = Files.createDirectories(tmp.resolve("cwd"));
        t.env("PWD", cwd.toString());
        var r = pm("--incident", inc.path("number").asText(), "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = r.json();
        String date = Instant.parse(inc.path("created_at").asText()).atZone(ZoneOffset.UTC).toLocalDate().toString();
        String slug = inc.path("title").asText().toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        // the sandbox writes nothing outside tcli's state dir: its drafts go there, not to the working directory
        Path expected = t.stateDir().resolve("sandbox/postmortems").resolve("postmortem-" + date + "-" + (slug.length() > 48 ? slug.substring(0, 48).replaceAll("-[^-]*$", "") : slug) + ".md");
        assertEquals(expected.toString(), j.path("path").asText());
        assertTrue(Files.exists(expected));
        try (var files = Files.list(cwd)) {
            assertEquals(0, files.count());
        }
        assertEquals(inc.path("id").asText(), j.path("incident").asText());
        JsonNode first = j.path("timeline").get(0);
        assertNotNull(first);
        assertEquals("PagerDuty", first.path("source").asText());
        assertTrue(first.has("at") && first.has("who") && first.has("what"), first.toString());
        // the leader defaults to whoever acknowledged first
        assertTrue(j.path("leader").asText().contains("first to acknowledge"), j.toString());
    }

    @Test
    void neverOverwritesWithoutForce() throws Exception {
        String id = resolvedWithNote().path("id").asText();
        Path out = tmp.resolve("existing.md");
        Files.writeString(out, "our notes from the call\n");
        var r = pm("--incident", id, "--out", out.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("--force") && r.stderr().contains("already exists"), r.stderr());
        assertEquals("our notes from the call\n", Files.readString(out));

        r = pm("--incident", id, "--out", out.toString(), "--force");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(Files.readString(out).startsWith("# Postmortem: "));
    }

    @Test
    void dryRunPrintsTheDraftAndWritesNothing() throws Exception {
        String id = resolvedWithNote().path("id").asText();
        Path out = tmp.resolve("dry.md");
        var r = pm("--incident", id, "--out", out.toString(), "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().startsWith("# Postmortem: "), r.stdout());
        assertFalse(Files.exists(out));
    }

    @Test
    void unknownIncidentIsNotFound() throws Exception {
        seededIncidents();
        var r = pm("--incident", "QNOSUCHSBX", "--out", tmp.resolve("x.md").toString());
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.stderr().contains("no PagerDuty incident QNOSUCHSBX"), r.stderr());
        assertFalse(Files.exists(tmp.resolve("x.md")));
    }

    @Test
    void unknownStatusIncidentIsNotFound() throws Exception {
        String id = resolvedWithNote().path("id").asText();
        var r = pm("--incident", id, "--status-incident", "nope", "--out", tmp.resolve("x.md").toString());
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.stderr().contains("no Statuspage incident nope on page pg-habitat"), r.stderr());
    }

    @Test
    void rejectedTokenIsExit4() {
        var r = t.run("--profile", "badtoken", "postmortem", "new", "--incident", "1042", "--out", tmp.resolve("x.md").toString());
        assertEquals(4, r.exit(), r.toString());
        assertFalse(r.stderr().contains("not-the-token"), "never print the secret");
        var calls = rec.all();
        assertTrue(calls.stream().anyMatch(c -> "Token token=not-the-token".equals(c.requestHeader("Authorization")) && c.status() == 401));
    }

    @Test
    void serverErrorsAfterRetriesAreExit6() throws Exception {
        seededIncidents();
        Faults.add(t.stateDir().resolve("sandbox"), Faults.Fault.of("pagerduty", "500", 3));
        var r = pm("--incident", "1042", "--out", tmp.resolve("x.md").toString());
        assertEquals(6, r.exit(), r.toString());
    }

    /** Splunk On-Call: transitions of an open incident (with a note), the sandbox status page and the journal, merged. */
    @Test
    void splunkOnCallTransitionsMergeWithStatuspageAndTheJournal() throws Exception {
        // seeds the Splunk On-Call and Statuspage emulators' state (unknown ids are exit 5)
        assertEquals(5, t.run("--profile", "vo", "postmortem", "new", "--incident", "999999", "--out", tmp.resolve("w.md").toString()).exit());
        assertEquals(5, t.run("--profile", "vo", "postmortem", "new", "--incident", "1042", "--status-incident", "none",
                "--out", tmp.resolve("w.md").toString()).exit());
        JsonNode vo = null;
        for (JsonNode i : JSON.readTree(t.stateDir().resolve("sandbox/victorops.json").toFile()).path("incidents")) {
            if (i.path("currentPhase").asText().equals("ACKED")) {
                vo = i;
            }
        }
        assertNotNull(vo, "the seed has an acknowledged Splunk On-Call incident");
        String number = vo.path("incidentNumber").asText();
        Instant started = Instant.parse(vo.path("startTime").asText());
        Instant acked = Instant.parse(vo.path("ackTime").asText());
        JsonNode sp = null;
        for (JsonNode i : JSON.readTree(t.stateDir().resolve("sandbox/statuspage.json").toFile()).path("incidents")) {
            if (!i.path("status").asText().equals("resolved")) {
                sp = i;
            }
        }
        assertNotNull(sp);
        Files.writeString(t.stateDir().resolve("journal.jsonl"),
                journalLine(acked.plusSeconds(1), "vo", "oncall", "ack", number, "{}")
                + journalLine(started.plusSeconds(90), "vo", "hab", "restart", "builder-api", "{}")
                + journalLine(started.plusSeconds(95), "fast", "hab", "restart", "other-profile", "{}"));
        Path out = tmp.resolve("vo-pm.md");
        var r = t.run("--profile", "vo", "postmortem", "new", "--incident", number, "--status-incident", sp.path("id").asText(),
                "--out", out.toString(), "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        String md = Files.readString(out);
        List<String[]> rows = timelineRows(md);
        List<String> sources = rows.stream().map(c -> c[1]).distinct().sorted().toList();
        assertEquals(List.of("Splunk On-Call", "Statuspage", "tcli"), sources, md);
        List<String> times = rows.stream().map(c -> c[0]).toList();
        assertEquals(times.stream().sorted().toList(), times, "in time order");
        assertTrue(rows.get(0)[3].startsWith("Triggered"), rows.get(0)[3]);
        String ack = rows.get(indexOf(rows, "Acknowledged by"))[3];
        assertTrue(ack.endsWith("(via tcli)"), ack);
        assertTrue(md.contains("hab restart builder-api") && !md.contains("other-profile"), md);
        assertTrue(md.contains("time to acknowledge"), md);
        assertTrue(md.contains(" Splunk On-Call log entries"), md);
        if (vo.path("transitions").toString().contains("chat")) {
            assertTrue(md.contains("Note added by"), md);
        }
        assertEquals(number, r.json().path("incident").asText());
        var calls = rec.all();
        assertTrue(calls.stream().anyMatch(c -> c.service().equals("victorops") && c.path().equals("/api-public/v1/incidents")
                && "sandbox-vo-api-key".equals(c.requestHeader("X-VO-Api-Key"))), calls.toString());
        rec.clear();

        // an old resolved incident comes from the reporting API: trigger, ack and resolve times
        JsonNode old = null;
        for (JsonNode i : JSON.readTree(t.stateDir().resolve("sandbox/victorops.json").toFile()).path("incidents")) {
            if (i.path("currentPhase").asText().equals("RESOLVED") && i.hasNonNull("ackTime")
                    && Instant.parse(i.path("endTime").asText()).isBefore(Instant.now().minusSeconds(3 * 86400))) {
                old = i;
                break;
            }
        }
        assertNotNull(old);
        var o = t.run("--profile", "vo", "postmortem", "new", "--incident", old.path("incidentNumber").asText(),
                "--out", tmp.resolve("old.md").toString());
        assertEquals(0, o.exit(), o.toString());
        String oldMd = Files.readString(tmp.resolve("old.md"));
        assertTrue(oldMd.contains("duration from trigger to resolve"), oldMd);
        assertEquals(5, t.run("--profile", "vo", "postmortem", "new", "--incident", "999999", "--out", tmp.resolve("n.md").toString()).exit());
        assertEquals(5, t.run("--profile", "vo", "postmortem", "new", "--incident", "Q1ABC", "--out", tmp.resolve("n.md").toString()).exit());
    }

    @Test
    void incidentIsRequired() {
        var r = t.run("--profile", "fast", "postmortem", "new");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("--incident"), r.stderr());
    }
}
