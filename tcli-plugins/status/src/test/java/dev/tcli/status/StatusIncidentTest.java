package dev.tcli.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Incidents on the public page: list, show, create, update, resolve, templates, the reminder; what Statuspage received. */
class StatusIncidentTest extends StatusTestBase {

    @Test
    void listShowsTheSeededHistoryAndUnresolvedOnlyTheOpenOne() {
        JsonNode all = ok("incident", "list", "-o", "json").json();
        assertTrue(all.size() > 1, all.toString());
        for (String f : List.of("id", "name", "status", "impact", "components", "created_at")) {
            assertTrue(all.get(0).has(f), f + " missing in " + all.get(0));
        }
        String open = openIncident();
        JsonNode shown = ok("incident", "show", open, "-o", "json").json();
        assertEquals("Elevated error rates on the Builder API", shown.path("name").asText());
        assertEquals(List.of("API"), List.of(shown.path("components").get(0).asText()));
        assertTrue(shown.path("updates").size() >= 1, shown.toString());
        var unresolved = received(r -> r.path().endsWith("/incidents/unresolved"));
        assertEquals("OAuth " + TOKEN, unresolved.get(0).requestHeader("Authorization"));
        var table = ok("incident", "list", "--unresolved");
        assertTrue(table.stdout().contains("investigating"), table.stdout());
        assertEquals(5, status("incident", "show", "nosuchincident").exit());
    }

    /** Issue 14 section 3: an incident id with path characters reaches Statuspage as one encoded segment, or not at all. */
    @Test
    void anIdWithPathCharactersNeverWalksThePagesPaths() {
        for (String id : List.of("../components", "../../pages", "x?status=resolved", "x#y", "a/b", "%2e%2e", "..%2fcomponents")) {
            for (String[] verb : List.of(new String[] {"incident", "show", id}, new String[] {"incident", "update", id, "--message", "m", "--yes"},
                    new String[] {"incident", "resolve", id, "--yes"})) {
                var r = status(verb);
                assertEquals(5, r.exit(), id + " " + String.join(" ", verb) + ": " + r);
                assertEquals(1, r.stderr().lines().filter(l -> !l.contains("SANDBOX")).count(), r.stderr());
            }
        }
        for (String id : List.of("..", ".")) {
            var r = status("incident", "show", id);
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.stderr().contains("is not an id"), r.stderr());
        }
        var all = received(r -> true);
        assertFalse(all.isEmpty());
        for (var r : all) {
            assertTrue(r.path().matches("/v1/pages/" + PAGE + "/incidents/[^/]+") && r.rawQuery() == null
                    || r.path().equals("/v1/pages/" + PAGE + "/components"), "walked or injected: " + r.method() + " " + r.path() + "?" + r.rawQuery());
        }
        assertTrue(writes().isEmpty(), "nothing was changed");
    }

    /** Issue 14 section 2: an incident name with escape sequences, as an integration could write it, never drives the terminal. */
    @Test
    void escapeSequencesInAnIncidentNameAreShownEscapedInTableAndCsvAndExactInJson() {
        String name = "\u001b]0;pwned\u0007Builds \u001b[2Jfailing\rAll good \u009b31m";
        ok("incident", "create", "--name", name, "--message", "m", "--no-notify", "--yes");
        for (String format : List.of("table", "csv")) {
            var r = ok("incident", "list", "--unresolved", "-o", format);
            assertFalse(r.stdout().chars().anyMatch(c -> c == 0x1b || c == '\r' || c == 0x07 || c == 0x9b), format + ": " + r.stdout());
            assertTrue(r.stdout().contains("\\x1b]0;pwned\\x07Builds \\x1b[2Jfailing\\rAll good \\x9b31m"), r.stdout());
        }
        String id = ok("incident", "list", "--unresolved", "-o", "json").json().get(0).path("id").asText();
        var shown = ok("incident", "show", id);
        assertFalse(shown.stdout().contains("\u001b"), shown.stdout());
        assertEquals(name, ok("incident", "show", id, "-o", "json").json().path("name").asText());
        assertEquals(name, ok("incident", "list", "--unresolved", "-o", "jsonl").stdout().lines()
                .map(l -> { try { return JSON.readTree(l).path("name").asText(); } catch (Exception e) { throw new AssertionError(e); } })
                .filter(n -> n.contains("pwned")).findFirst().orElseThrow());
    }

    @Test
    void templatesListsThePagesTemplates() {
        JsonNode t = ok("templates", "-o", "json").json();
        assertEquals(5, t.size(), t.toString());
        assertTrue(t.toString().contains("Builds delayed") && t.toString().contains("Build Workers"), t.toString());
    }

    @Test
    void createResolvesComponentNamesToIdsAndSendsTheMap() {
        String api = componentId("API");
        String workers = componentId("Build Workers");
        var r = ok("incident", "create", "--name", "Builds failing", "--component", "build workers=major", "--component", "api=degraded",
                "--message", "We are looking into failing builds.", "--impact", "critical", "--no-notify", "--yes", "-o", "json");
        JsonNode created = r.json();
        assertEquals("Builds failing", created.path("name").asText());
        var post = writes().get(0);
        assertEquals("POST", post.method());
        assertTrue(post.path().endsWith("/pages/" + PAGE + "/incidents"), post.path());
        JsonNode inc = post.requestJson().path("incident");
        assertEquals("investigating", inc.path("status").asText());
        assertEquals("We are looking into failing builds.", inc.path("body").asText());
        assertEquals("critical", inc.path("impact_override").asText());
        assertFalse(inc.path("deliver_notifications").asBoolean(true));
        assertEquals("major_outage", inc.path("components").path(workers).asText());
        assertEquals("degraded_performance", inc.path("components").path(api).asText());
        assertEquals(2, inc.path("component_ids").size());
        // the page now shows it
        JsonNode comps = components();
        for (JsonNode c : comps) {
            if (c.path("name").asText().equals("Build Workers")) {
                assertEquals("major_outage", c.path("status").asText());
            }
        }
        JsonNode j = journal().get(journal().size() - 1);
        assertEquals("incident create", j.path("verb").asText());
        assertEquals(created.path("id").asText(), j.path("target").asText());
    }

    @Test
    void templateFillsNameBodyStatusAndComponents() {
        ok("incident", "create", "--template", "builds DELAYED", "--yes");
        JsonNode inc = writes().get(0).requestJson().path("incident");
        assertEquals("Builds are delayed", inc.path("name").asText());
        assertTrue(inc.path("body").asText().startsWith("Builds are taking longer"), inc.toString());
        assertEquals("investigating", inc.path("status").asText());
        assertEquals(List.of(componentId("Build Workers")), List.of(inc.path("component_ids").get(0).asText()));
        // an explicit --name / --message wins over the template
        ok("incident", "create", "--template", "Builds delayed", "--name", "Builds stuck", "--message", "Own words.", "--yes");
        JsonNode second = writes().get(1).requestJson().path("incident");
        assertEquals("Builds stuck", second.path("name").asText());
        assertEquals("Own words.", second.path("body").asText());
        assertEquals(5, status("incident", "create", "--template", "nope", "--yes").exit());
    }

    @Test
    void messageDashReadsStdin() {
        t.stdin("Builds are delayed by up to an hour.\n");
        ok("incident", "create", "--name", "Builds delayed", "--message", "-", "--yes");
        assertEquals("Builds are delayed by up to an hour.", writes().get(0).requestJson().path("incident").path("body").asText());
        t.stdin("   \n");
        var empty = status("incident", "create", "--name", "Builds delayed", "--message", "-", "--yes");
        assertEquals(2, empty.exit(), empty.toString());
        assertEquals(1, writes().size(), "nothing posted");
    }

    @Test
    void messageDashOnATerminalOpensTheEditor() throws Exception {
        Path editor = tmp.resolve("fake-editor");
        Path seen = tmp.resolve("seen-by-editor");
        // keeps what tcli put in the file (the template) and writes the message above it, as a person would
        Files.writeString(editor, "#!/bin/sh\ncp \"$1\" '" + seen + "'\n{ printf 'The API is slow from the editor.'; cat '" + seen
                + "'; } > \"$1\"\n");
        Files.setPosixFilePermissions(editor, PosixFilePermissions.fromString("rwx------"));
        t.env("EDITOR", editor.toString()).env("VISUAL", null).tty(true, true).stdin("y\n");
        var r = status("incident", "create", "--name", "API slow", "--message", "-");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stderr().contains("[y/N]"), "asked first on a terminal: " + r.stderr());
        assertEquals("The API is slow from the editor.", writes().get(0).requestJson().path("incident").path("body").asText());
        assertTrue(Files.readString(seen).startsWith("\n# The message for the public status page"), Files.readString(seen));
    }

    @Test
    void outwardFacingPostsAskOnATerminalNeedYesOtherwise() {
        var piped = status("incident", "create", "--name", "Builds delayed");
        assertEquals(2, piped.exit(), piped.toString());
        assertTrue(piped.stderr().contains("--yes"), piped.stderr());
        t.tty(true, true).stdin("n\n");
        var declined = status("incident", "create", "--name", "Builds delayed");
        assertEquals(1, declined.exit(), declined.toString());
        assertTrue(declined.stderr().contains("public status page"), declined.stderr());
        assertEquals(0, writes().size(), "nothing posted");
    }

    @Test
    void dryRunPrintsTheExactBodyAndPostsNothing() throws Exception {
        String api = componentId("API");
        var r = ok("--dry-run", "incident", "create", "--name", "API errors", "--component", "API=partial", "--message", "Looking.");
        String out = r.stdout();
        assertTrue(out.contains("DRY RUN, not sent: POST ") && out.contains("/pages/" + PAGE + "/incidents"), out);
        assertTrue(out.contains("Authorization: ****"), out);
        assertFalse(out.contains(TOKEN), out);
        String json = out.substring(out.indexOf('{'), out.lastIndexOf('}') + 1);
        JsonNode inc = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(json).path("incident");
        assertEquals("API errors", inc.path("name").asText());
        assertEquals("partial_outage", inc.path("components").path(api).asText());
        assertEquals("Looking.", inc.path("body").asText());
        assertEquals(0, writes().size());
        assertEquals(0, journal().size(), "a dry run journals nothing");
    }

    @Test
    void updatePostsStatusMessageAndComponents() {
        String open = openIncident();
        ok("incident", "update", open, "--status", "identified", "--message", "A bad deploy; rolling back.", "--component", "API=major", "--yes");
        var patch = writes().get(0);
        assertEquals("PATCH", patch.method());
        assertTrue(patch.path().endsWith("/incidents/" + open), patch.path());
        JsonNode inc = patch.requestJson().path("incident");
        assertEquals("identified", inc.path("status").asText());
        assertEquals("A bad deploy; rolling back.", inc.path("body").asText());
        assertEquals("major_outage", inc.path("components").path(componentId("API")).asText());
        assertEquals(2, status("incident", "update", open, "--status", "fixed", "--message", "x", "--yes").exit());
        assertEquals(2, status("incident", "update", open, "--status", "identified", "--message", "x", "--component", "API=broken", "--yes").exit());
        assertEquals(5, status("incident", "update", open, "--status", "identified", "--message", "x", "--component", "Nope=major", "--yes").exit());
    }

    @Test
    void resolvePutsTheAffectedComponentsBackToOperational() {
        String open = openIncident();
        String api = componentId("API");
        ok("incident", "resolve", open, "--yes");
        JsonNode inc = writes().get(0).requestJson().path("incident");
        assertEquals("resolved", inc.path("status").asText());
        assertEquals("operational", inc.path("components").path(api).asText(), inc.toString());
        for (JsonNode c : components()) {
            assertEquals("operational", c.path("status").asText(), c.toString());
        }
        assertEquals(0, ok("incident", "list", "--unresolved", "-o", "json").json().size());
        var again = ok("incident", "resolve", open, "--yes");
        assertTrue(again.stderr().contains("already resolved"), again.stderr());
        assertEquals(1, writes().size(), "nothing posted the second time");
    }

    @Test
    void resolveKeepComponentsLeavesThemAlone() {
        String open = openIncident();
        ok("incident", "resolve", open, "--keep-components", "--message", "Resolved; API still degraded while we watch it.", "--yes");
        JsonNode inc = writes().get(0).requestJson().path("incident");
        assertFalse(inc.has("components"), inc.toString());
        assertEquals("Resolved; API still degraded while we watch it.", inc.path("body").asText());
        for (JsonNode c : components()) {
            if (c.path("name").asText().equals("API")) {
                assertEquals("degraded_performance", c.path("status").asText());
            }
        }
    }

    @Test
    void resolvingTheLastOnCallIncidentRemindsAboutTheStatusPage() {
        // the real oncall module publishes oncall.resolved; this module's listener answers it
        var open = t.run("--profile", "fast", "oncall", "incidents", "-o", "json");
        assertEquals(0, open.exit(), open.toString());
        List<String> numbers = new java.util.ArrayList<>();
        open.json().forEach(i -> numbers.add(i.path("number").asText()));
        assertTrue(numbers.size() > 1);
        List<String> args = new java.util.ArrayList<>(List.of("--profile", "fast", "oncall", "resolve"));
        args.add(numbers.get(0));
        args.add("--yes");
        var first = t.run(args.toArray(String[]::new));
        assertEquals(0, first.exit(), first.toString());
        assertFalse(first.stderr().contains("status page still shows"), "others are still open: " + first.stderr());

        args = new java.util.ArrayList<>(List.of("--profile", "fast", "oncall", "resolve"));
        args.addAll(numbers.subList(1, numbers.size()));
        args.add("--yes");
        var last = t.run(args.toArray(String[]::new));
        assertEquals(0, last.exit(), last.toString());
        String openId = openIncident();
        assertTrue(last.stderr().contains("the status page still shows \"Elevated error rates on the Builder API\""), last.stderr());
        assertTrue(last.stderr().contains("tcli status incident resolve " + openId), last.stderr());

        // once the page is resolved too, no reminder
        ok("incident", "resolve", openId, "--yes");
        var fixture = t.run("--profile", "fast", "publish-fixture", "0");
        assertEquals(0, fixture.exit(), fixture.toString());
        assertFalse(fixture.stderr().contains("status page still shows"), fixture.stderr());
    }
}
