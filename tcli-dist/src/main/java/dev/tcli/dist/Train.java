package dev.tcli.dist;

import dev.tcli.core.Main;
import dev.tcli.core.SystemEnv;
import dev.tcli.core.Tcli;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The training run behind the startup cache: the launcher runs this class once (in the
 * background, or at install time) under {@code -XX:ArchiveClassesAtExit} (JDK 17-24) or
 * {@code -XX:AOTCacheOutput} (JDK 25+), so the archive holds the classes that the everyday
 * commands load. Each command runs in this one JVM, against a throw-away HOME (the sandbox
 * writes its state there), with output discarded; a failing command is simply skipped.
 *
 * <p>Four lists, for the launcher's four caches ({@code Train help|light|exec|full}); any
 * other arguments are one command line to train on. {@code scripts/bench} measures these
 * commands; extend both together.
 */
public final class Train {
    /** tcli --help: the launcher's 'help' cache (twice: the text is rendered, then reused). */
    static final List<String[]> HELP = List.of(
            new String[] {"--help"},
            new String[] {"--help"});

    /** What a module's help and the listings load: the launcher's 'light' cache. */
    static final List<String[]> LIGHT = List.of(
            new String[] {"--help"},
            new String[] {"oncall", "--help"},
            new String[] {"plugins", "list"},
            new String[] {"version"});

    /**
     * An exec plugin alone: the launcher's 'exec' cache. tcli only decides and hands the plugin
     * to the launcher, so this is the smallest cache (14.5 MB against the light one's 20), and an
     * AOT cache loads all it holds at start: {@code tcli NAME} 61.0 -> 53.6 ms.
     */
    static final List<String[]> EXEC = List.<String[]>of(new String[] {"train", "an", "exec plugin"});

    /** The light runs plus the verbs' sandbox, HTTP and JSON: the 'full' cache. */
    static final List<String[]> FULL = List.of(
            new String[] {"--help"},
            new String[] {"oncall", "--help"},
            new String[] {"plugins", "list"},
            new String[] {"version"},
            new String[] {"--profile", "sandbox", "oncall", "incidents"},
            new String[] {"--profile", "sandbox", "-o", "json", "oncall", "incidents"},
            new String[] {"--profile", "sandbox", "status", "components"},
            new String[] {"train", "an", "exec plugin"});

    private Train() {
    }

    public static void main(String[] args) throws IOException {
        Path home = Files.createTempDirectory("tcli-train");
        int ok = 0;
        try {
            Map<String, String> env = new HashMap<>();
            env.put("HOME", home.toString());
            env.put("USER", System.getenv().getOrDefault("USER", "tcli"));
            // An exec plugin that exits at once, first on PATH: 'tcli train' runs it.
            Path bin = Files.createDirectories(home.resolve("bin"));
            Path plugin = bin.resolve("tcli-train");
            Files.writeString(plugin, "#!/bin/sh\n# tcli-description: the startup cache's training plugin\nexit 0\n");
            plugin.toFile().setExecutable(true);
            env.put("PATH", bin + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            env.put("TZ", "UTC");
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            List<String[]> runs = args.length == 1 && args[0].equals("help") ? HELP
                    : args.length == 1 && args[0].equals("light") ? LIGHT
                    : args.length == 1 && args[0].equals("exec") ? EXEC
                    : args.length == 0 || args.length == 1 && args[0].equals("full") ? FULL
                    : List.<String[]>of(args);
            if (runs == EXEC) {
                // As bin/tcli runs an exec plugin: tcli writes the launch plan (here, to a file)
                // instead of starting the plugin (dev.tcli.exec.LauncherHandoff).
                env.put("TCLI_EXEC_PLAN", Files.createFile(home.resolve("exec-plan")).toString());
            }
            for (String[] run : runs) {
                // The exec plugin as a real start runs it: through Main, on this process's own
                // streams (the launcher sends them to a log), so the terminal path is cached too.
                boolean exec = run.length > 0 && run[0].equals("train");
                SystemEnv sys = exec
                        ? new SystemEnv(env, System.in, System.out, System.err, false, false, false, Clock.systemUTC(), home)
                        : new SystemEnv(env, InputStream.nullInputStream(), sink, sink, false, false, false,
                                Clock.systemUTC(), home);
                try {
                    if ((exec ? Main.run(new Tcli(sys), run) : new Tcli(sys).run(run)) == 0) {
                        ok++;
                    }
                } catch (RuntimeException | LinkageError e) {
                    // a module that cannot run here is just not trained
                }
            }
        } finally {
            try (var walk = Files.walk(home)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                // a temp dir left behind is harmless
            }
        }
        // System.exit, not return: sandbox or HTTP threads must not keep the archive from being written.
        System.exit(ok > 0 ? 0 : 1);
    }
}
