package dev.tcli.spi.output;

import dev.tcli.spi.Flags.OutputFormat;
import java.util.List;

/**
 * The one renderer every command prints through (docs/design.md §2): data to stdout in the
 * format chosen with {@code -o}, diagnostics to stderr.
 *
 * <ul>
 *   <li>{@code table}: aligned columns; on a TTY coloured status words, else plain untruncated rows.</li>
 *   <li>{@code json}: one document (an array for lists), streamed as rows arrive.</li>
 *   <li>{@code jsonl}: one object per line, streamed.</li>
 *   <li>{@code csv}: the table's columns, RFC 4180 quoting.</li>
 * </ul>
 */
public interface Output {

    OutputFormat format();

    /** True for json and jsonl, where commands must not print prose to stdout. */
    default boolean machine() {
        return format() == OutputFormat.JSON || format() == OutputFormat.JSONL;
    }

    /**
     * Prints rows. The iterable is consumed once and may be lazy (a paging iterator): json,
     * jsonl and csv stream it; a table buffers it to align the columns.
     */
    <T> void list(Iterable<T> rows, List<Column<T>> columns);

    /** Prints one object: {@code FIELD  value} lines in a table, an object in json. */
    <T> void object(T value, List<Column<T>> fields);

    /** Prints any JSON-serialisable value as the document (json/jsonl), or as indented JSON in table mode. */
    void value(Object value);

    /** A line of prose for people on stdout (table/csv only; ignored in json/jsonl). */
    void text(String line);

    /** Progress or a remark on stderr; silent with {@code -q}. */
    void note(String line);

    /** A warning on stderr ({@code warning: ...}), even with {@code -q}. */
    void warn(String line);

    /**
     * A progress line on a terminal's stderr, rewritten in place and cut to the width; null
     * clears it. It is cleared before anything else is printed to stdout or stderr, by any means.
     * Prints nothing when stderr is not a terminal or with {@code -q}: say what matters with
     * {@link #note} too.
     */
    default void progress(String line) {
    }

    /**
     * Rows on stdout redrawn in place as work finishes (see {@link LiveRows}); null when stdout
     * is not a terminal of known width or the format is json/jsonl: print plain lines then.
     */
    default LiveRows liveRows(List<String> rows) {
        return null;
    }

    /** Flushes stdout; for streaming commands between batches. */
    void flush();
}
