package dev.tcli.oncall.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The pager burden of a window ("measure everything and review weekly"): totals, after-hours
 * pages, time to acknowledge and to resolve (mean and p90), per ISO week, per service, per
 * responder, and the noisiest services. Pure computation over {@link Page}s, so the numbers are
 * testable without a service.
 */
public final class PagerReport {

    /** The whole report; field names are the JSON of {@code -o json}. Durations in whole seconds, null when nothing to measure. */
    public record Summary(String since, String until, String timeZone, String businessHours, int total, int afterHours,
            int acknowledged, int resolved, Long mttaSeconds, Long mttaP90Seconds, Long mttrSeconds, Long mttrP90Seconds,
            List<Week> byWeek, List<ServiceLoad> byService, List<ResponderLoad> byResponder, List<Noisy> noisiestServices) {
    }

    /** One ISO week of the report zone, e.g. {@code 2026-W45} starting Monday {@code 2026-11-02}. */
    public record Week(String week, String starts, int total, int afterHours) {
    }

    public record ServiceLoad(String service, int total, int afterHours, Long mttaSeconds, Long mttaP90Seconds,
            Long mttrSeconds, Long mttrP90Seconds) {
    }

    public record ResponderLoad(String responder, int total, int afterHours, Long mttaSeconds) {
    }

    /** A service's share of all pages, in whole percent. */
    public record Noisy(String service, int total, int percent) {
    }

    static final int NOISIEST = 3;

    private PagerReport() {
    }

    public static Summary compute(List<Page> pages, Instant since, Instant until, BusinessHours hours) {
        List<Page> in = pages.stream().filter(p -> !p.triggeredAt().isBefore(since) && p.triggeredAt().isBefore(until))
                .sorted(Comparator.comparing(Page::triggeredAt)).toList();
        List<Long> tta = secondsToAck(in);
        List<Long> ttr = secondsToResolve(in);

        Map<String, int[]> weeks = new LinkedHashMap<>();
        Map<String, String> weekStarts = new LinkedHashMap<>();
        for (LocalDate d = week(since, hours).start; d.atStartOfDay(hours.zone()).toInstant().isBefore(until); d = d.plusWeeks(1)) {
            weeks.put(weekKey(d), new int[2]);
            weekStarts.put(weekKey(d), d.toString());
        }
        for (Page p : in) {
            WeekOf w = week(p.triggeredAt(), hours);
            int[] c = weeks.computeIfAbsent(w.key, k -> new int[2]);
            weekStarts.putIfAbsent(w.key, w.start.toString());
            c[0]++;
            c[1] += hours.afterHours(p.triggeredAt()) ? 1 : 0;
        }
        List<Week> byWeek = new ArrayList<>();
        weeks.forEach((k, c) -> byWeek.add(new Week(k, weekStarts.get(k), c[0], c[1])));

        List<ServiceLoad> byService = new ArrayList<>();
        group(in, Page::service).forEach((svc, ps) -> {
            List<Long> a = secondsToAck(ps);
            List<Long> r = secondsToResolve(ps);
            byService.add(new ServiceLoad(svc, ps.size(), afterHours(ps, hours), mean(a), p90(a), mean(r), p90(r)));
        });
        byService.sort(Comparator.comparingInt(ServiceLoad::total).reversed().thenComparing(ServiceLoad::service));

        List<ResponderLoad> byResponder = new ArrayList<>();
        group(in, p -> p.responder() == null ? "(nobody)" : p.responder())
                .forEach((who, ps) -> byResponder.add(new ResponderLoad(who, ps.size(), afterHours(ps, hours), mean(secondsToAck(ps)))));
        byResponder.sort(Comparator.comparingInt(ResponderLoad::total).reversed().thenComparing(ResponderLoad::responder));

        List<Noisy> noisiest = new ArrayList<>();
        for (ServiceLoad s : byService.subList(0, Math.min(NOISIEST, byService.size()))) {
            noisiest.add(new Noisy(s.service(), s.total(), (int) Math.round(100.0 * s.total() / in.size())));
        }
        return new Summary(dev.tcli.spi.Times.format(since, hours.zone()), dev.tcli.spi.Times.format(until, hours.zone()),
                hours.zone().getId(), hours.start() + "-" + hours.end(), in.size(), afterHours(in, hours), tta.size(), ttr.size(),
                mean(tta), p90(tta), mean(ttr), p90(ttr), byWeek, byService, byResponder, noisiest);
    }

    private static int afterHours(List<Page> pages, BusinessHours hours) {
        return (int) pages.stream().filter(p -> hours.afterHours(p.triggeredAt())).count();
    }

    private static List<Long> secondsToAck(List<Page> pages) {
        return pages.stream().filter(p -> p.acknowledgedAt() != null)
                .map(p -> Duration.between(p.triggeredAt(), p.acknowledgedAt()).getSeconds()).toList();
    }

    private static List<Long> secondsToResolve(List<Page> pages) {
        return pages.stream().filter(p -> p.resolvedAt() != null)
                .map(p -> Duration.between(p.triggeredAt(), p.resolvedAt()).getSeconds()).toList();
    }

    private static Map<String, List<Page>> group(List<Page> pages, Function<Page, String> key) {
        Map<String, List<Page>> out = new LinkedHashMap<>();
        for (Page p : pages) {
            out.computeIfAbsent(Objects.requireNonNullElse(key.apply(p), "?"), k -> new ArrayList<>()).add(p);
        }
        return out;
    }

    /** The mean, rounded to the nearest second; null for no values. */
    static Long mean(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        return Math.round(values.stream().mapToLong(Long::longValue).sum() / (double) values.size());
    }

    /** The 90th percentile by nearest rank: the smallest value at least 90% of the values are at or below. */
    static Long p90(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(0.9 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private record WeekOf(String key, LocalDate start) {
    }

    private static WeekOf week(Instant at, BusinessHours hours) {
        LocalDate d = at.atZone(hours.zone()).toLocalDate();
        LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new WeekOf(weekKey(monday), monday);
    }

    static String weekKey(LocalDate d) {
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
