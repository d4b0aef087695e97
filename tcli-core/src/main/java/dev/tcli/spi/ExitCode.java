package dev.tcli.spi;

/** The exit codes of docs/design.md §3. Stable: scripts depend on them. */
public final class ExitCode {
    public static final int OK = 0;
    /** The operation or a check failed. */
    public static final int FAILED = 1;
    /** Usage: unknown command, bad option or argument, missing --yes without a TTY. */
    public static final int USAGE = 2;
    /** Configuration or credentials missing or invalid. */
    public static final int CONFIG = 3;
    /** The service rejected our credentials (401/403). */
    public static final int AUTH = 4;
    /** Not found: incident, component, node, saved search. */
    public static final int NOT_FOUND = 5;
    /** Service unreachable, timed out, or still failing after retries. */
    public static final int UNAVAILABLE = 6;
    /** Interrupted (Ctrl-C). */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
