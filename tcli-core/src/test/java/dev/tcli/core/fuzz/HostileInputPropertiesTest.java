package dev.tcli.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.spi.ExitCode;
import dev.tcli.spi.SshNames;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import dev.tcli.spi.http.ApiPath;
import dev.tcli.spi.output.SafeText;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Issue 14 section 9: generated input for the config reader, the time syntax, the URL path
 * builder, the SSH name rules, the terminal escaping and the API answer reader. Every input ends
 * in a documented exit code and one line on stderr, never an uncaught exception or
 * "unexpected error: java...". The counters are printed at the end (the report's numbers).
 */
class HostileInputPropertiesTest {
    static final AtomicInteger CONFIGS = new AtomicInteger();
    static final AtomicInteger TIMES = new AtomicInteger();
    static final AtomicInteger ANSWERS = new AtomicInteger();
    static final AtomicInteger IDS = new AtomicInteger();
    static final AtomicInteger TEXTS = new AtomicInteger();
    static MockWebServer server;
    static Path home;
    /** The answer of the current try, given to every request of it (retries included). */
    static volatile MockResponse current;

    @BeforeContainer
    static void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                return current;
            }
        });
        server.start();
        home = Files.createTempDirectory("tcli-fuzz");
    }

    @AfterContainer
    static void stop() throws Exception {
        server.close();
        System.out.println("hostile inputs: configs=" + CONFIGS + " times=" + TIMES + " answers=" + ANSWERS + " ids=" + IDS
                + " texts=" + TEXTS);
    }

    /** Pieces of TOML, valid and broken, glued together: a user's editor on a bad day. */
    @Provide
    Arbitrary<String> configs() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("default_profile = \"live\"\n", "[profiles.live]\n", "[profiles.live.http]\n", "timeout = \"0s\"\n",
                        "timeout = \"99999999999999999999h\"\n", "max_retries = -1\n", "max_retries = 99999999999999999999\n",
                        "retry_backoff = \"soon\"\n", "[profiles.live.pagerduty]\n", "token = \"\"\n", "token_cmd = \"exit 3\"\n",
                        "extends = \"live\"\n", "[profiles.a]\nextends = \"b\"\n[profiles.b]\nextends = \"a\"\n", "[[profiles]]\n",
                        "profiles = 3\n", "[team]\nrepo = \"/nonexistent\"\n", "base_url = \"ht!tp://x\"\n", "timezone = \"Mars/Olympus\"\n",
                        "\"quoted key\" = 1\n", "x = [1, \"a\"]\n", "= 1\n", "[\n", "a = \"\\u0000\"\n", "a = '''\n", "\u00ff\u00fe\n",
                        "a = 1979-05-27T07:32:00Z\n", "a = inf\n", "[profiles.live.oncall]\nprovider = \"opsgenie\"\n"),
                Arbitraries.strings().ofMaxLength(30).map(s -> s + "\n"));
        return piece.list().ofMaxSize(8).map(l -> String.join("", l));
    }

    @Property(tries = 150)
    void everyConfigEndsInADocumentedExitCodeAndOneLine(@ForAll("configs") String toml) throws Exception {
        CONFIGS.incrementAndGet();
        TcliHarness t = new TcliHarness(Files.createTempDirectory(home, "c"));
        Path cfg = t.configFile();
        Files.createDirectories(cfg.getParent());
        Files.writeString(cfg, toml);
        Files.setPosixFilePermissions(cfg, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        for (String[] argv : List.of(new String[] {"config", "show"}, new String[] {"--profile", "live", "config", "show", "-o", "json"})) {
            var r = t.run(argv);
            assertTrue(Set.of(ExitCode.OK, ExitCode.USAGE, ExitCode.CONFIG).contains(r.exit()), r.toString());
            assertNoCrash(r);
        }
    }

    /** The time syntax of --since/--until and durations: anything typed is a time, or exit 2 with one line. */
    @Provide
    Arbitrary<String> times() {
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("0", "-15", "99999999999999999999", "1e9", "0x10", "１５", "NaN", "", " "));
        Arbitrary<String> unit = Arbitraries.of("s", "m", "h", "d", "w", "ms", "y", "", "min", " m", "mm");
        Arbitrary<String> composed = Combinators.combine(Arbitraries.of("", "-", "+", "in ", " ", "now-", "today "), number, unit)
                .as((a, b, c) -> a + b + c);
        return Arbitraries.oneOf(composed, Arbitraries.strings().ofMaxLength(25),
                Arbitraries.of("today", "yesterday", "now", "2026-13-01", "2026-02-30T25:00", "2026-11-20T10:00:00+99:00",
                        "-15m", "in 7d", "\u001b[2J", "1h30m", "P1D", "9999999999-01-01"));
    }

    @Property(tries = 400)
    void everyTimeIsParsedOrAUsageError(@ForAll("times") String text) {
        TIMES.incrementAndGet();
        Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
        for (Runnable parse : List.<Runnable>of(() -> Times.parse(text, ZoneOffset.UTC, clock), () -> Times.parseDuration(text))) {
            try {
                parse.run();
            } catch (TcliException e) {
                assertTrue(e.exitCode() == ExitCode.USAGE, text + ": " + e.exitCode() + " " + e.getMessage());
                assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("java."), e.getMessage());
            }
        }
    }

    /** Whatever a server answers to a GET: a documented exit code and one line, never a stack trace. */
    @Provide
    Arbitrary<MockResponse> answers() {
        Arbitrary<Integer> status = Arbitraries.of(200, 201, 204, 301, 400, 401, 403, 404, 409, 418, 422, 429, 500, 502, 503);
        Arbitrary<String> body = Arbitraries.oneOf(
                Arbitraries.of("", "{", "[", "null", "\"x\"", "{\"a\":1}", "[1,2", "{\"error\":{\"message\":\"\u001b[2Jboom\"}}",
                        "{\"message\":" + "9".repeat(400) + "}", "<html>502 Bad Gateway</html>", "{\"errors\":[{\"x\":1}]}",
                        "\uFEFF{}", "{\"a\":\"\\ud800\"}", "[".repeat(2000), "{\"code\":null}"),
                Arbitraries.strings().ofMaxLength(60));
        Arbitrary<String> type = Arbitraries.of("application/json", "text/html", "application/json; charset=latin1", "");
        return Combinators.combine(status, body, type).as((s, b, ty) -> {
            var m = new MockResponse.Builder().code(s).body(b).addHeader("Retry-After", "0");
            if (!ty.isEmpty()) {
                m.addHeader("Content-Type", ty);
            }
            return m.build();
        });
    }

    @Property(tries = 150)
    void everyApiAnswerEndsInADocumentedExitCodeAndOneLine(@ForAll("answers") MockResponse answer) throws Exception {
        ANSWERS.incrementAndGet();
        TcliHarness t = new TcliHarness(Files.createTempDirectory(home, "a")).config("""
                default_profile = "live"
                [profiles.live.http]
                retry_backoff = "1ms"
                max_retries = 1
                timeout = "2s"
                """);
        current = answer;
        var r = t.run("echo", "call", "GET", server.url("/api").toString());
        assertTrue(Set.of(0, 1, 2, 4, 5, 6).contains(r.exit()), r.toString());
        if (r.exit() != 0) {
            assertNoCrash(r);
        }
    }

    @Property(tries = 500)
    void anyIdIsOneSegmentOrAUsageError(@ForAll String id) {
        IDS.incrementAndGet();
        try {
            String p = ApiPath.of("/pages/{}/incidents/{}", "P1", id);
            ApiPath.check(p);
            assertTrue(p.startsWith("/pages/P1/incidents/") && p.chars().filter(c -> c == '/').count() == 4, p);
            assertFalse(p.contains("?") || p.contains("#"), p);
        } catch (TcliException e) {
            assertTrue(e.exitCode() == ExitCode.USAGE && Set.of("", ".", "..").contains(id), id + ": " + e.getMessage());
        }
    }

    @Property(tries = 500)
    void escapedTextHasNoControlCharactersAndAcceptedNamesNoPatterns(@ForAll String text) {
        TEXTS.incrementAndGet();
        String shown = SafeText.escape(text);
        assertTrue(shown.chars().noneMatch(SafeText::isControl), shown);
        if (SshNames.nameProblem(text).isEmpty()) {
            assertTrue(text.chars().noneMatch(c -> "*?!, \t\n\"'%$;|&`()<>\\/".indexOf(c) >= 0) && !text.startsWith("-"), text);
        }
        if (SshNames.hostProblem(text).isEmpty() || SshNames.userProblem(text).isEmpty()) {
            assertTrue(text.chars().noneMatch(c -> " \t\n\"'$;|&`()<>\\*?!,".indexOf(c) >= 0) && !text.startsWith("-"), text);
        }
    }

    static void assertNoCrash(TcliHarness.Result r) {
        List<String> lines = r.stderr().lines().filter(l -> !l.startsWith("warning: ")).toList();
        assertTrue(lines.size() <= 1, "one line: " + r);
        assertFalse(r.stderr().contains("unexpected error") || r.stderr().contains("java.") || r.stderr().contains("\tat "),
                "no crash: " + r);
        // a malformed answer is described in words, not in the JSON parser's terms
        assertFalse(r.stderr().contains("end-of-input") || r.stderr().contains("[Source:") || r.stderr().contains("Unexpected character"),
                "no parser internals: " + r);
    }
}
