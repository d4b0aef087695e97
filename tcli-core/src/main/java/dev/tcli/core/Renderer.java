package dev.tcli.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.Flags.OutputFormat;
import dev.tcli.spi.Mappers;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import dev.tcli.spi.output.Column;
import dev.tcli.spi.output.LiveRows;
import dev.tcli.spi.output.Output;
import dev.tcli.spi.output.SafeText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
                        cells.add(SafeText.escape(cell(c.value().apply(row))));
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
                String v = SafeText.escape(cell(f.value().apply(value)));
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
            out.println(SafeText.escapeKeepingLines(line));
            out.flush();
        }
    }

    @Override
    public void note(String line) {
        noted = true;
        if (!quiet) {
            // what the command printed before the note shows before it
            out.flush();
            err.println(SafeText.escape(Redactor.redact(line)));
            err.flush();
        }
    }

    @Override
    public void warn(String line) {
        noted = true;
        out.flush();
        err.println("warning: " + SafeText.escape(Redactor.redact(line)));
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
            JsonGenerator g = Mappers.output().createGenerator(new NonClosingWriter(out));
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            g.writeStartArray();
            for (T row : rows) {
                Mappers.output().writeValue(g, row);
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
            return pretty ? Mappers.output().writerWithDefaultPrettyPrinter().writeValueAsString(value)
                    : Mappers.output().writeValueAsString(value);
        } catch (IOException e) {
            throw new TcliException(ExitCode.FAILED, "cannot write JSON: " + e.getMessage());
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
            String h = columns.get(i).header();
            // status words and identifiers (what the next command is typed with) stay whole
            fixed[i] = columns.get(i).style() == Column.Style.STATUS || h.equals("ID") || h.endsWith(" ID") || h.equals("#");
        }
        for (T row : rows) {
            String[] r = new String[n];
            for (int i = 0; i < n; i++) {
                Object v = columns.get(i).value().apply(row);
                if (v instanceof java.time.temporal.Temporal || v instanceof Number) {
                    fixed[i] = true;
                }
                // server text never drives the terminal: newlines become blanks, other control characters escapes
                r[i] = SafeText.escape(cell(v).replace('\n', ' '));
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
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            shown.add(i);
        }
        if (width > 0) {
            for (int i = 0; i < n; i++) {
                fixed[i] |= allTimes(cells, i);
            }
            int[] natural = widths.clone();
            while (true) {
                int[] w = new int[shown.size()];
                boolean[] f = new boolean[shown.size()];
                List<Column<T>> cs = new ArrayList<>();
                for (int k = 0; k < shown.size(); k++) {
                    w[k] = natural[shown.get(k)];
                    f[k] = fixed[shown.get(k)];
                    cs.add(columns.get(shown.get(k)));
                }
                fit(w, f, cs, 20, false);
                boolean fits = fit(w, f, cs, 8, true);
                int dim = -1;
                for (int k = shown.size() - 1; k >= 0 && dim < 0; k--) {
                    if (cs.get(k).style() == Column.Style.DIM) {
                        dim = k;
                    }
                }
                if (fits || dim < 0) {
                    for (int k = 0; k < shown.size(); k++) {
                        widths[shown.get(k)] = w[k];
                    }
                    break;
                }
                // secondary (dimmed) columns go before the free text is cut below readable
                shown.remove(dim);
            }
        }
        StringBuilder header = new StringBuilder();
        for (int k = 0; k < shown.size(); k++) {
            int i = shown.get(k);
            String h = Screen.fit(columns.get(i).header(), widths[i]);
            header.append(k == shown.size() - 1 ? h : pad(h, widths[i]) + "  ");
        }
        String head = width > 0 ? Screen.fit(header.toString().stripTrailing(), width - 1) : header.toString().stripTrailing();
        out.println(color ? "\u001b[1m" + head + RESET : head);
        for (String[] r : cells) {
            StringBuilder line = new StringBuilder();
            int used = 0;
            for (int k = 0; k < shown.size(); k++) {
                int i = shown.get(k);
                boolean last = k == shown.size() - 1;
                String v = width > 0 ? Screen.fit(r[i], widths[i]) : r[i];
                String padded = last ? v : pad(v, widths[i]) + "  ";
                if (width > 0 && used + padded.length() > width - 1) {
                    // a row that still does not fit (many fixed columns) is cut, never wrapped
                    padded = Screen.fit(padded, Math.max(1, width - 1 - used));
                    line.append(styled(padded, columns.get(i).style(), padded));
                    break;
                }
                used += padded.length();
                line.append(styled(padded, columns.get(i).style(), v));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    /**
     * Narrows columns until a row fits in width - 1 (the last column of a terminal makes some
     * terminals wrap): the widest free-text column first, down to its header or {@code least}
     * characters, then the next widest. Called with 20, then 8 (evenly): every text column
     * keeps a readable 20 before any is cut below that. A row that still does not fit is cut
     * at the width. The widest is the free text (a title, a message); the others stay whole.
     */
    private <T> boolean fit(int[] widths, boolean[] fixed, List<Column<T>> columns, int least, boolean evenly) {
        int n = widths.length;
        int total = 2 * (n - 1);
        for (int w : widths) {
            total += w;
        }
        int over = total - (width - 1);
        while (over > 0) {
            int widest = -1;
            for (int i = 0; i < n; i++) {
                if (!fixed[i] && widths[i] > floor(columns.get(i), least) && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return false;
            }
            int next = 0;
            for (int i = 0; evenly && i < n; i++) {
                if (i != widest && !fixed[i]) {
                    next = Math.max(next, widths[i]);
                }
            }
            // evenly: down to the next widest first, then they give way in turn
            int cut = Math.min(over, Math.max(1, widths[widest] - Math.max(next, floor(columns.get(widest), least))));
            widths[widest] -= cut;
            over -= cut;
        }
        return true;
    }

    private static int floor(Column<?> c, int least) {
        return Math.max(least, c.header().length());
    }

    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile("(\\d{4}-\\d\\d-\\d\\d|\\d\\d:\\d\\d)\\S*( \\d\\d:\\d\\d\\S*)?( \\S{1,6})?");

    /** A column of times already formatted (logs, incidents' CREATED): cut, it would say nothing. */
    private static boolean allTimes(List<String[]> cells, int column) {
        for (String[] r : cells) {
            if (!r[column].isEmpty() && !TIME.matcher(r[column]).matches()) {
                return false;
            }
        }
        return true;
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
