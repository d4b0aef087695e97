package dev.tcli.oncall;

/**
 * One stretch of someone's on-call duty on a schedule. Times are ISO-8601 in my time zone.
 *
 * @param stale  true when served from the cache because the service was unreachable
 * @param asOf   when this answer was fetched (ISO-8601 UTC)
 */
public record Shift(String schedule, String user, String email, String start, String end, boolean stale, String asOf) {

    public Shift stale(String asOf) {
        return new Shift(schedule, user, email, start, end, true, asOf);
    }
}
