package dev.tcli.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.Flags.OutputFormat;
import dev.tcli.spi.Mappers;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import dev.tcli.spi.output.Column;
import dev.tcli.spi.output.Output;
import dev.tcli.spi.output.SafeText;
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
    private final Supplier<ZoneId> zone;

    Renderer(OutputFormat format, PrintWriter out, PrintWriter err, boolean color, boolean quiet, int width,
            Supplier<ZoneId> zone) {
        this.format = format;
        this.out = out;
        this.err = err;
        this.color = color;
        this.quiet = quiet;
        this.width = width;
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
        if (!quiet) {
            err.println(SafeText.escape(Redactor.redact(line)));
            err.flush();
        }
    }

    @Override
    public void warn(String line) {
        err.println("warning: " + SafeText.escape(Redactor.redact(line)));
        err.flush();
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
        for (int i = 0; i < n; i++) {
            widths[i] = columns.get(i).header().length();
        }
        for (T row : rows) {
            String[] r = new String[n];
            for (int i = 0; i < n; i++) {
                // server text never drives the terminal: newlines become blanks, other control characters escapes
                r[i] = SafeText.escape(cell(columns.get(i).value().apply(row)).replace('\n', ' '));
                widths[i] = Math.max(widths[i], r[i].length());
            }
            cells.add(r);
        }
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < n; i++) {
            header.append(i == n - 1 ? columns.get(i).header() : pad(columns.get(i).header(), widths[i]) + "  ");
        }
        out.println(color ? "\u001b[1m" + header.toString().stripTrailing() + RESET : header.toString().stripTrailing());
        for (String[] r : cells) {
            StringBuilder line = new StringBuilder();
            int used = 0;
            for (int i = 0; i < n; i++) {
                String v = r[i];
                boolean last = i == n - 1;
                if (last && width > 0 && used + v.length() > width && width - used > 1) {
                    // Only on a terminal: keep rows on one line; piped output is never cut.
                    v = v.substring(0, Math.max(0, width - used - 1)) + "…";
                }
                String padded = last ? v : pad(v, widths[i]) + "  ";
                used += padded.length();
                line.append(styled(padded, columns.get(i).style(), v));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
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
