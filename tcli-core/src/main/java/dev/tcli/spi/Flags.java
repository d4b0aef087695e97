package dev.tcli.spi;

/** The global options, as parsed from anywhere on the command line. */
public interface Flags {
    /** {@code --yes}: confirm destructive or outward-facing actions without asking. */
    boolean yes();

    /** {@code --dry-run}: print what would be sent, send nothing. */
    boolean dryRun();

    /** Number of {@code -v}: 0 quiet logs, 1 info, 2 debug incl. HTTP. */
    int verbosity();

    /** {@code -q}: only data and errors. */
    boolean quiet();

    /** Colour allowed: a terminal, no {@code --no-color}, no {@code NO_COLOR}. */
    boolean color();

    /** {@code -o}: table, json, jsonl or csv. */
    OutputFormat output();

    enum OutputFormat { TABLE, JSON, JSONL, CSV }
}
