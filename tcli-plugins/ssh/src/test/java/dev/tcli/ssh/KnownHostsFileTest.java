package dev.tcli.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.jcraft.jsch.HostKeyRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** known_hosts checks from many connections at once (hab status connects to nodes in parallel). */
class KnownHostsFileTest {
    // an ed25519 public key blob (any valid one does)
    static final String KEY = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

    @TempDir
    Path tmp;

    @Test
    void parallelChecksOfAKnownKeyAllSayKnown() throws Exception {
        Path file = tmp.resolve("known_hosts");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            lines.append("[10.0.").append(i / 250).append('.').append(i % 250).append("]:22 ssh-ed25519 ").append(KEY).append('\n');
        }
        lines.append("[127.0.0.1]:2222 ssh-ed25519 ").append(KEY).append('\n');
        Files.writeString(file, lines);
        KnownHostsFile known = new KnownHostsFile(file);
        byte[] blob = Base64.getDecoder().decode(KEY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    if (n % 10 == 0) {
                        // another connection accepting a new key meanwhile: the file changes under the checks
                        known.accept("[10.9.9." + n / 10 + "]:22", "ssh-ed25519", KEY);
                    }
                    return known.check().check("[127.0.0.1]:2222", blob);
                }));
            }
            for (Future<Integer> r : results) {
                assertEquals(HostKeyRepository.OK, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
