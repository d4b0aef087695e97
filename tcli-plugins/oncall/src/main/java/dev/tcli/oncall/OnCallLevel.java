package dev.tcli.oncall;

/**
 * Who is on call at one escalation level.
 *
 * @param until  end of the shift, ISO-8601 in my time zone (null: no end)
 * @param stale  true when served from the cache because the service was unreachable
 * @param asOf   when this answer was fetched from the service (ISO-8601 UTC)
 */
public record OnCallLevel(int level, String policy, String schedule, String user, String email, String since, String until,
        boolean stale, String asOf) {

    public OnCallLevel stale(String asOf) {
        return new OnCallLevel(level, policy, schedule, user, email, since, until, true, asOf);
    }
}
