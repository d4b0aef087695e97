package dev.tcli.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.sandbox.Faults;
import dev.tcli.spi.EventListener;
import dev.tcli.spi.ModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** resolve, reassign, note, snooze, responders, escalate, who, schedule, override, trigger against the PagerDuty emulator. */
class PagerDutyVerbsTest extends OncallTestBase {

    /** Registered in test META-INF/services: records what resolve publishes. */
    public static final class Listener implements EventListener {
        static final List<Map<String, Object>> EVENTS = new ArrayList<>();

        @Override
        public void on(String event, Map<String, Object> data, ModuleContext ctx) {
            if (event.equals("oncall.resolved")) {
                EVENTS.add(data);
            }
        }
    }

    String acknowledged() {
        for (JsonNode i : openIncidents()) {
            if (i.path("status").asText().equals("acknowledged")) {
                return i.path("number").asText();
            }
        }
        throw new AssertionError("no acknowledged incident in the seed");
    }

    @Test
    void resolveSendsResolutionJournalsAndPublishes() {
        Listener.EVENTS.clear();
        String n = myTriggered();
        var r = run("resolve", n, "--note", "restarted builder-api", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("resolved", r.json().get(0).path("outcome").asText());
        var put = received(x -> x.method().equals("PUT") && x.path().equals("/incidents")).get(0);
        assertEquals("dana.whitfield@example.com", put.requestHeader("From"));
        JsonNode item = put.requestJson().path("incidents").get(0);
        assertEquals("resolved", item.path("status").asText());
        assertEquals("restarted builder-api", item.path("resolution").asText());
        assertEquals(1, Listener.EVENTS.size());
        assertEquals(2, Listener.EVENTS.get(0).get("open_remaining"));
        assertTrue(read(t.stateDir().resolve("journal.jsonl")).contains("\"verb\":\"resolve\""));
        var again = run("resolve", n);
        assertEquals(0, again.exit(), again.toString());
        assertTrue(again.stderr().contains("already resolved"), again.stderr());
    }

    @Test
    void resolvingSeveralNeedsYesWithoutATerminal() {
        var r = run("resolve", "1042", "1043");
        assertEquals(2, r.exit(), r.toString());
        assertEquals(2, run("resolve").exit(), "an id is required");
    }

    @Test
    void reassignToAPersonAndToAPolicy() {
        String n = acknowledged();
        var r = run("reassign", n, "--to", "priya.natarajan@example.com", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        var put = received(x -> x.method().equals("PUT") && x.path().startsWith("/incidents/")).get(0);
        JsonNode assignee = put.requestJson().path("incident").path("assignments").get(0).path("assignee");
        assertEquals("PPRIY03", assignee.path("id").asText());
        assertEquals("user_reference", assignee.path("type").asText());
        assertEquals("dana.whitfield@example.com", put.requestHeader("From"));
        var ep = run("reassign", n, "--policy", "Builder Escalation");
        assertEquals(0, ep.exit(), ep.toString());
        assertEquals(2, run("reassign", n).exit(), "--to or --policy is required");
        assertEquals(2, run("reassign", n, "--to", "x", "--policy", "y").exit());
        assertEquals(5, run("reassign", n, "--to", "nobody@example.com").exit());
    }

    @Test
    void noteIsPostedWithFrom() {
        var r = run("note", "1042", "checked", "the", "datastore");
        assertEquals(0, r.exit(), r.toString());
        var post = received(x -> x.method().equals("POST") && x.path().endsWith("/notes")).get(0);
        assertEquals("checked the datastore", post.requestJson().path("note").path("content").asText());
        assertEquals("dana.whitfield@example.com", post.requestHeader("From"));
        var show = run("show", "1042", "-o", "json");
        assertTrue(show.stdout().contains("checked the datastore"), show.stdout());
        assertEquals(2, run("note", "1042").exit());
        var dry = run("note", "1042", "hello", "--dry-run");
        assertEquals(0, dry.exit());
        assertTrue(dry.stdout().contains("DRY RUN"));
    }

    @Test
    void snoozeOnlyAcknowledged() {
        var r = run("snooze", acknowledged(), "--for", "1h");
        assertEquals(0, r.exit(), r.toString());
        var post = received(x -> x.path().endsWith("/snooze")).get(0);
        assertEquals(3600, post.requestJson().path("duration").asInt());
        var triggered = run("snooze", myTriggered(), "--for", "1h");
        assertEquals(1, triggered.exit(), triggered.toString());
        assertTrue(triggered.stderr().contains("ack it first"), triggered.stderr());
        assertEquals(2, run("snooze", "1042", "--for", "soon").exit());
        assertEquals(2, run("snooze", "1042").exit());
    }

    @Test
    void respondersAddSendsAResponderRequest() {
        var r = run("responders", "add", myTriggered(), "--user", "Alex Chen", "--user", "kenji.watanabe@example.com", "--message", "join");
        assertEquals(0, r.exit(), r.toString());
        var post = received(x -> x.path().endsWith("/responder_requests")).get(0);
        JsonNode b = post.requestJson();
        assertEquals("PDANA01", b.path("requester_id").asText());
        assertEquals(2, b.path("responder_request_targets").size());
        assertEquals("PALEX02", b.path("responder_request_targets").get(0).path("responder_request_target").path("id").asText());
        assertEquals(2, run("responders", "add", "1042").exit());
    }

    @Test
    void escalateGoesToTheNextLevelThenRefuses() {
        String n = myTriggered();
        var r = run("escalate", n, "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        var put = received(x -> x.method().equals("PUT")).get(0);
        assertEquals(2, put.requestJson().path("incident").path("escalation_level").asInt());
        var again = run("escalate", n);
        assertEquals(1, again.exit(), again.toString());
        assertTrue(again.stderr().contains("level 3"), again.stderr());
        assertEquals(1, run("escalate", "1042").exit(), "resolved");
    }

    @Test
    void whoShowsBothLevelsAndServesTheCacheWhenDown() {
        var r = run("who", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode rows = r.json();
        assertEquals(2, rows.size(), rows.toString());
        assertEquals(1, rows.get(0).path("level").asInt());
        assertEquals("Dana Whitfield", rows.get(0).path("user").asText());
        assertEquals("dana.whitfield@example.com", rows.get(0).path("email").asText());
        assertFalse(rows.get(0).path("stale").asBoolean());
        assertTrue(received(x -> x.path().equals("/oncalls")).get(0).rawQuery().contains("time_zone=UTC"));
        Faults.add(t.stateDir().resolve("sandbox"), Faults.Fault.of("pagerduty", "503", 10));
        var down = run("who", "-o", "json");
        assertEquals(0, down.exit(), down.toString());
        assertTrue(down.json().get(0).path("stale").asBoolean(), down.stdout());
        assertTrue(down.json().get(0).hasNonNull("as_of"), down.stdout());
        assertTrue(down.stderr().contains("STALE"), down.stderr());
        Faults.clear(t.stateDir().resolve("sandbox"));
    }

    @Test
    void whoWithoutCacheWhenDownIsExit6() {
        Faults.add(t.stateDir().resolve("sandbox"), Faults.Fault.of("pagerduty", "503", 10));
        assertEquals(6, run("who").exit());
        Faults.clear(t.stateDir().resolve("sandbox"));
    }

    @Test
    void whoAtATimeAndForASchedule() {
        var r = run("who", "--at", "in 7d", "--schedule", "Builder Primary", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(1, r.json().size());
        assertEquals("Alex Chen", r.json().get(0).path("user").asText());
        assertEquals(5, run("who", "--schedule", "Nope").exit());
        assertEquals(2, run("who", "--at", "whenever").exit());
    }

    @Test
    void scheduleListsShiftsAndWritesIcal() throws Exception {
        var r = run("schedule", "--days", "21", "--ical", "~/oncall.ics", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.json().size() >= 6, r.stdout());
        String ics = Files.readString(t.home().resolve("oncall.ics"));
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics);
        assertTrue(ics.contains("SUMMARY:On call: Builder Primary"), ics);
        assertTrue(ics.contains("DTSTART:"), ics);
        // issue 14 section 5: the user's shifts are private and replaced atomically, never through a planted link
        Path icsFile = t.home().resolve("oncall.ics");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(icsFile)));
        Path victim = t.home().resolve("victim");
        Files.writeString(victim, "precious");
        Files.delete(icsFile);
        Files.createSymbolicLink(icsFile, victim);
        var linked = run("schedule", "--days", "21", "--ical", "~/oncall.ics");
        assertEquals(1, linked.exit(), linked.toString());
        assertTrue(linked.stderr().contains("symbolic link"), linked.stderr());
        assertEquals("precious", Files.readString(victim));
        Files.delete(icsFile);
        // the who-cache: names and emails, 0600 in a 0700 directory
        assertEquals(0, run("who").exit());
        Path cacheDir = t.stateDir().resolve("oncall");
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir)));
        try (var files = Files.list(cacheDir)) {
            for (Path f : files.toList()) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
                assertTrue(!f.getFileName().toString().endsWith(".tmp"), "no temp file left: " + f);
            }
        }
        // the sandbox's state holds the practice team's names too
        try (var files = Files.list(t.stateDir().resolve("sandbox"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f.toString());
            }
        }
        assertEquals(2, run("schedule", "--days", "0").exit());
        Faults.add(t.stateDir().resolve("sandbox"), Faults.Fault.of("pagerduty", "500", 10));
        var down = run("schedule", "--days", "21", "-o", "json");
        assertEquals(0, down.exit(), down.toString());
        assertTrue(down.json().get(0).path("stale").asBoolean());
        Faults.clear(t.stateDir().resolve("sandbox"));
    }

    @Test
    void overrideHandsOffCoverageAndReportsRefusals() {
        var r = run("override", "--schedule", "Builder Primary", "--user", "alex.chen@example.com", "--start", "now", "--end", "in 3h");
        assertEquals(0, r.exit(), r.toString());
        var post = received(x -> x.method().equals("POST") && x.path().endsWith("/overrides")).get(0);
        JsonNode o = post.requestJson().path("overrides").get(0);
        assertEquals("PALEX02", o.path("user").path("id").asText());
        var who = run("who", "--schedule", "Builder Primary", "-o", "json");
        assertEquals("Alex Chen", who.json().get(0).path("user").asText(), who.stdout());
        assertEquals(2, run("override", "--schedule", "Builder Primary", "--user", "me", "--start", "in 2h", "--end", "in 1h").exit());
        assertEquals(2, run("override", "--schedule", "Builder Primary").exit());
    }

    @Test
    void triggerAndResolveEventThroughEventsV2() {
        var r = run("trigger", "--service", "builder-api", "--summary", "queue stuck", "--severity", "critical", "--dedup-key", "q1", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("q1", r.json().path("dedup_key").asText());
        var post = received(x -> x.path().equals("/v2/enqueue")).get(0);
        assertEquals("trigger", post.requestJson().path("event_action").asText());
        assertEquals(32, post.requestJson().path("routing_key").asText().length());
        assertEquals(null, post.requestHeader("Authorization"), "Events v2 carries the key in the body");
        var open = run("incidents", "-o", "json");
        assertTrue(open.stdout().contains("queue stuck"), open.stdout());
        var resolve = run("resolve-event", "--service", "builder-api", "--dedup-key", "q1");
        assertEquals(0, resolve.exit(), resolve.toString());
        assertFalse(run("incidents", "-o", "json").stdout().contains("queue stuck"));
        var dry = run("trigger", "--routing-key-cmd", "echo R0BUILDERAPI00000000000000000001", "--summary", "x", "--dry-run");
        assertEquals(0, dry.exit(), dry.toString());
        assertFalse(dry.stdout().contains("R0BUILDERAPI"), dry.stdout());
        assertEquals(2, run("trigger", "--service", "builder-api", "--summary", "x", "--severity", "bad").exit());
        assertEquals(2, run("trigger", "--routing-key-cmd", "echo short", "--summary", "x").exit(), "the service refuses a bad key: 400");
        assertEquals(2, run("trigger", "--summary", "x").exit(), "no routing key");
        assertEquals(5, run("trigger", "--service", "nope", "--summary", "x").exit());
    }
}
