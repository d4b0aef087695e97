package dev.tcli.oncall.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagerReportTest {
    static final BusinessHours BERLIN = BusinessHours.parse("09:00-18:00", ZoneId.of("Europe/Berlin"));

    static Page page(String at, Integer ackAfter, Integer resolveAfter, String service, String who) {
        Instant t = Instant.parse(at);
        return new Page("P" + at, service, "high", t, ackAfter == null ? null : t.plusSeconds(ackAfter),
                resolveAfter == null ? null : t.plusSeconds(resolveAfter), who);
    }

    @Test
    void meansP90sAndGroups() {
        List<Page> pages = List.of(
                page("2026-10-19T08:00:00Z", 60, 600, "api", "Dana"),       // Mon 10:00 CEST
                page("2026-10-20T20:00:00Z", 120, 1200, "api", "Dana"),     // Tue 22:00: after hours
                page("2026-10-24T10:00:00Z", 300, null, "depot", "Alex"),   // Saturday, still open
                page("2026-10-26T07:30:00Z", 900, 3600, "worker", "Alex"),  // Mon 08:30 CET: after hours
                page("2026-10-27T10:00:00Z", null, null, "api", null),      // never acknowledged
                page("2026-11-30T10:00:00Z", 1, 1, "api", "Dana"));         // outside the window
        var r = PagerReport.compute(pages, Instant.parse("2026-10-19T00:00:00Z"), Instant.parse("2026-11-01T23:00:00Z"), BERLIN);
        assertEquals(5, r.total());
        assertEquals(3, r.afterHours());
        assertEquals(4, r.acknowledged());
        assertEquals(3, r.resolved());
        assertEquals(345L, r.mttaSeconds());          // (60+120+300+900)/4
        assertEquals(900L, r.mttaP90Seconds());       // nearest rank: ceil(0.9*4) = 4th
        assertEquals(1800L, r.mttrSeconds());         // (600+1200+3600)/3
        assertEquals(3600L, r.mttrP90Seconds());
        // the window ends at Monday 00:00 in Berlin: week 45 is not part of it
        assertEquals(List.of("2026-W43", "2026-W44"), r.byWeek().stream().map(PagerReport.Week::week).toList());
        assertEquals(3, r.byWeek().get(0).total());
        assertEquals(2, r.byWeek().get(0).afterHours());
        assertEquals("2026-10-26", r.byWeek().get(1).starts());
        assertEquals("api", r.byService().get(0).service());
        assertEquals(3, r.byService().get(0).total());
        assertEquals(90L, r.byService().get(0).mttaSeconds());
        assertEquals(List.of("Alex", "Dana", "(nobody)"), r.byResponder().stream().map(PagerReport.ResponderLoad::responder).toList());
        assertEquals(60, r.noisiestServices().get(0).percent());
    }

    @Test
    void emptyWindowHasEmptyWeeksAndNoAverages() {
        var r = PagerReport.compute(List.of(), Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-29T00:00:00Z"), BERLIN);
        assertEquals(0, r.total());
        assertNull(r.mttaSeconds());
        assertNull(r.mttrP90Seconds());
        assertEquals(List.of("2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44"),
                r.byWeek().stream().map(PagerReport.Week::week).toList());
        assertTrue(r.noisiestServices().isEmpty());
    }

    @Test
    void p90ByNearestRank() {
        assertEquals(9L, PagerReport.p90(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L)));
        assertEquals(10L, PagerReport.p90(List.of(10L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L)));
        assertEquals(7L, PagerReport.p90(List.of(7L)));
    }

    @Test
    void barChartScalesToTheBusiestWeekAndStacksAfterHours() {
        assertEquals("\u2588".repeat(30) + "\u2592".repeat(10), ReportRenderer.bar(20, 5, 20));
        assertEquals("\u2588".repeat(18) + "\u2592".repeat(2), ReportRenderer.bar(10, 1, 20));
        assertEquals("\u2592", ReportRenderer.bar(1, 1, 100), "a page is never invisible");
        assertEquals("", ReportRenderer.bar(0, 0, 20));
    }

    @Test
    void htmlIsSelfContained() {
        List<Page> pages = List.of(page("2026-10-19T08:00:00Z", 60, 600, "api <prod>", "Dana"));
        var r = PagerReport.compute(pages, Instant.parse("2026-10-19T00:00:00Z"), Instant.parse("2026-10-26T00:00:00Z"), BERLIN);
        String html = HtmlReport.render(r, "2026-10-26T09:00:00+01:00");
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<svg") && html.contains("<rect"), html);
        assertTrue(html.contains("api &lt;prod&gt;"), "escaped");
        for (String external : new String[] {"<script", "src=", "href=", "@import", "url(", "http:", "https:"}) {
            assertTrue(!html.contains(external), external);
        }
    }
}
