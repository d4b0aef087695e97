package dev.tcli.oncall;

import java.time.Instant;

/**
 * One line of an incident's timeline in the detail a postmortem needs, whichever service answers:
 * PagerDuty's log entry kinds, Splunk On-Call's transitions mapped onto them. {@link LogEntry} is
 * the short form {@code oncall show} prints.
 *
 * @param kind      the PagerDuty type without {@code _log_entry}/{@code _reference}: trigger, notify, acknowledge,
 *                  annotate, assign, escalate, resolve, ...
 * @param agent     who or what did it (a user's or service's summary)
 * @param agentType {@code user}, {@code service}, ... ({@code _reference} dropped)
 * @param subject   whom it concerned: the notified user, the new assignee
 * @param note      a note's text, apart from the summary
 */
public record LogDetail(String id, Instant at, String kind, String agent, String agentType, String subject, String note,
        String summary) implements Comparable<LogDetail> {

    /** A person did it (not the service or an integration). */
    public boolean byUser() {
        return agentType.equals("user");
    }

    @Override
    public int compareTo(LogDetail o) {
        int c = at.compareTo(o.at);
        return c != 0 ? c : id.compareTo(o.id);
    }
}
