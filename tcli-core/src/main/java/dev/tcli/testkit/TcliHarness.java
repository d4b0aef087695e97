package dev.tcli.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.core.SystemEnv;
import dev.tcli.core.Tcli;
import dev.tcli.spi.Mappers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs tcli in-process against a temporary home, the way docs/design.md §10 asks: the root
 * command with captured stdout/stderr and its exit code. Never touches the real {@code $HOME}.
 *
 * <pre>{@code
 * TcliHarness t = new TcliHarness(tempDir);
 * TcliHarness.Result r = t.run("--profile", "sandbox", "oncall", "incidents", "-o", "json");
 * assertEquals(0, r.exit(), r.stderr());
 * }</pre>
 */
public final class TcliHarness {

    private final Path root;
    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private boolean stdinTty;
    private boolean stdoutTty;
    private Clock clock = Clock.systemDefaultZone();

    public TcliHarness(Path tempDir) {
        this.root = tempDir;
        this.home = tempDir.resolve("home");
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("HOME", home.toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("USER", "tester");
        env.put("TZ", "UTC");
    }

    public Path home() {
        return home;
    }

    public Path root() {
        return root;
    }

    public TcliHarness env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    public Map<String, String> env() {
        return env;
    }

    public TcliHarness stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** Pretends stdin and stdout are terminals (prompts allowed, colour on unless --no-color). */
    public TcliHarness tty(boolean stdinTty, boolean stdoutTty) {
        this.stdinTty = stdinTty;
        this.stdoutTty = stdoutTty;
        return this;
    }

    public TcliHarness clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** The personal config file, {@code ~/.config/tcli/config.toml}. */
    public Path configFile() {
        return home.resolve(".config/tcli/config.toml");
    }

    /** Writes the personal config with mode 0600. */
    public TcliHarness config(String toml) {
        return writeFile(configFile(), toml, "rw-------");
    }

    public TcliHarness writeFile(Path file, String text, String perms) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** {@code $XDG_STATE_HOME/tcli} of this home. */
    public Path stateDir() {
        String xdg = env.get("XDG_STATE_HOME");
        return (xdg != null ? Path.of(xdg) : home.resolve(".local/state")).resolve("tcli");
    }

    private String stdoutFailure;

    /** Every write to stdout fails with {@code message}, as {@code > /dev/full} ("No space left on device") or a closed pipe do. */
    public TcliHarness stdoutFails(String message) {
        this.stdoutFailure = message;
        return this;
    }

    public Result run(String... args) {
        return run(t -> { }, args);
    }

    /** Runs, giving the caller the {@link Tcli} first (e.g. to interrupt it from another thread). */
    public Result run(Consumer<Tcli> before, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // stdout as the real process has it (a write failure is remembered), or one that fails like > /dev/full
        java.io.OutputStream target = stdoutFailure == null ? out : new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                throw new java.io.IOException(stdoutFailure);
            }
        };
        SystemEnv sys = new SystemEnv(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                dev.tcli.core.WatchedOutput.of(target, true), new PrintStream(err, true, StandardCharsets.UTF_8),
                stdinTty, stdoutTty, stdoutTty, clock, root);
        Tcli tcli = new Tcli(sys);
        before.accept(tcli);
        int code = tcli.run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Starts a run on another thread; for Ctrl-C tests ({@code tcli.interrupts().runAll()} then interrupt). */
    public CompletableFuture<Result> start(Consumer<Tcli> onStart, String... args) {
        return CompletableFuture.supplyAsync(() -> run(onStart, args));
    }

    /** What one run printed and returned. */
    public record Result(int exit, String stdout, String stderr) {
        public JsonNode json() {
            try {
                return Mappers.json().readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + e.getMessage() + "\n--- stdout:\n" + stdout
                        + "\n--- stderr:\n" + stderr, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }
}
