package dev.tcli.logs;

import dev.tcli.spi.output.Column;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How messages and records print: the table's columns, and {@code --fields} selection for every format. */
public final class Rows {
    /** Friendly names for Sumo's fields in --fields. */
    static final Map<String, String> ALIASES = Map.of("time", "_messagetime", "host", "_sourcehost", "category", "_sourcecategory",
            "message", "_raw", "raw", "_raw", "source", "_sourcename", "id", "_messageid", "receipt", "_receipttime");

    private Rows() {
    }

    public static List<String> fields(List<String> asked) {
        if (asked == null || asked.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String f : asked) {
            String k = f.trim().toLowerCase(Locale.ROOT);
            if (!k.isEmpty()) {
                out.add(ALIASES.getOrDefault(k, k));
            }
        }
        return out;
    }

    static DateTimeFormatter timeFormat(ZoneId zone) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(zone);
    }

    /** Table/CSV columns: time (in the zone), host, category, message; or the --fields asked for. */
    public static List<Column<Map<String, String>>> messageColumns(ZoneId zone, List<String> fields) {
        DateTimeFormatter f = timeFormat(zone);
        if (fields.isEmpty()) {
            return List.of(Column.of("TIME", m -> f.format(SearchJob.time(m))), Column.of("HOST", m -> m.get("_sourcehost")),
                    Column.of("CATEGORY", m -> m.get("_sourcecategory")), Column.of("MESSAGE", m -> oneLine(m.get("_raw"))));
        }
        List<Column<Map<String, String>>> cols = new ArrayList<>();
        for (String name : fields) {
            if (name.equals("_messagetime") || name.equals("_receipttime")) {
                cols.add(Column.of(name.toUpperCase(Locale.ROOT), m -> m.get(name) == null ? null
                        : f.format(Instant.ofEpochMilli(Long.parseLong(m.get(name))))));
            } else {
                cols.add(Column.of(name.toUpperCase(Locale.ROOT), m -> name.equals("_raw") ? oneLine(m.get(name)) : m.get(name)));
            }
        }
        return cols;
    }

    /** Columns of an aggregate's records: its fields in Sumo's order ({@code _count} last). */
    public static List<Column<Map<String, String>>> recordColumns(List<Map<String, String>> records, List<String> fields) {
        List<String> names = !fields.isEmpty() ? fields : records.isEmpty() ? List.of() : new ArrayList<>(records.get(0).keySet());
        List<Column<Map<String, String>>> cols = new ArrayList<>();
        for (String n : names) {
            cols.add(Column.of(n.toUpperCase(Locale.ROOT), m -> m.get(n)));
        }
        return cols;
    }

    /** Rows limited to the --fields asked for (all of Sumo's map otherwise), lazily. */
    public static Iterable<Map<String, String>> select(Iterable<Map<String, String>> rows, List<String> fields) {
        if (fields.isEmpty()) {
            return rows;
        }
        return () -> {
            Iterator<Map<String, String>> it = rows.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Map<String, String> next() {
                    Map<String, String> m = it.next();
                    Map<String, String> out = new LinkedHashMap<>();
                    for (String f : fields) {
                        out.put(f, m.get(f));
                    }
                    return out;
                }
            };
        };
    }

    static String oneLine(String s) {
        return s == null ? null : s.replace("\r\n", " ⏎ ").replace('\n', ' ').replace('\t', ' ');
    }
}
