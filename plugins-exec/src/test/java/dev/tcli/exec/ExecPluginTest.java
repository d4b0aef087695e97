package dev.tcli.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.Await;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exec plugins run through the whole of tcli in-process: the plugin is a real child process,
 * its output is copied into the harness's captured streams.
 */
class ExecPluginTest {
    @TempDir
    Path tmp;
    TcliHarness t;
    Path bin;

    @BeforeEach
    void setUp() {
        t = new TcliHarness(tmp);
        bin = tmp.resolve("bin");
        t.env("PATH", Scripts.path(bin));
    }

    @Test
    void argvArrivesExactlyWithSpacesQuotesAndShellCharacters() {
        Scripts.executable(bin, "tcli-hello", Scripts.PRINT_ARGS);
        var r = t.run("hello", "two words", "it's \"quoted\"", "$HOME", "*", "", "a\\b", "--help", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("[two words]\n[it's \"quoted\"]\n[$HOME]\n[*]\n[]\n[a\\b]\n[--help]\n[-o]\n[json]\n", r.stdout());
    }

    @Test
    void helpAfterThePluginNameIsThePlugins() {
        Scripts.executable(bin, "tcli-hello", "echo \"hello's own help: $*\"\n");
        var r = t.run("hello", "--help");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("hello's own help: --help\n", r.stdout());
        assertFalse(r.stdout().contains("Usage:"), r.toString());
    }

    @Test
    void exitCodePassesThroughUnchanged() {
        Scripts.executable(bin, "tcli-hello", "echo 'about to fail' >&2\nexit 7\n");
        var r = t.run("hello");
        assertEquals(7, r.exit(), r.toString());
        assertEquals("about to fail\n", r.stderr());
        Scripts.executable(bin, "tcli-hello", "exit 0\n");
        assertEquals(0, t.run("hello").exit());
    }

    @Test
    void environmentTellsThePluginWhereItIsAndCarriesNoSecrets() throws Exception {
        Path team = Files.createDirectories(tmp.resolve("team"));
        t.config("default_profile = \"acceptance\"\n[team]\nrepo = \"" + team + "\"\n[profiles.live.pagerduty]\ntoken = \"literal\"\n");
        t.env("TCLI_PAGERDUTY_TOKEN", "s3cret-pd")
                .env("TCLI_SUMOLOGIC_ACCESS_KEY", "s3cret-sumo")
                .env("TCLI_VICTOROPS_API_KEY", "s3cret-vo")
                .env("TCLI_STATUSPAGE_TOKEN", "s3cret-sp")
                .env("TCLI_WIKI_PASSWORD", "s3cret-wiki")
                .env("TCLI_OUTPUT", "csv") // stale, from an outer tcli: replaced
                .env("TCLI_TTY", "111")
                .env("PLAIN_VAR", "kept");
        Scripts.executable(bin, "tcli-hello", Scripts.PRINT_ENV);
        var r = t.run("--profile", "live", "-o", "json", "hello", "x");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("PLAIN_VAR=kept\n"
                + "TCLI_CONFIG=" + t.configFile() + "\n"
                + "TCLI_OUTPUT=json\n"
                + "TCLI_PROFILE=live\n"
                + "TCLI_TEAM_DIR=" + team + "\n"
                + "TCLI_VERSION=" + dev.tcli.core.Tcli.version() + "\n", r.stdout());
        assertFalse(r.stdout().contains("s3cret") || r.stderr().contains("s3cret"), r.toString());
    }

    @Test
    void profileComesFromTheConfigDefaultOrTheEnvironment() {
        Scripts.executable(bin, "tcli-hello", "echo \"profile=$TCLI_PROFILE output=$TCLI_OUTPUT\"\n");
        t.config("default_profile = \"acceptance\"\n");
        assertEquals("profile=acceptance output=table\n", t.run("hello").stdout());
        t.env("TCLI_PROFILE", "staging");
        assertEquals("profile=staging output=table\n", t.run("hello").stdout());
        assertEquals("profile=live output=csv\n", t.run("--profile", "live", "--output", "csv", "hello").stdout());
    }

    @Test
    void globalOptionsAreHandedOnSoAPluginCanHonourThem() {
        Scripts.executable(bin, "tcli-hello", "echo \"dry=$TCLI_DRY_RUN yes=$TCLI_YES quiet=$TCLI_QUIET v=$TCLI_VERBOSITY\"\n");
        assertEquals("dry= yes= quiet= v=\n", t.run("hello").stdout());
        assertEquals("dry=1 yes=1 quiet= v=2\n", t.run("--dry-run", "--yes", "-vv", "hello").stdout());
        // after the plugin's name they are the plugin's own arguments
        assertEquals("dry= yes= quiet= v=\n", t.run("hello", "--dry-run", "--yes").stdout());
    }

    @Test
    void aPluginRunsWithoutAnyConfigAndWithABrokenOne() {
        Scripts.executable(bin, "tcli-hello", "echo \"profile=[$TCLI_PROFILE] config=[$TCLI_CONFIG] team=[$TCLI_TEAM_DIR]\"\n");
        var none = t.run("hello");
        assertEquals(0, none.exit(), none.toString());
        assertEquals("profile=[] config=[] team=[]\n", none.stdout());

        t.config("default_profile = \"live\"\n[profiles.live\nbroken");
        var broken = t.run("hello");
        assertEquals(0, broken.exit(), broken.toString());
        assertEquals("profile=[] config=[" + t.configFile() + "] team=[]\n", broken.stdout());
    }

    @Test
    void stdinReachesThePlugin() {
        Scripts.executable(bin, "tcli-hello", "read first\nread second\necho \"got [$first] [$second]\"\n");
        var r = t.stdin("the first line\nsecond one\n").run("hello");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("got [the first line] [second one]\n", r.stdout());
    }

    @Test
    void aPluginThatIgnoresStdinStillFinishes() {
        Scripts.executable(bin, "tcli-hello", "exec 0<&-\necho done\n");
        var r = t.stdin("x".repeat(1 << 20)).run("hello");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("done\n", r.stdout());
    }

    @Test
    void helpListsPathPluginsWithTheirDescriptionWithoutRunningThem() {
        Path ran = tmp.resolve("ran");
        Scripts.executable(bin, "tcli-hello", "# tcli-description: Say hello to whoever is on call\ntouch " + ran + "\n");
        Scripts.executable(bin, "tcli-quiet", "touch " + ran + "\n");
        var r = t.run("--help");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("Plugins (PATH):\n"), r.toString());
        assertTrue(r.stdout().matches("(?s).*\n  hello +Say hello to whoever is on call\n.*"), r.toString());
        assertTrue(r.stdout().matches("(?s).*\n  quiet *\n.*"), r.toString());
        assertFalse(Files.exists(ran), "listing ran a plugin");
    }

    @Test
    void anEarlierPathEntryWinsAndTheLaterOneIsReported() {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        t.env("PATH", Scripts.path(first, second));
        Scripts.executable(first, "tcli-hello", "# tcli-description: the first\necho first\n");
        Scripts.executable(second, "tcli-hello", "# tcli-description: the second\necho second\n");

        var run = t.run("hello");
        assertEquals("first\n", run.stdout(), run.toString());
        assertEquals("", run.stderr(), "running a plugin does not print listing warnings");

        var help = t.run("--help");
        assertTrue(help.stdout().contains("the first"), help.toString());
        assertFalse(help.stdout().contains("the second"), help.toString());
        assertTrue(help.stderr().contains("warning: tcli-hello in " + second + " is shadowed by " + first.resolve("tcli-hello")
                + " (earlier on PATH)\n"), help.toString());
    }

    @Test
    void theSameDirectoryTwiceOnPathIsNotShadowing() {
        t.env("PATH", Scripts.path(bin, bin));
        Scripts.executable(bin, "tcli-hello", "echo hi\n");
        var help = t.run("--help");
        assertFalse(help.stderr().contains("shadowed"), help.toString());
    }

    @Test
    void theBuiltInAlwaysWinsItsName() {
        Scripts.executable(bin, "tcli-builtin", "# tcli-description: impostor\necho the plugin ran\n");
        var run = t.run("builtin");
        assertEquals(0, run.exit(), run.toString());
        assertEquals("the built-in ran\n", run.stdout());

        var help = t.run("--help");
        assertFalse(help.stdout().contains("impostor"), help.toString());
        assertTrue(help.stderr().contains("warning: " + bin.resolve("tcli-builtin") + " is shadowed by the built-in module 'builtin'"),
                help.toString());
    }

    @Test
    void aFileThatIsNotExecutableIsReportedWithTheFixAndSkipped() {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        t.env("PATH", Scripts.path(first, second));
        Scripts.write(first, "tcli-hello", "#!/bin/sh\necho first\n", "rw-r--r--");
        Scripts.executable(second, "tcli-hello", "echo second\n");

        assertEquals("second\n", t.run("hello").stdout());
        var help = t.run("--help");
        assertTrue(help.stderr().contains("warning: tcli-hello in " + first + " is not executable; run 'chmod +x "
                + first.resolve("tcli-hello") + "' to use it as 'tcli hello'"), help.toString());
        assertFalse(help.stderr().contains("shadowed"), help.toString());
    }

    @Test
    void onlyANonExecutableFileIsNotAModule() {
        Scripts.write(bin, "tcli-hello", "#!/bin/sh\necho hi\n", "rw-r--r--");
        var r = t.run("hello");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("'hello' is not a tcli module"), r.toString());
    }

    @Test
    void directoriesBrokenLinksAndBadNamesAreIgnored() throws Exception {
        Files.createDirectories(bin.resolve("tcli-dir"));
        Files.createSymbolicLink(bin.resolve("tcli-gone"), tmp.resolve("nowhere"));
        Scripts.executable(bin, "tcli-hello~", "echo backup\n");
        Scripts.executable(bin, "tcli-", "echo empty\n");
        Scripts.executable(bin, "tcli-real", "echo real\n");
        var help = t.run("--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.stdout().contains("  real"), help.toString());
        for (String n : new String[] {"dir", "gone", "hello"}) {
            assertFalse(help.stdout().contains("  " + n), n + "\n" + help);
        }
        assertFalse(help.stderr().contains("warning"), help.toString());
        assertEquals(2, t.run("dir").exit());
        assertEquals(2, t.run("gone").exit());
    }

    @Test
    void aBadlyNamedExecutableGetsARenameHint() {
        Scripts.executable(bin, "tcli-My_Tool.sh", "echo x\n");
        var help = t.run("--help");
        assertTrue(help.stderr().contains("warning: " + bin.resolve("tcli-My_Tool.sh") + " is not a usable module name"
                + " (lower-case letters, digits and '-' only); rename it, e.g. to " + bin.resolve("tcli-my-tool")), help.toString());
    }

    @Test
    void aSymlinkedPluginRunsUnderItsLinkName() throws Exception {
        Path real = Scripts.executable(tmp.resolve("tools"), "greeter", "echo \"I am $(basename \"$0\")\"\n");
        Files.createDirectories(bin);
        Files.createSymbolicLink(bin.resolve("tcli-greet"), real);
        var r = t.run("greet");
        assertEquals("I am tcli-greet\n", r.stdout(), r.toString());
    }

    @Test
    void aPluginThatCannotStartIsAOneLineError() {
        Scripts.write(bin, "tcli-hello", "#!/nonexistent/interpreter\n", "rwxr-xr-x");
        var r = t.run("hello");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stderr().startsWith("tcli: cannot run plugin " + bin.resolve("tcli-hello")), r.toString());
        assertFalse(r.stderr().contains("\tat "), r.toString());
    }

    @Test
    void anInterruptedTcliStopsThePluginAndExits130() throws Exception {
        Path ready = tmp.resolve("ready");
        Scripts.executable(bin, "tcli-hello", "touch " + ready + "\nwhile :; do sleep 1; done\n");
        AtomicReference<Thread> runner = new AtomicReference<>();
        var result = t.start(tcli -> runner.set(Thread.currentThread()), "hello");
        awaitFile(ready);
        runner.get().interrupt();
        var r = result.get(60, TimeUnit.SECONDS);
        assertEquals(130, r.exit(), r.toString());
        assertTrue(r.stderr().contains("tcli: interrupted"), r.toString());
    }

    static void awaitFile(Path file) {
        // generous: a loaded CI machine may take seconds to start a shell; this is a wait, not an assertion on time
        if (!Await.until(() -> Files.exists(file), java.time.Duration.ofSeconds(60))) {
            throw new AssertionError("the plugin never started: " + file + " missing");
        }
    }
}
