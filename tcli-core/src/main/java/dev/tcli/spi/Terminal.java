package dev.tcli.spi;

/** The user's terminal, if there is one. Not a TTY means: no color, no prompts, no spinners. */
public interface Terminal {
    boolean stdinIsTty();

    boolean stdoutIsTty();

    boolean stderrIsTty();

    /** Terminal width in columns (from {@code $COLUMNS}), or 0 when unknown or not a TTY. */
    int width();

    /**
     * Asks before a destructive or outward-facing action. Returns when confirmed: with
     * {@code --yes}; or on a TTY when the user answers yes.
     *
     * @throws TcliException exit 2 without a TTY and without {@code --yes}; exit 1 when the user says no
     */
    void confirm(String question);

    /** Reads one line from the user on a TTY (prompt on stderr); exit 2 without a TTY. */
    String prompt(String question);

    /** Reads a secret without echo on a TTY; exit 2 without a TTY. */
    char[] promptSecret(String question);
}
