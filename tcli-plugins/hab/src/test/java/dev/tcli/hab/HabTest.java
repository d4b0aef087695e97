package dev.tcli.hab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tcli.ssh.testing.SshdFixture;
import dev.tcli.testkit.Await;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code tcli hab} against a real sshd node (through a real sshd jump) with stand-in hab/systemctl/journalctl. */
class HabTest {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();
    static GatewayStandIn gateway;

    @TempDir
    Path tmp;
    TcliHarness t;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = new GatewayStandIn(SSHD.state());
    }

    @AfterAll
    static void stopGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        SSHD.reset();
        gateway.received.clear();
        gateway.fixture = null;
        gateway.status = 200;
        gateway.delayMillis = 0;
        SSHD.service("habitat/builder-api/7602/20180906202535", "up");
        SSHD.service("habitat/builder-datastore/7311/20180906202535", "up");
        SSHD.service("habitat/builder-jobsrv/7311/20180906202535", "up");
        t = new TcliHarness(tmp);
        int dead = SshdFixture.deadPort();
        String team = SSHD.teamEnvironment("live", "sudo", List.of())
                + SSHD.nodeEntry("live", "live-builder-api-0", SSHD.nodePort(), List.of("builder-api"), gateway.port())
                + SSHD.nodeEntry("live", "live-datastore-0", SSHD.nodePort(), List.of("builder-datastore"), dead)
                + SSHD.nodeEntry("live", "live-jobsrv-0", SSHD.nodePort(), List.of("builder-jobsrv"), dead)
                + SSHD.nodeEntry("live", "live-dead-0", SshdFixture.deadPort(), List.of("builder-worker"), null)
                + "[services.builder-api]\nrequires = [\"builder-datastore\", \"builder-jobsrv\"]\n";
        SSHD.install(t.home(), team, true);
        t.config(config(""));
    }

    private static String config(String habExtra) {
        return "default_profile = \"live\"\n[team]\nrepo = \"~/team\"\n"
                + "[profiles.live.ssh]\nconnect_timeout = \"5s\"\n"
                + "[profiles.live.hab]\npoll_interval = \"50ms\"\nrestart_timeout = \"2s\"\n" + habExtra
                + "[profiles.live.http]\nretry_backoff = \"10ms\"\nmax_retries = 1\n";
    }

    private JsonNode journal() throws Exception {
        Path j = t.stateDir().resolve("journal.jsonl");
        List<String> lines = Files.exists(j) ? Files.readAllLines(j) : List.of();
        return new ObjectMapper().readTree("[" + String.join(",", lines) + "]");
    }

    private List<String> calls(String prefix) {
        return SSHD.calls().stream().filter(c -> c.startsWith(prefix)).toList();
    }

    // ---- status -------------------------------------------------------------------------------

    @Test
    void statusPrefersTheGatewayThroughTheSshConnection() {
        Path healthFile = SSHD.state().resolve("builder-jobsrv.health");
        SSHD.write("builder-jobsrv.health", "Critical");
        var r = t.run("hab", "status", "live-builder-api-0", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode rows = r.json();
        assertEquals(3, rows.size(), r.stdout());
        JsonNode api = rows.get(0);
        assertEquals("live-builder-api-0", api.get("node").asText());
        assertEquals("habitat/builder-api/7602/20180906202535", api.get("pkg").asText());
        assertEquals("up", api.get("state").asText());
        assertEquals("ok", api.get("health").asText());
        assertEquals("gateway", api.get("source").asText());
        assertEquals("router:builder-router.default", api.get("binds").get(0).asText());
        assertEquals("critical", rows.get(2).get("health").asText());
        assertTrue(Files.exists(healthFile));
        assertEquals(List.of(new GatewayStandIn.Received("GET", "/services", null)), gateway.received);
        assertTrue(calls("hab").isEmpty(), "no CLI call needed: " + SSHD.calls());
    }

    @Test
    void statusSendsTheGatewayTokenWhenConfigured() {
        var r = t.env("TCLI_HAB_GATEWAY_TOKEN", "gw-secret-123").run("hab", "status", "live-builder-api-0");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("Bearer gw-secret-123", gateway.received.get(0).authorization());
        assertFalse(r.stdout().contains("gw-secret-123") || r.stderr().contains("gw-secret-123"));
    }

    @Test
    void statusFallsBackToHabSvcStatusWithoutAGateway() {
        var r = t.run("hab", "status", "live-datastore-0", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(3, r.json().size());
        JsonNode ds = r.json().get(1);
        assertEquals("habitat/builder-datastore/7311/20180906202535", ds.get("pkg").asText());
        assertEquals("cli", ds.get("source").asText());
        assertEquals("standalone", ds.get("type").asText());
        assertTrue(ds.get("health").isNull());
        assertTrue(ds.get("elapsed").asLong() >= 100);
        assertEquals(List.of("hab [svc] [status]"), calls("hab"));
    }

    @Test
    void statusFallsBackWhenTheGatewayFails() {
        gateway.status = 500;
        var r = t.run("hab", "status", "live-builder-api-0", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("cli", r.json().get(0).get("source").asText());
        assertTrue(r.stderr().contains("gateway"), r.stderr());
    }

    @Test
    void aGatewayThatNeverAnswersFallsBackToTheCliInTime() {
        gateway.delayMillis = 10_000;
        t.config(config("gateway_timeout = \"300ms\"\n"));
        var r = t.run("hab", "status", "live-builder-api-0", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("cli", r.json().get(0).get("source").asText());
        assertTrue(r.stderr().contains("supervisor gateway did not answer within 300 ms"), r.stderr());
        assertEquals(1, gateway.received.size());
    }

    @Test
    void oldSupervisorsAreAskedWithHabSupStatus() {
        SSHD.write("old", "");
        var r = t.run("hab", "status", "live-datastore-0", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(3, r.json().size());
        assertEquals(List.of("hab [svc] [status]", "hab [sup] [status]"), calls("hab"));
    }

    @Test
    void statusOfAllNodesInParallelReportsTheDeadOneAndExits1() {
        var r = t.run("hab", "status", "--env", "live");
        assertEquals(1, r.exit(), r.toString());
        for (String n : List.of("live-builder-api-0", "live-datastore-0", "live-jobsrv-0")) {
            assertTrue(r.stdout().contains(n), r.stdout());
        }
        assertTrue(r.stdout().contains("live-dead-0") && r.stdout().contains("unreachable"), r.stdout());
        assertTrue(r.stderr().contains("warning: live-dead-0") && r.stderr().contains("unreachable from jump host"), r.stderr());
        assertTrue(r.stderr().contains("1 of 4 nodes could not be asked"), r.stderr());
    }

    @Test
    void aSlowNodeIsReportedAndDoesNotHoldUpTheOthers() throws Exception {
        // the same sshd on its second port is a separate node to tcli; only it answers late
        SSHD.write("delay@" + SSHD.nodeAltPort(), "5");
        Path team = t.home().resolve("team/tcli-team.toml");
        Files.writeString(team, Files.readString(team).replace("[services.builder-api]",
                SSHD.nodeEntry("live", "live-slow-0", SSHD.nodeAltPort(), List.of("builder-worker"), SshdFixture.deadPort())
                        + "[services.builder-api]"));
        t.config(config("command_timeout = \"1s\"\n"));
        var r = t.run("hab", "status", "--env", "live", "-o", "json");
        assertEquals(1, r.exit(), r.toString());
        java.util.Map<String, List<String>> states = new java.util.TreeMap<>();
        r.json().forEach(row -> states.computeIfAbsent(row.get("node").asText(), k -> new java.util.ArrayList<>()).add(row.get("state").asText()));
        assertEquals(List.of("up", "up", "up"), states.get("live-builder-api-0"), r.stdout());
        assertEquals(List.of("up", "up", "up"), states.get("live-jobsrv-0"), r.stdout());
        assertEquals(List.of("unreachable"), states.get("live-slow-0"), r.stdout());
        assertEquals(List.of("unreachable"), states.get("live-dead-0"), r.stdout());
        assertTrue(r.stderr().contains("live-slow-0: 'hab svc status' did not answer within 1s"), r.stderr());
        assertTrue(r.stderr().contains("2 of 5 nodes could not be asked"), r.stderr());
    }

    @Test
    void acceptingNewKeysDuringAParallelStatusAsksOncePerKey() throws Exception {
        Path kh = t.home().resolve(".ssh/known_hosts");
        Files.delete(kh);
        // three node entries share one sshd: one question for the jump, one for the node key, not four
        var r = t.tty(true, true).stdin("y\ny\n").run("hab", "status", "--env", "live", "--accept-new", "-o", "json");
        assertEquals(1, r.exit(), "only the dead node fails: " + r);
        assertEquals(3 * 3 + 1, r.json().size(), "three services on three nodes, one unreachable row: " + r.stdout());
        assertEquals(2, r.stderr().split("Trust it and add it", -1).length - 1, r.stderr());
        assertEquals(2, Files.readAllLines(kh).size(), Files.readString(kh));
    }

    @Test
    void statusByRole() {
        var r = t.run("hab", "status", "--role", "builder-jobsrv", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        r.json().forEach(row -> assertEquals("live-jobsrv-0", row.get("node").asText()));
        assertEquals(5, t.run("hab", "status", "--role", "nope").exit());
        assertEquals(5, t.run("hab", "status", "live-nope-0").exit());
        assertEquals(2, t.run("hab", "status", "--parallel", "0").exit());
    }

    @Test
    void statusWithNoServicesLoaded() {
        SSHD.reset();
        var r = t.run("hab", "status", "live-datastore-0", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(0, r.json().size());
        assertTrue(r.stderr().contains("no services loaded"), r.stderr());
    }

    // ---- restart ------------------------------------------------------------------------------

    @Test
    void restartStopsStartsWithSudoWaitsAndJournals() throws Exception {
        var r = t.run("--yes", "hab", "restart", "live-builder-api-0", "habitat/builder-api");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of("sudo [hab] [svc] [stop] [habitat/builder-api]", "sudo [hab] [svc] [start] [habitat/builder-api]"),
                calls("sudo"));
        assertTrue(r.stderr().contains("Supervisor stopping habitat/builder-api. See the Supervisor output for more details."), r.stderr());
        assertTrue(r.stdout().contains("habitat/builder-api restarted on live-builder-api-0: desired up, state up, health ok"), r.stdout());
        JsonNode j = journal();
        assertEquals(1, j.size());
        assertEquals("hab", j.get(0).get("module").asText());
        assertEquals("restart", j.get(0).get("verb").asText());
        assertEquals("live-builder-api-0 habitat/builder-api", j.get(0).get("target").asText());
        assertEquals("ok", j.get(0).get("outcome").asText());
    }

    @Test
    void restartIsRefusedWhenARequiredServiceIsDown() throws Exception {
        SSHD.service("habitat/builder-datastore/7311/20180906202535", "down");
        var r = t.run("--yes", "hab", "restart", "live-builder-api-0", "habitat/builder-api");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stderr().contains("refusing to restart builder-api") && r.stderr().contains("builder-datastore is not up anywhere in live")
                && r.stderr().contains("live-datastore-0: down"), r.stderr());
        assertTrue(calls("sudo").isEmpty(), "nothing was stopped: " + SSHD.calls());
        assertEquals(0, journal().size());
    }

    @Test
    void restartWithForceGoesAheadAnyway() {
        SSHD.service("habitat/builder-jobsrv/7311/20180906202535", "down");
        var r = t.run("--yes", "hab", "restart", "live-builder-api-0", "habitat/builder-api", "--force");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stderr().contains("--force"), r.stderr());
        assertEquals(2, calls("sudo").size());
    }

    @Test
    void restartWithoutYesAndWithoutATerminalChangesNothing() {
        var r = t.run("hab", "restart", "live-builder-api-0", "habitat/builder-api");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("--yes"), r.stderr());
        assertTrue(calls("sudo").isEmpty());
    }

    @Test
    void liveEnvironmentsAskOnATerminalEvenWithYes() {
        var r = t.tty(true, true).stdin("n\n").run("--yes", "hab", "restart", "live-builder-api-0", "habitat/builder-api");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stderr().contains("Restart habitat/builder-api on live-builder-api-0"), r.stderr());
        assertTrue(calls("sudo").isEmpty());
    }

    @Test
    void restartDryRunPrintsTheRemoteCommands() throws Exception {
        var r = t.run("--dry-run", "hab", "restart", "live-builder-api-0", "habitat/builder-api");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("would run on live-builder-api-0: sudo hab svc stop habitat/builder-api\n"
                + "would run on live-builder-api-0: sudo hab svc start habitat/builder-api\n", r.stdout());
        assertTrue(calls("sudo").isEmpty());
        assertEquals(0, journal().size());
    }

    @Test
    void restartThatNeverComesUpTimesOutWithWhatTheSupervisorSays() throws Exception {
        SSHD.write("builder-api.stuck", "");
        var r = t.run("--yes", "hab", "restart", "live-builder-api-0", "habitat/builder-api", "--timeout", "1s");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stderr().contains("not healthy after 1s") && r.stderr().contains("desired up, state down"), r.stderr());
        assertEquals("timeout", journal().get(0).get("outcome").asText());
    }

    @Test
    void ctrlCDuringTheWaitIsJournaledWithTheWayBack() throws Exception {
        SSHD.write("builder-api.stuck", "");
        var tcli = new java.util.concurrent.atomic.AtomicReference<dev.tcli.core.Tcli>();
        var run = t.start(tcli::set, "--yes", "hab", "restart", "live-builder-api-0", "habitat/builder-api", "--timeout", "60s");
        // the gateway is asked once before the restart, then again by the wait
        Await.until(() -> !calls("hab [svc] [start]").isEmpty() && gateway.received.size() >= 2);
        assertEquals(1, calls("hab [svc] [start]").size(), SSHD.calls().toString());
        assertTrue(gateway.received.size() >= 2, gateway.received.toString());
        tcli.get().interrupts().runAll();
        var r = run.get(20, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(130, r.exit(), r.toString());
        assertTrue(r.stderr().contains("interrupted while waiting for habitat/builder-api"), r.stderr());
        JsonNode j = journal();
        assertEquals(1, j.size(), j.toString());
        assertEquals("interrupted", j.get(0).get("outcome").asText());
    }

    @Test
    void restartOfAServiceThatIsNotLoadedIsNotFound() {
        var r = t.run("--yes", "hab", "restart", "live-builder-api-0", "core/nope");
        assertEquals(5, r.exit(), r.toString());
        assertEquals(2, t.run("--yes", "hab", "restart", "live-builder-api-0", "x; rm -rf /").exit());
    }

    @Test
    void restartSupervisorRunsSystemctlWithSudoAndWaits() throws Exception {
        var r = t.run("--yes", "hab", "restart-supervisor", "live-datastore-0");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(calls("sudo").contains("sudo [systemctl] [restart] [hab-sup]"), SSHD.calls().toString());
        assertTrue(calls("systemctl").contains("systemctl [is-active] [hab-sup]"), SSHD.calls().toString());
        assertEquals("restart-supervisor", journal().get(0).get("verb").asText());
        assertEquals("ok", journal().get(0).get("outcome").asText());
        var dry = t.run("--dry-run", "hab", "restart-supervisor", "live-datastore-0");
        assertEquals("would run on live-datastore-0: sudo systemctl restart hab-sup\n", dry.stdout());
        assertEquals(2, t.run("hab", "restart-supervisor", "live-datastore-0").exit());
    }

    @Test
    void restartSupervisorThatDoesNotComeBackTimesOutSayingWhat() throws Exception {
        SSHD.write("sup.broken", "");
        var r = t.run("--yes", "hab", "restart-supervisor", "live-datastore-0", "--timeout", "300ms");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stderr().contains("not back after") && r.stderr().contains("systemctl is-active hab-sup says failed"), r.stderr());
        assertEquals("timeout", journal().get(0).get("outcome").asText());
    }

    @Test
    void restartSupervisorOnADeadNodeChangesNothing() throws Exception {
        var r = t.run("--yes", "hab", "restart-supervisor", "live-dead-0");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(SSHD.calls().isEmpty(), SSHD.calls().toString());
        assertEquals(0, journal().size());
    }

    // ---- logs ---------------------------------------------------------------------------------

    @Test
    void logsRunJournalctlWithSinceAndGrep() {
        SSHD.write("journal", "Nov 20 10:00:01 node hab[812]: builder-api.default(O): ERROR db timeout\n"
                + "Nov 20 10:00:02 node hab[812]: builder-api.default(O): request ok\n");
        t.clock(java.time.Clock.fixed(java.time.Instant.parse("2026-11-20T11:00:00Z"), java.time.ZoneOffset.UTC));
        var r = t.run("hab", "logs", "live-builder-api-0", "--since", "1h", "--grep", "ERROR");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("Nov 20 10:00:01 node hab[812]: builder-api.default(O): ERROR db timeout\n", r.stdout());
        assertEquals(List.of("sudo [journalctl] [-u] [hab-sup] [--no-pager] [--since] [2026-11-20 10:00:00 UTC] [--grep] [ERROR]"), calls("sudo"));
        assertEquals(2, t.run("hab", "logs", "live-builder-api-0", "--since", "not a time").exit());
    }

    @Test
    void followEndsTheRemoteJournalctlOnCtrlC() throws Exception {
        SSHD.write("journal", "line one\n");
        var tcli = new java.util.concurrent.atomic.AtomicReference<dev.tcli.core.Tcli>();
        var run = t.start(tcli::set, "hab", "logs", "live-builder-api-0", "--follow");
        Path pidFile = SSHD.state().resolve("follow.pid");
        Await.until(() -> Files.exists(pidFile));
        assertTrue(Files.exists(pidFile), "journalctl --follow started on the node");
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        assertTrue(ProcessHandle.of(pid).isPresent());
        tcli.get().interrupts().runAll();
        var r = run.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(130, r.exit(), r.toString());
        assertTrue(r.stdout().contains("line one"), r.stdout());
        Await.until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), java.time.Duration.ofSeconds(5));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "remote journalctl still running");
    }

    // ---- promote (local hab) ------------------------------------------------------------------

    @Test
    void promoteRunsTheLocalHabCli() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.copy(SSHD.dir().resolve("node-bin/hab"), bin.resolve("hab"));
        t.env("PATH", bin + ":/usr/bin:/bin").env("HAB_STANDIN", SSHD.state().toString());
        String ident = "habitat/builder-api/7602/20180906202535";
        var r = t.run("--yes", "hab", "promote", ident, "stable");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("Promoted " + ident + " to channel 'stable'"), r.stdout());
        assertEquals(List.of("hab [pkg] [promote] [" + ident + "] [stable]"), calls("hab"));
        assertEquals("promote", journal().get(0).get("verb").asText());
        assertEquals(2, t.run("hab", "promote", ident, "stable").exit(), "no --yes without a terminal");
        assertEquals("would run: hab pkg promote " + ident + " stable\n", t.run("--dry-run", "hab", "promote", ident, "stable").stdout());
        assertEquals(2, t.run("--yes", "hab", "promote", "habitat/builder-api", "stable").exit());
    }

    @Test
    void promoteWithoutHabInstalledSaysSo() {
        t.env("PATH", tmp.resolve("empty").toString());
        var r = t.run("--yes", "hab", "promote", "habitat/builder-api/7602/20180906202535", "stable");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("'hab' is not installed"), r.stderr());
    }

    // ---- parsers on the real formats ----------------------------------------------------------

    @Test
    void gatewayFixturesParse() throws Exception {
        var now = java.time.Instant.ofEpochSecond(1536689926L + 60);
        for (String f : List.of("sample-services-with-cfg-output.json", "sample-services-without-cfg-output.json")) {
            var rows = GatewayServices.parse("n", new ObjectMapper().readTree(GatewayStandIn.resource(f)), now);
            assertEquals(1, rows.size());
            ServiceStatus s = rows.get(0);
            assertEquals("habitat/builder-api/7602/20180906202535", s.pkg());
            assertEquals("builder-api", s.name());
            assertEquals("up", s.state());
            assertEquals("up", s.desired());
            assertEquals("unknown", s.health());
            assertEquals("221", s.pid());
            assertEquals(60L, s.elapsed());
            assertEquals("builder-api.default", s.group());
            assertTrue(s.healthy());
        }
    }

    @Test
    void svcStatusTableParses() {
        String text = "package                           type        desired  state  elapsed (s)  pid    group\n"
                + "core/redis/4.0.14/20190319155852  standalone  up       up     7717         29602  redis.default\n"
                + "core/nginx/1.0/20190319155852     standalone  down     down   12           <none> nginx.default\n";
        var rows = SvcStatusTable.parse("n", text);
        assertEquals(2, rows.size());
        assertEquals(7717L, rows.get(0).elapsed());
        assertEquals("29602", rows.get(0).pid());
        assertNull(rows.get(1).pid());
        assertTrue(rows.get(0).matches("core/redis") && rows.get(0).matches("redis") && !rows.get(0).matches("core/redi"));
        assertEquals(0, SvcStatusTable.parse("n", "No services loaded.\n").size());
        assertNull(SvcStatusTable.parse("n", "error: Found argument 'status' which wasn't expected\n"));
        assertEquals("[Err: 2] Service not loaded, core/foo", SvcStatusTable.error("✗✗✗\n✗✗✗ [Err: 2] Service not loaded, core/foo\n✗✗✗\n"));
    }

    @Test
    void elapsedIsReadable() {
        assertEquals("2h08m37s", dev.tcli.hab.commands.StatusCommandAccess.elapsed(7717));
    }
}
