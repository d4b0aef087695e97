package dev.tcli.hab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tcli.ssh.testing.SshdFixture;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The number for scripts/bench: {@code tcli hab status --env bench} over 20 node entries on the
 * same sshd, each {@code hab svc status} answer delayed 200 ms by the stand-in. Prints timings,
 * asserts none (DESIGN.md section 10). Run with
 * {@code mvn -o test -pl tcli-plugins/hab -Dtest=HabStatusBench -Dtcli.bench=true}.
 */
class HabStatusBench {
    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    @TempDir
    Path tmp;

    @Test
    void twentyNodes() {
        Assumptions.assumeTrue(Boolean.getBoolean("tcli.bench"), "benchmark: run with -Dtcli.bench=true");
        SSHD.service("habitat/builder-api/7602/20180906202535", "up");
        SSHD.write("delay", "0.2");
        int dead = SshdFixture.deadPort();
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            nodes.add(SSHD.nodeEntry("bench", "bench-node-" + i, SSHD.nodePort(), List.of("builder-api"), dead));
        }
        TcliHarness t = new TcliHarness(tmp);
        SSHD.install(t.home(), SSHD.teamEnvironment("bench", "", nodes), true);
        for (String parallel : List.of("8", "20", "1")) {
            List<Long> ms = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                long start = System.nanoTime();
                var r = t.run("hab", "status", "--env", "bench", "--parallel", parallel, "-o", "json");
                ms.add((System.nanoTime() - start) / 1_000_000);
                assertEquals(0, r.exit(), r.toString());
                assertEquals(20, r.json().size());
            }
            System.out.println("BENCH hab status, 20 nodes, 200 ms each, --parallel " + parallel + ": " + ms + " ms");
        }
    }
}
