package dev.tcli.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.tcli.spi.Flags.OutputFormat;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import dev.tcli.spi.output.Column;
import dev.tcli.spi.output.LiveRows;
import dev.tcli.spi.output.Output;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** The one renderer: table vs json vs jsonl vs csv (see {@link Output}). */
final class Renderer implements Output {
    private static final String RESET = "\u001b[0m";

    private final OutputFormat format;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean color;
    private final boolean quiet;
    private final int width;
    private final Screen screen;
    private final Supplier<ZoneId> zone;
    private boolean noted;

    Renderer(OutputFormat format, PrintWriter out, PrintWriter err, boolean color, boolean quiet, Screen screen,
            Supplier<ZoneId> zone) {
        this(format, out, err, color, quiet, screen.outWidth(), screen, zone);
    }

    Renderer(OutputFormat format, PrintWriter out, PrintWriter err, boolean color, boolean quiet, int width,
            Screen screen, Supplier<ZoneId> zone) {
        this.format = format;
        this.out = out;
        this.err = err;
        this.color = color;
        this.quiet = quiet;
        this.width = width;
        this.screen = screen;
        this.zone = zone;
    }

    @Override
    public OutputFormat format() {
        return format;
    }

    @Override
    public <T> void list(Iterable<T> rows, List<Column<T>> columns) {
        switch (format) {
            case JSON -> jsonArray(rows);
            case JSONL -> {
                for (T row : rows) {
                    out.println(writeJson(row, false));
                    out.flush();
                }
            }
            case CSV -> {
                out.println(csvLine(columns.stream().map(Column::header).toList()));
                for (T row : rows) {
                    List<String> cells = new ArrayList<>();
                    for (Column<T> c : columns) {
                        cells.add(cell(c.value().apply(row)));
                    }
                    out.println(csvLine(cells));
                }
                out.flush();
            }
            default -> table(rows, columns);
        }
    }

    @Override
    public <T> void object(T value, List<Column<T>> fields) {
        if (machine()) {
            out.println(writeJson(value, format == OutputFormat.JSON));
        } else if (format == OutputFormat.CSV) {
            list(List.of(value), fields);
            return;
        } else {
            int w = fields.stream().mapToInt(c -> c.header().length()).max().orElse(0);
            for (Column<T> f : fields) {
                String v = cell(f.value().apply(value));
                out.println(pad(f.header() + ":", w + 1) + "  " + styled(v, f.style()));
            }
        }
        out.flush();
    }

    @Override
    public void value(Object value) {
        out.println(writeJson(value, format != OutputFormat.JSONL));
        out.flush();
    }

    @Override
    public void text(String line) {
        if (!machine()) {
            out.println(line);
            out.flush();
        }
    }

    @Override
    public void note(String line) {
        noted = true;
        if (!quiet) {
            err.println(Redactor.redact(line));
            err.flush();
        }
    }

    @Override
    public void warn(String line) {
        noted = true;
        err.println("warning: " + Redactor.redact(line));
        err.flush();
    }

    @Override
    public void progress(String line) {
        if (!quiet && screen != null) {
            screen.progress(line == null ? null : Redactor.redact(line));
        }
    }

    @Override
    public LiveRows liveRows(List<String> rows) {
        return screen == null || machine() ? null : screen.liveRows(rows);
    }

    @Override
    public void flush() {
        out.flush();
    }

    private <T> void jsonArray(Iterable<T> rows) {
        try {
            JsonGenerator g = Json.output().createGenerator(new NonClosingWriter(out));
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartArray();
            for (T row : rows) {
                Json.output().writeValue(g, row);
                g.flush();
            }
            g.writeEndArray();
            g.close();
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String writeJson(Object value, boolean pretty) {
        try {
            return pretty ? Json.output().writerWithDefaultPrettyPrinter().writeValueAsString(value)
                    : Json.output().writeValueAsString(value);
        } catch (IOException e) {
            throw new TcliException(1, "cannot write JSON: " + e.getMessage());
        }
    }

    private <T> void table(Iterable<T> rows, List<Column<T>> columns) {
        List<String[]> cells = new ArrayList<>();
        int n = columns.size();
        int[] widths = new int[n];
        // times, numbers and status words are never cut: only free text gives way
        boolean[] fixed = new boolean[n];
        for (int i = 0; i < n; i++) {
            widths[i] = columns.get(i).header().length();
            fixed[i] = columns.get(i).style() == Column.Style.STATUS;
        }
        for (T row : rows) {
            String[] r = new String[n];
            for (int i = 0; i < n; i++) {
                Object v = columns.get(i).value().apply(row);
                if (v instanceof java.time.temporal.Temporal || v instanceof Number) {
                    fixed[i] = true;
                }
                r[i] = cell(v).replace('\n', ' ');
                widths[i] = Math.max(widths[i], r[i].length());
            }
            cells.add(r);
        }
        if (cells.isEmpty()) {
            // a header over nothing looks like a failure to print; say so, unless the command has
            if (!noted) {
                note("(none)");
            }
            return;
        }
        if (width > 0) {
            fit(widths, fixed, columns);
        }
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String h = Screen.fit(columns.get(i).header(), widths[i]);
            header.append(i == n - 1 ? h : pad(h, widths[i]) + "  ");
        }
        String head = width > 0 ? Screen.fit(header.toString().stripTrailing(), width - 1) : header.toString().stripTrailing();
        out.println(color ? "\u001b[1m" + head + RESET : head);
        for (String[] r : cells) {
            StringBuilder line = new StringBuilder();
            int used = 0;
            for (int i = 0; i < n; i++) {
                boolean last = i == n - 1;
                String v = width > 0 ? Screen.fit(r[i], widths[i]) : r[i];
                if (last && width > 0) {
                    // a row that still does not fit (many fixed columns) is cut, never wrapped
                    v = Screen.fit(v, Math.max(1, width - 1 - used));
                }
                String padded = last ? v : pad(v, widths[i]) + "  ";
                used += padded.length();
                line.append(styled(padded, columns.get(i).style(), v));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    /**
     * Narrows columns until a row fits in width - 1 (the last column of a terminal makes some
     * terminals wrap): the widest free-text column first, down to its header or 8 characters,
     * then the next widest.
     */
    private <T> void fit(int[] widths, boolean[] fixed, List<Column<T>> columns) {
        int n = widths.length;
        int total = 2 * (n - 1);
        for (int w : widths) {
            total += w;
        }
        int over = total - (width - 1);
        while (over > 0) {
            int widest = -1;
            for (int i = 0; i < n; i++) {
                if (!fixed[i] && widths[i] > floor(columns.get(i)) && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return;
            }
            int next = 0;
            for (int i = 0; i < n; i++) {
                if (i != widest && !fixed[i]) {
                    next = Math.max(next, widths[i]);
                }
            }
            // down to the next widest column (then both shrink in turn), the floor, or just enough
            int cut = Math.min(over, Math.max(1, widths[widest] - Math.max(next, floor(columns.get(widest)))));
            widths[widest] -= cut;
            over -= cut;
        }
    }

    private static int floor(Column<?> c) {
        return Math.max(8, c.header().length());
    }

    private String styled(String text, Column.Style style) {
        return styled(text, style, text);
    }

    private String styled(String padded, Column.Style style, String word) {
        if (!color || style == Column.Style.PLAIN || word.isEmpty()) {
            return padded;
        }
        String code = style == Column.Style.DIM ? "2" : statusColor(word.trim());
        return code == null ? padded : "\u001b[" + code + "m" + word + RESET + padded.substring(word.length());
    }

    static String statusColor(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "triggered", "unacked", "major_outage", "critical", "down", "failed", "fail", "✘", "investigating", "high" -> "31";
            case "acknowledged", "acked", "degraded_performance", "partial_outage", "warning", "identified", "stale", "skip" -> "33";
            case "resolved", "operational", "ok", "up", "pass", "✔", "monitoring", "done" -> "32";
            case "under_maintenance", "low" -> "34";
            default -> null;
        };
    }

    String cell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Instant i) {
            return Times.format(i, zone.get());
        }
        if (v instanceof ZonedDateTime z) {
            return Times.format(z.toInstant(), zone.get());
        }
        if (v instanceof OffsetDateTime o) {
            return Times.format(o.toInstant(), zone.get());
        }
        if (v instanceof Collection<?> c) {
            List<String> parts = new ArrayList<>();
            c.forEach(e -> parts.add(cell(e)));
            return String.join(", ", parts);
        }
        if (v instanceof Map<?, ?> m) {
            return writeJson(m, false);
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return v.toString();
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    static String csvLine(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                sb.append(',');
            }
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Lets Jackson close its generator without closing stdout. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(java.io.Writer w) {
            super(w);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
