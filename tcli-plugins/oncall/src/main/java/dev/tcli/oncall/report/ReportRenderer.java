package dev.tcli.oncall.report;

import dev.tcli.spi.output.Column;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The terminal rendering: a summary, a per-week bar chart in block characters, and the tables. */
public final class ReportRenderer {
    static final int BAR_WIDTH = 40;
    static final char BUSINESS = '\u2588';   // █
    static final char AFTER = '\u2592';      // ▒
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM dd", Locale.ROOT);

    private ReportRenderer() {
    }

    /** The prose and the chart, line by line. */
    public static List<String> summary(PagerReport.Summary s) {
        List<String> out = new ArrayList<>();
        out.add("Pager report " + s.since() + " .. " + s.until());
        out.add("Business hours " + s.businessHours() + " Mon-Fri, " + s.timeZone());
        out.add("");
        out.add(String.format(Locale.ROOT, "%-14s %5d   after hours %d (%s)", "Pages", s.total(), s.afterHours(), percent(s.afterHours(), s.total())));
        out.add(String.format(Locale.ROOT, "%-14s %5d   time to acknowledge: mean %s, p90 %s", "Acknowledged", s.acknowledged(),
                human(s.mttaSeconds()), human(s.mttaP90Seconds())));
        out.add(String.format(Locale.ROOT, "%-14s %5d   time to resolve:     mean %s, p90 %s", "Resolved", s.resolved(),
                human(s.mttrSeconds()), human(s.mttrP90Seconds())));
        if (!s.noisiestServices().isEmpty()) {
            List<String> noisy = new ArrayList<>();
            s.noisiestServices().forEach(n -> noisy.add(n.service() + " " + n.total() + " (" + n.percent() + "%)"));
            out.add(String.format(Locale.ROOT, "%-14s %s", "Noisiest", String.join(", ", noisy)));
        }
        out.add("");
        out.add("Pages per ISO week (" + BUSINESS + " business hours, " + AFTER + " after hours)");
        out.addAll(chart(s.byWeek()));
        out.add("");
        return out;
    }

    /** One line per week: label, stacked bar scaled to the busiest week, counts. */
    static List<String> chart(List<PagerReport.Week> weeks) {
        int max = weeks.stream().mapToInt(PagerReport.Week::total).max().orElse(0);
        List<String> out = new ArrayList<>();
        for (PagerReport.Week w : weeks) {
            String bar = bar(w.total(), w.afterHours(), max);
            out.add(String.format(Locale.ROOT, "%s  %s  %-" + BAR_WIDTH + "s %3d%s", w.week(), DAY.format(LocalDate.parse(w.starts())), bar,
                    w.total(), w.afterHours() > 0 ? "  (" + w.afterHours() + " after hours)" : ""));
        }
        return out;
    }

    static String bar(int total, int afterHours, int max) {
        if (total == 0 || max == 0) {
            return "";
        }
        int cells = Math.max(1, (int) Math.round((double) total * BAR_WIDTH / max));
        int after = afterHours == 0 ? 0 : Math.max(1, (int) Math.round((double) afterHours * BAR_WIDTH / max));
        after = Math.min(after, cells);
        return String.valueOf(BUSINESS).repeat(cells - after) + String.valueOf(AFTER).repeat(after);
    }

    public static List<Column<PagerReport.ServiceLoad>> serviceColumns() {
        return List.of(Column.of("SERVICE", PagerReport.ServiceLoad::service), Column.of("PAGES", PagerReport.ServiceLoad::total),
                Column.of("AFTER HOURS", PagerReport.ServiceLoad::afterHours),
                Column.of("MTTA", s -> human(s.mttaSeconds())), Column.of("P90 TTA", s -> human(s.mttaP90Seconds())),
                Column.of("MTTR", s -> human(s.mttrSeconds())), Column.of("P90 TTR", s -> human(s.mttrP90Seconds())));
    }

    public static List<Column<PagerReport.ResponderLoad>> responderColumns() {
        return List.of(Column.of("RESPONDER", PagerReport.ResponderLoad::responder), Column.of("PAGES", PagerReport.ResponderLoad::total),
                Column.of("AFTER HOURS", PagerReport.ResponderLoad::afterHours), Column.of("MTTA", r -> human(r.mttaSeconds())));
    }

    public static List<Column<PagerReport.Week>> weekColumns() {
        return List.of(Column.of("WEEK", PagerReport.Week::week), Column.of("STARTS", PagerReport.Week::starts),
                Column.of("PAGES", PagerReport.Week::total), Column.of("AFTER HOURS", PagerReport.Week::afterHours));
    }

    /** {@code 45s}, {@code 12m 05s}, {@code 3h 04m 00s}; {@code -} when there is nothing to measure. */
    static String human(Long seconds) {
        if (seconds == null) {
            return "-";
        }
        long s = Math.max(0, Duration.ofSeconds(seconds).getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, s % 3600 / 60, s % 60);
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "0%" : Math.round(100.0 * part / whole) + "%";
    }
}
