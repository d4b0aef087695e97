package dev.tcli.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebCommandsTest {
    static final String TEAM = """
            [web]
            live-api = "https://dashboards.example.com/live-api?from=now-1h&to=now"
            live-db = "https://dashboards.example.com/live-db"
            grafana = { url = "https://grafana.example.com", description = "all dashboards" }
            runbook = "https://wiki.example.com/oncall/runbook"
            """;

    @TempDir
    Path tmp;
    TcliHarness t;
    Path bin;
    Path record;

    @BeforeEach
    void setUp() throws Exception {
        t = new TcliHarness(tmp);
        t.config("default_profile = \"live\"\n[team]\nrepo = \"~/team\"\n[profiles.live.pagerduty]\nemail = \"x@example.com\"\n");
        t.writeFile(t.home().resolve("team/tcli-team.toml"), TEAM, "rw-r--r--");
        bin = tmp.resolve("bin");
        record = tmp.resolve("argv.txt");
        fake("xdg-open", 0);
        t.env("PATH", bin + ":/usr/bin:/bin").env("DISPLAY", ":0").env("BROWSER", null).env("WAYLAND_DISPLAY", null);
    }

    /** An opener that records its argv, one word a line, and exits with {@code code}. */
    private void fake(String name, int code) {
        t.writeFile(bin.resolve(name), "#!/bin/sh\necho \"$0\" > '" + record + "'\nfor a in \"$@\"; do echo \"$a\" >> '" + record
                + "'; done\nexit " + code + "\n", "rwxr-xr-x");
    }

    private List<String> recorded() throws Exception {
        return Files.readAllLines(record);
    }

    @Test
    void listGivesNameAndUrl() {
        var r = t.run("web", "list", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = r.json();
        assertEquals(4, j.size());
        assertEquals("live-api", j.get(0).get("name").asText());
        assertEquals("https://dashboards.example.com/live-api?from=now-1h&to=now", j.get(0).get("url").asText());
        assertEquals("https://grafana.example.com", j.get(2).get("url").asText());
        assertEquals(2, j.get(0).size(), "exactly {name, url}");
        var table = t.run("web", "list");
        assertTrue(table.stdout().startsWith("NAME"), table.toString());
        assertTrue(table.stdout().contains("runbook   https://wiki.example.com/oncall/runbook"), table.toString());
    }

    @Test
    void openRunsXdgOpenWithTheUrlAsOneArgument() throws Exception {
        var r = t.run("web", "open", "live-api");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of(bin.resolve("xdg-open").toString(), "https://dashboards.example.com/live-api?from=now-1h&to=now"), recorded());
        assertEquals("", r.stdout());
        assertTrue(r.stderr().contains("opened live-api"), r.toString());
    }

    @Test
    void prefixSubstringAndCaseInsensitiveMatches() throws Exception {
        assertEquals(0, t.run("web", "open", "graf").exit());
        assertEquals("https://grafana.example.com", recorded().get(1));
        assertEquals(0, t.run("web", "open", "BOOK").exit());
        assertEquals("https://wiki.example.com/oncall/runbook", recorded().get(1));
        assertEquals(0, t.run("web", "open", "Live-DB").exit());
        assertEquals("https://dashboards.example.com/live-db", recorded().get(1));
    }

    @Test
    void ambiguousPrefixListsTheCandidates() {
        var r = t.run("web", "open", "live");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("'live' matches several bookmarks: live-api, live-db"), r.toString());
        assertFalse(Files.exists(record));
    }

    @Test
    void aTypoGetsDidYouMean() {
        var r = t.run("web", "open", "grafnaa");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.stderr().contains("no bookmark 'grafnaa'"), r.toString());
        assertTrue(r.stderr().contains("did you mean grafana?"), r.toString());
        var far = t.run("web", "open", "kibana-prod");
        assertEquals(5, far.exit(), far.toString());
        assertFalse(far.stderr().contains("did you mean"), far.toString());
        assertFalse(Files.exists(record));
    }

    @Test
    void browserVariableWinsAndTakesPercentS() throws Exception {
        fake("my-browser", 0);
        t.env("BROWSER", "not-installed:my-browser --new-tab %s");
        var r = t.run("web", "open", "runbook");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of(bin.resolve("my-browser").toString(), "--new-tab", "https://wiki.example.com/oncall/runbook"), recorded());
    }

    @Test
    void theProfileSettingWinsOverBrowser() throws Exception {
        fake("team-browser", 0);
        t.env("BROWSER", "xdg-open");
        t.config("default_profile = \"live\"\n[team]\nrepo = \"~/team\"\n[profiles.live.web]\nopener = \"team-browser\"\n");
        assertEquals(0, t.run("web", "open", "runbook").exit());
        assertEquals(bin.resolve("team-browser").toString(), recorded().get(0));
    }

    @Test
    void withoutADisplayTheUrlIsPrinted() {
        t.env("DISPLAY", null);
        var r = t.run("web", "open", "live-db");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("https://dashboards.example.com/live-db\n", r.stdout());
        assertTrue(r.stderr().contains("no display"), r.toString());
        // the note comes first and points down at the URL (stderr before stdout on a terminal)
        assertTrue(r.stderr().strip().endsWith("; open it yourself:"), r.toString());
        assertFalse(Files.exists(record));
        var j = t.run("web", "open", "live-db", "-o", "json");
        assertFalse(j.json().get("opened").asBoolean());
        assertEquals("https://dashboards.example.com/live-db", j.json().get("url").asText());
    }

    @Test
    void withoutAnOpenerTheUrlIsPrinted() throws Exception {
        Files.delete(bin.resolve("xdg-open"));
        t.env("PATH", bin.toString()).env("WAYLAND_DISPLAY", "wayland-0").env("DISPLAY", null);
        var r = t.run("web", "open", "live-db");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("https://dashboards.example.com/live-db\n", r.stdout());
        assertTrue(r.stderr().contains("xdg-open (the platform opener) is not installed"), r.toString());
    }

    @Test
    void aFailingOpenerIsExitOneAndStillGivesTheUrl() {
        fake("xdg-open", 4);
        var r = t.run("web", "open", "live-db");
        assertEquals(1, r.exit(), r.toString());
        assertEquals("https://dashboards.example.com/live-db\n", r.stdout());
        assertTrue(r.stderr().contains("failed (exit 4)"), r.toString());
    }

    @Test
    void noTeamFileIsAConfigError() {
        var none = new TcliHarness(tmp.resolve("other"));
        none.config("default_profile = \"live\"\n[profiles.live.web]\nopener = \"x\"\n");
        var r = none.run("web", "list");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("[team] repo"), r.toString());
    }

    @Test
    void badUsage() {
        assertEquals(2, t.run("web", "open").exit());
        assertEquals(2, t.run("web", "list", "--bogus").exit());
    }
}
