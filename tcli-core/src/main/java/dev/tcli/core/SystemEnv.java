package dev.tcli.core;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything tcli takes from the process: environment, streams, terminals, clock, working
 * directory. {@link #current()} reads the real process; tests build their own.
 *
 * @param stdinTty  stdin is a terminal
 * @param stdoutTty stdout is a terminal
 * @param stderrTty stderr is a terminal
 */
public record SystemEnv(Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
        boolean stdinTty, boolean stdoutTty, boolean stderrTty, Clock clock, Path cwd) {

    public SystemEnv {
        env = Map.copyOf(env);
    }

    /**
     * The real process. The launcher tells us which streams are terminals in
     * {@code TCLI_TTY} (three digits, stdin/stdout/stderr), because Java alone cannot tell
     * stdout from stdin; without it we fall back to {@code System.console()}.
     */
    public static SystemEnv current() {
        Map<String, String> env = System.getenv();
        String tty = env.get("TCLI_TTY");
        boolean told = tty != null && tty.length() == 3;
        // Asked only when the launcher did not say: System.console() costs ~10 ms at startup on JDK 22+.
        boolean console = !told && System.console() != null;
        boolean in = told ? tty.charAt(0) == '1' : console;
        boolean out = told ? tty.charAt(1) == '1' : console;
        boolean err = told ? tty.charAt(2) == '1' : console;
        // fd 1 itself, not System.out: a PrintStream keeps a failed write (a full disk, a closed pipe) to
        // itself, and WatchedOutput must see it to exit 1 and to tell a streaming verb its reader has gone
        return new SystemEnv(env, System.in, WatchedOutput.of(new java.io.BufferedOutputStream(
                new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16)), utf8(System.err), in, out, err,
                // UTC: reading the system zone loads the tz database, which --help never needs;
                // DefaultContext.zone() resolves the user's zone when a command asks.
                Clock.systemUTC(), Path.of("").toAbsolutePath());
    }

    private static PrintStream utf8(OutputStream s) {
        return new PrintStream(s, false, StandardCharsets.UTF_8);
    }

    public String get(String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? null : v;
    }
}
