package dev.tcli.dist;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * A person at a real terminal: a bash in a detached tmux session of a given size, on a tmux
 * server of its own (-L, so tests run in parallel and never touch a user's tmux), with a temp
 * HOME and the built launcher first on PATH. Keys go in with send-keys; what the screen shows
 * comes back with capture-pane. Without tmux the test is skipped, except under CI=true where it
 * fails (.ci/run installs tmux).
 */
final class Tmux implements AutoCloseable {
    static final Path DIST = Path.of("").toAbsolutePath().resolve("target/tcli");

    private final String socket = "tcli-it-" + UUID.randomUUID().toString().substring(0, 8);
    final int width;
    final Path home;

    private Tmux(int width, int height, Path home, String shell, String... env) throws IOException, InterruptedException {
        this.width = width;
        this.home = home;
        List<String> cmd = new ArrayList<>(List.of("new-session", "-d", "-x", String.valueOf(width), "-y", String.valueOf(height)));
        cmd.add("env -i HOME=" + home + " TERM=xterm-256color LANG=C.UTF-8 PATH=" + DIST.resolve("bin") + ":/usr/bin:/bin "
                + "TCLI_STARTUP=off PS1='$ ' " + String.join(" ", env) + " " + shell);
        tmux(cmd.toArray(String[]::new));
    }

    /** A plain bash (no rc files) at this size, HOME a fresh temp directory. */
    static Tmux start(int width, int height, Path home) throws IOException, InterruptedException {
        return start(width, height, home, "bash --norc --noprofile");
    }

    static Tmux start(int width, int height, Path home, String shell, String... env) throws IOException, InterruptedException {
        requireTmux();
        Files.createDirectories(home);
        Tmux t = new Tmux(width, height, home, shell, env);
        t.waitFor(s -> s.contains("$"), 10);
        return t;
    }

    static void requireTmux() {
        boolean found = Files.isExecutable(Path.of("/usr/bin/tmux")) || Files.isExecutable(Path.of("/usr/local/bin/tmux"));
        if (!found && "true".equals(System.getenv("CI"))) {
            fail("tmux is not installed (.ci/run installs it)");
        }
        Assumptions.assumeTrue(found, "tmux is not installed");
    }

    /** Types {@code line} and presses Enter. */
    void run(String line) throws IOException, InterruptedException {
        tmux("send-keys", "-t", "0", "-l", line);
        tmux("send-keys", "-t", "0", "Enter");
    }

    /** Types text without Enter ({@code -l}: literally, no key names). */
    void type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", "0", "-l", text);
    }

    /** Presses keys by tmux name: Tab, C-c, Enter. */
    void keys(String... names) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("send-keys", "-t", "0"));
        cmd.addAll(Arrays.asList(names));
        tmux(cmd.toArray(String[]::new));
    }

    /** The screen as shown, one string per row, trailing blank rows dropped. */
    List<String> screen() throws IOException, InterruptedException {
        List<String> rows = new ArrayList<>(tmux("capture-pane", "-p", "-t", "0").lines().toList());
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isBlank()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }

    /** Waits (polling, up to {@code seconds}) until the screen satisfies {@code done}; fails with the screen otherwise. */
    String waitFor(Predicate<String> done, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String s = "";
        while (System.nanoTime() < end) {
            s = String.join("\n", screen());
            if (done.test(s)) {
                return s;
            }
            Thread.sleep(100);
        }
        return fail("the screen did not get there in " + seconds + "s:\n" + s);
    }

    /** Runs {@code line} followed by an end marker with its exit code; returns the screen once the marker shows. */
    String runToEnd(String line, int seconds) throws IOException, InterruptedException {
        run("clear");
        waitFor(s -> s.strip().equals("$"), 10);
        run(line + "; echo \"[end $?]\"");
        return waitFor(s -> s.lines().anyMatch(l -> l.startsWith("[end ")), seconds);
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("TMUX");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("tmux " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** Removes {@code dir}, retrying briefly while late writers finish; never fails a test. */
    static void deleteQuietly(Path dir) {
        for (int attempt = 0; attempt < 20 && Files.exists(dir); attempt++) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            tmux("kill-server");
        } catch (IOException e) {
            // already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
