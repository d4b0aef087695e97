package dev.tcli.oncall.report;

import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML page for the weekly review: inline CSS and inline SVG charts, no
 * scripts, fonts, images or links to fetch, so it opens the same from a mail attachment, a
 * wiki upload or an air-gapped laptop.
 */
public final class HtmlReport {
    private static final String BUSINESS = "#4c78a8";
    private static final String AFTER = "#e45756";

    private HtmlReport() {
    }

    public static String render(PagerReport.Summary s, String generatedAt) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Pager report ").append(esc(s.since())).append(" .. ").append(esc(s.until())).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:960px;color:#222}\n")
                .append("h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}\n")
                .append(".cards{display:flex;flex-wrap:wrap;gap:1rem}.card{border:1px solid #ddd;border-radius:8px;padding:.75rem 1rem;min-width:9rem}\n")
                .append(".card b{display:block;font-size:1.5rem}.muted{color:#666;font-size:.9rem}\n")
                .append("table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #eee}\n")
                .append("td.n,th.n{text-align:right}svg text{font-size:11px;fill:#333}\n")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>Pager report</h1>\n<p class=\"muted\">").append(esc(s.since())).append(" .. ").append(esc(s.until()))
                .append(" &middot; business hours ").append(esc(s.businessHours())).append(" Mon&ndash;Fri, ").append(esc(s.timeZone()))
                .append(" &middot; generated ").append(esc(generatedAt)).append("</p>\n");

        h.append("<div class=\"cards\">\n");
        card(h, "Pages", String.valueOf(s.total()), "");
        card(h, "After hours", String.valueOf(s.afterHours()), ReportRenderer.percent(s.afterHours(), s.total()) + " of pages");
        card(h, "Time to acknowledge", ReportRenderer.human(s.mttaSeconds()), "mean; p90 " + ReportRenderer.human(s.mttaP90Seconds()));
        card(h, "Time to resolve", ReportRenderer.human(s.mttrSeconds()), "mean; p90 " + ReportRenderer.human(s.mttrP90Seconds()));
        h.append("</div>\n");

        h.append("<h2>Pages per ISO week</h2>\n").append(weekChart(s.byWeek()));
        h.append("<h2>Pages per service</h2>\n").append(serviceChart(s.byService()));
        h.append("<table>\n<tr><th>Service</th><th class=\"n\">Pages</th><th class=\"n\">After hours</th><th class=\"n\">MTTA</th>")
                .append("<th class=\"n\">p90 TTA</th><th class=\"n\">MTTR</th><th class=\"n\">p90 TTR</th></tr>\n");
        for (PagerReport.ServiceLoad l : s.byService()) {
            h.append("<tr><td>").append(esc(l.service())).append("</td>").append(num(l.total())).append(num(l.afterHours()))
                    .append(num(ReportRenderer.human(l.mttaSeconds()))).append(num(ReportRenderer.human(l.mttaP90Seconds())))
                    .append(num(ReportRenderer.human(l.mttrSeconds()))).append(num(ReportRenderer.human(l.mttrP90Seconds()))).append("</tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Pages per responder</h2>\n<table>\n<tr><th>Responder</th><th class=\"n\">Pages</th><th class=\"n\">After hours</th>")
                .append("<th class=\"n\">MTTA</th></tr>\n");
        for (PagerReport.ResponderLoad r : s.byResponder()) {
            h.append("<tr><td>").append(esc(r.responder())).append("</td>").append(num(r.total())).append(num(r.afterHours()))
                    .append(num(ReportRenderer.human(r.mttaSeconds()))).append("</tr>\n");
        }
        h.append("</table>\n<p class=\"muted\">Responder: whoever acknowledged first, else whoever was paged. ")
                .append("After hours: outside business hours, or on a weekend, in ").append(esc(s.timeZone())).append(".</p>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** Stacked columns, business hours below and after hours on top, one per week. */
    static String weekChart(List<PagerReport.Week> weeks) {
        int max = Math.max(1, weeks.stream().mapToInt(PagerReport.Week::total).max().orElse(0));
        int barW = 36;
        int gap = 14;
        int plotH = 180;
        int left = 34;
        int width = left + weeks.size() * (barW + gap) + gap;
        int height = plotH + 70;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg role=\"img\" aria-label=\"Pages per ISO week\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
        svg.append(line(left, 10, left, plotH + 10)).append(line(left, plotH + 10, width - 4, plotH + 10));
        svg.append(text(left - 6, 14, "end", String.valueOf(max))).append(text(left - 6, plotH + 10, "end", "0"));
        int x = left + gap;
        for (PagerReport.Week w : weeks) {
            int total = w.total() * plotH / max;
            int after = w.afterHours() * plotH / max;
            int base = plotH + 10;
            svg.append(rect(x, base - total, barW, total - after, BUSINESS, w.week() + ": " + (w.total() - w.afterHours()) + " in business hours"));
            svg.append(rect(x, base - total, barW, after, AFTER, w.week() + ": " + w.afterHours() + " after hours"));
            svg.append(text(x + barW / 2, base - total - 4, "middle", String.valueOf(w.total())));
            svg.append(text(x + barW / 2, base + 16, "middle", "W" + w.week().substring(w.week().indexOf('W') + 1)));
            svg.append(text(x + barW / 2, base + 30, "middle", w.starts().substring(5)));
            x += barW + gap;
        }
        svg.append(rect(left + 4, height - 12, 10, 10, BUSINESS, "business hours")).append(text(left + 18, height - 3, "start", "business hours"));
        svg.append(rect(left + 120, height - 12, 10, 10, AFTER, "after hours")).append(text(left + 134, height - 3, "start", "after hours"));
        return svg.append("</svg>\n").toString();
    }

    /** Horizontal bars, busiest service first. */
    static String serviceChart(List<PagerReport.ServiceLoad> services) {
        int max = Math.max(1, services.stream().mapToInt(PagerReport.ServiceLoad::total).max().orElse(0));
        int label = 150;
        int plotW = 480;
        int rowH = 24;
        int height = services.size() * rowH + 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg role=\"img\" aria-label=\"Pages per service\" width=\"").append(label + plotW + 60).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(label + plotW + 60).append(' ').append(height).append("\">\n");
        int y = 5;
        for (PagerReport.ServiceLoad s : services) {
            int total = s.total() * plotW / max;
            int after = s.afterHours() * plotW / max;
            svg.append(text(label - 8, y + 15, "end", s.service()));
            svg.append(rect(label, y + 3, total - after, rowH - 8, BUSINESS, s.service() + ": " + (s.total() - s.afterHours()) + " in business hours"));
            svg.append(rect(label + total - after, y + 3, after, rowH - 8, AFTER, s.service() + ": " + s.afterHours() + " after hours"));
            svg.append(text(label + total + 6, y + 15, "start", String.valueOf(s.total())));
            y += rowH;
        }
        return svg.append("</svg>\n").toString();
    }

    private static void card(StringBuilder h, String title, String value, String sub) {
        h.append("<div class=\"card\"><span class=\"muted\">").append(esc(title)).append("</span><b>").append(esc(value)).append("</b>")
                .append(sub.isEmpty() ? "" : "<span class=\"muted\">" + esc(sub) + "</span>").append("</div>\n");
    }

    private static String rect(int x, int y, int w, int h, String fill, String title) {
        if (w <= 0 || h <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>\n",
                x, y, w, h, fill, esc(title));
    }

    private static String line(int x1, int y1, int x2, int y2) {
        return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>\n", x1, y1, x2, y2);
    }

    private static String text(int x, int y, String anchor, String s) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>\n", x, y, anchor, esc(s));
    }

    private static String num(Object v) {
        return "<td class=\"n\">" + esc(String.valueOf(v)) + "</td>";
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
