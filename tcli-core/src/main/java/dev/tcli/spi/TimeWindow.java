package dev.tcli.spi;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A window of time as every verb takes it ({@code --since}/{@code --until}, logs' {@code --from}/{@code --to}):
 * one syntax ({@link Times#parse}), one set of rules, one message. Huge numbers are exit 2
 * (Times), and a window must start before it ends, so {@code --since 'in 1h'} or
 * {@code --since 2h --until 3h} is exit 2 everywhere, not accepted by one verb and refused by another.
 *
 * @param from the start, or null when neither a start nor a default was given
 * @param to   the end (now when not given)
 */
public record TimeWindow(Instant from, Instant to) {

    /**
     * Reads a window.
     *
     * @param since        the start as typed, or null
     * @param until        the end as typed, or null for now
     * @param defaultSince the start when {@code since} is null (e.g. {@code "28d"}), or null for none
     * @param startOption  how the start is spelled on this verb ({@code --since} or {@code --from}), for the message
     * @param endOption    how the end is spelled ({@code --until} or {@code --to})
     */
    public static TimeWindow of(String since, String until, String defaultSince, String startOption, String endOption, ZoneId zone,
            Clock clock) {
        Instant to = until == null ? clock.instant() : Times.parse(until, zone, clock);
        String start = since != null ? since : defaultSince;
        Instant from = start == null ? null : Times.parse(start, zone, clock);
        if (from != null && !from.isBefore(to)) {
            throw TcliException.usage("the window starts (" + startOption + " " + start.trim() + ": " + Times.format(from, zone)
                    + ") at or after it ends (" + (until == null ? "now" : endOption + " " + until.trim()) + ": " + Times.format(to, zone)
                    + "): " + startOption + " must be before " + endOption);
        }
        return new TimeWindow(from, to);
    }
}
