package dev.tcli.spi.output;

/**
 * Rows on stdout rewritten in place as their work finishes (onboard check's checklist). Each row
 * is cut to the terminal's width, so a row is one screen row and the block can be redrawn by
 * counting rows. Obtained from {@link Output#liveRows}, which returns null where this cannot
 * work (not a terminal, width unknown): then print plain lines instead.
 */
public interface LiveRows extends AutoCloseable {

    /** Replaces row {@code index} (0-based) with {@code line}. */
    void set(int index, String line);

    /** Ends the block: the cursor is below it, later output starts on a fresh line. */
    @Override
    void close();
}
