package dev.tcli.core;

import java.io.PrintStream;

/**
 * The log level and stream of this run, kept apart from {@link LogSetup} so that setting them
 * loads no logback class: logback starts only when something logs, or with {@code -v}.
 */
public final class Logs {
    static volatile int verbosity;
    static volatile PrintStream sink = System.err;
    static volatile boolean started;

    private Logs() {
    }

    /** Whether DEBUG lines are written ({@code -vv}); asking starts no logback. */
    public static boolean debug() {
        return verbosity >= 2;
    }

    /** Sets the level ({@code -v} count) and stderr of this run. */
    public static void apply(int verbosity, PrintStream err) {
        Logs.verbosity = verbosity;
        Logs.sink = err;
        if (started || verbosity > 0) {
            LogSetup.setLevel(verbosity);
        }
    }
}
