package dev.tcli.exec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hands an exec plugin back to the launcher instead of starting it from the JVM.
 *
 * <p>bin/tcli, when the command names a {@code tcli-NAME} on PATH, runs the JVM with
 * {@code TCLI_EXEC_PLAN=/dev/fd/3}, a pipe it reads. tcli decides as always (a built-in or jar
 * module of that name wins, options are checked, the plugin's environment is computed) and, for
 * an exec plugin, writes there what to run instead of running it; the launcher then {@code exec}s
 * the plugin in its own place. The plugin gets the process, the terminal and every signal
 * directly, no JVM waits beside it, and {@code ProcessBuilder.start} is never called: on JDK 23+
 * it asks {@code System.getLogger} whether to log the start, and that first request starts
 * {@code java.util.logging} (10-17 ms, a quarter of what {@code tcli NAME} costs).
 *
 * <p>The plan is a few lines of shell the launcher evaluates: {@code set --} with the argv,
 * {@code unset -v} and {@code export} for what differs between this process's environment (which
 * is the launcher's) and the plugin's, every word single-quoted, then an end marker so that a
 * plan cut short is never run. When a difference cannot be said in shell (a name that is not a
 * shell identifier), tcli starts the plugin itself as before. (A file without {@code #!} runs
 * as a shell script either way: the JDK's process start falls back to {@code /bin/sh} as bash does.)
 */
final class LauncherHandoff {
    static final String VARIABLE = "TCLI_EXEC_PLAN";
    static final String END = ": tcli-exec-plan-end";
    private static final Pattern SHELL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private LauncherHandoff() {
    }

    /**
     * Writes the plan for the launcher when it asked for one and can carry it out.
     *
     * @param current this process's environment, which is the launcher's
     * @param env the plugin's environment
     * @return true when the plan is written and the plugin must not be started here
     */
    static boolean offer(List<String> argv, Map<String, String> current, Map<String, String> env) {
        String channel = current.get(VARIABLE);
        if (channel == null || channel.isEmpty()) {
            return false;
        }
        return plan(argv, current, env).map(p -> write(Path.of(channel), p)).orElse(false);
    }

    /** The shell the launcher evaluates, or empty when shell cannot say it. */
    static Optional<String> plan(List<String> argv, Map<String, String> current, Map<String, String> env) {
        StringBuilder plan = new StringBuilder("set --");
        for (String arg : argv) {
            if (arg.indexOf('\0') >= 0) {
                return Optional.empty();   // cannot be an argument anyway; the JVM's start says so
            }
            plan.append(' ').append(quote(arg));
        }
        plan.append('\n');
        for (String name : current.keySet()) {
            if (!env.containsKey(name)) {
                if (!SHELL_NAME.matcher(name).matches()) {
                    return Optional.empty();
                }
                plan.append("unset -v ").append(name).append('\n');
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (!Objects.equals(current.get(e.getKey()), e.getValue())) {
                if (!SHELL_NAME.matcher(e.getKey()).matches() || e.getValue().indexOf('\0') >= 0) {
                    return Optional.empty();
                }
                plan.append("export ").append(quote(e.getKey() + "=" + e.getValue())).append('\n');
            }
        }
        return Optional.of(plan.append(END).append('\n').toString());
    }

    /** One shell word, whatever it holds: single quotes, each {@code '} written as {@code '\''}. */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** In one write: the launcher reads until the JVM exits, and runs nothing without the end marker. */
    private static boolean write(Path channel, String plan) {
        try (OutputStream out = Files.newOutputStream(channel, StandardOpenOption.WRITE)) {
            out.write(plan.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;   // no launcher listening (or not ours): run the plugin here
        }
    }
}
