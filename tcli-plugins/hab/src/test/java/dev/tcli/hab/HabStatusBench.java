package dev.tcli.hab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tcli.ssh.testing.SshdFixture;
import dev.tcli.testkit.TcliHarness;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The number for {@code scripts/bench-hab}: {@code tcli hab status --env bench} over 20 node
 * entries on the same real sshd (through the real jump sshd), each {@code hab svc status}
 * answer delayed 200 ms by the stand-in. Prints timings and writes them to
 * {@code target/bench-hab.txt}; asserts only that every node answered (docs/design.md §10:
 * no timed assertions). Skipped unless {@code -Dtcli.bench=true}. With
 * {@code -Dtcli.bin=PATH/bin/tcli} the same runs are also timed as whole processes of the
 * real launcher (JVM start included).
 */
class HabStatusBench {
    static final int NODES = 20;
    static final int RUNS = 5;

    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    @TempDir
    Path tmp;

    private final List<String> report = new ArrayList<>();

    @Test
    void twentyNodes() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("tcli.bench"), "benchmark: run scripts/bench-hab (or -Dtcli.bench=true)");
        SSHD.service("habitat/builder-api/7602/20180906202535", "up");
        SSHD.write("delay", "0.2");
        int noGateway = SshdFixture.deadPort();
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < NODES; i++) {
            nodes.add(SSHD.nodeEntry("bench", "bench-node-" + i, SSHD.nodePort(), List.of("builder-api"), noGateway));
        }
        TcliHarness t = new TcliHarness(tmp);
        SSHD.install(t.home(), SSHD.teamEnvironment("bench", "", nodes), true);
        line("hab status, " + NODES + " node entries on one real sshd via the jump sshd, each 'hab svc status' delayed 200 ms; "
                + Runtime.getRuntime().availableProcessors() + " cores; median of " + RUNS + " runs after one warm-up");

        inProcess(t, "one node", 1, "hab", "status", "bench-node-0", "-o", "json");
        inProcess(t, "--env bench (default --parallel 8)", NODES, "hab", "status", "--env", "bench", "-o", "json");
        inProcess(t, "--env bench --parallel 20", NODES, "hab", "status", "--env", "bench", "--parallel", "20", "-o", "json");
        // connections one at a time (at most 4 nodes asked at once): the queueing the default avoids; one run is enough
        inProcess(t, "--env bench --parallel 1 (one run)", NODES, "hab", "status", "--env", "bench", "--parallel", "1", "-o", "json");

        String bin = System.getProperty("tcli.bin", "");
        if (!bin.isEmpty() && Files.isExecutable(Path.of(bin))) {
            wholeProcess(t, bin, "one node", "hab", "status", "bench-node-0", "-o", "json");
            wholeProcess(t, bin, "--env bench (default --parallel 8)", "hab", "status", "--env", "bench", "-o", "json");
            wholeProcess(t, bin, "--env bench --parallel 20", "hab", "status", "--env", "bench", "--parallel", "20", "-o", "json");
        } else {
            line("whole process: skipped (no -Dtcli.bin; scripts/bench-hab passes tcli-dist/target/tcli/bin/tcli when it is built)");
        }
        Path out = Path.of("target", "bench-hab.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private void inProcess(TcliHarness t, String what, int expectedRows, String... args) {
        time("in-process   " + what, () -> {
            var r = t.run(args);
            assertEquals(0, r.exit(), r.toString());
            assertEquals(expectedRows, r.json().size(), r.stdout());
            return null;
        });
    }

    private void wholeProcess(TcliHarness t, String bin, String what, String... args) {
        time("whole process " + what, () -> {
            List<String> argv = new ArrayList<>(List.of(bin));
            argv.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(false);
            Map<String, String> env = pb.environment();
            env.keySet().removeIf(k -> k.startsWith("TCLI_") || k.startsWith("XDG_") || k.equals("SSH_AUTH_SOCK"));
            env.put("HOME", t.home().toString());
            env.put("TZ", "UTC");
            try {
                Process p = pb.start();
                p.getOutputStream().close();
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, p.waitFor(), out + err);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    private void time(String what, Supplier<Void> run) {
        boolean once = what.contains("(one run)");
        if (!once) {
            run.get();
        }
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < (once ? 1 : RUNS); i++) {
            long start = System.nanoTime();
            run.get();
            ms.add((System.nanoTime() - start) / 1_000_000);
        }
        List<Long> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        line(String.format("%-58s median %5d ms  (runs %s)", what + ":", sorted.get(sorted.size() / 2), ms));
    }

    private void line(String s) {
        report.add(s);
        System.out.println("BENCH " + s);
    }
}
