package dev.tcli.spi.output;

import java.util.function.Function;

/**
 * One column of a table or CSV: a header and how to get the cell from a row. JSON output
 * ignores columns and serialises the whole row (records and maps; snake_case field names).
 *
 * @param header  the column title, e.g. {@code STATUS}
 * @param value   the cell for a row (null prints empty)
 * @param style   how a terminal may colour it
 */
public record Column<T>(String header, Function<T, ?> value, Style style) {

    /** How a table may decorate a cell on a colour terminal. */
    public enum Style {
        PLAIN,
        /** A status word: triggered/major_outage red, acknowledged/degraded yellow, resolved/operational green. */
        STATUS,
        /** Secondary information, dimmed. */
        DIM
    }

    public static <T> Column<T> of(String header, Function<T, ?> value) {
        return new Column<>(header, value, Style.PLAIN);
    }

    public static <T> Column<T> status(String header, Function<T, ?> value) {
        return new Column<>(header, value, Style.STATUS);
    }

    public static <T> Column<T> dim(String header, Function<T, ?> value) {
        return new Column<>(header, value, Style.DIM);
    }
}
