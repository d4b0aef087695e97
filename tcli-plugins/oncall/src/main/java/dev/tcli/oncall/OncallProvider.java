package dev.tcli.oncall;

import dev.tcli.oncall.report.Page;
import dev.tcli.spi.IncidentHistory;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One paging service behind the {@code oncall} verbs. Commands speak only this interface, so the
 * verbs and their JSON are the same whichever provider answers. A provider lacking a feature
 * throws {@link #unsupported} (exit 1, saying what to do instead).
 */
public interface OncallProvider {

    /** {@code pagerduty} or {@code victorops}. */
    String name();

    /** Me: who acknowledges, whose incidents {@code --mine} lists, whose shifts {@code --ical} exports. */
    Person me();

    /** A user by id, name, email or username; exit 5 naming it when there is none. */
    Person person(String who);

    /** Incidents matching the query, streamed (pages fetched as the iteration reaches them). */
    Iterable<Incident> incidents(IncidentQuery query);

    /** One incident by id or number; exit 5 naming it when unknown. */
    Incident incident(String ref);

    /** The incident's timeline, oldest first, notes included. */
    List<LogEntry> log(Incident incident);

    /**
     * One incident by id or number with its timeline in detail, what {@link PagerHistory} answers
     * other modules ({@code postmortem new}); exit 5 naming it when unknown, exit 6 when the answer
     * has no incident or log in it.
     */
    IncidentHistory.Incident record(String ref);

    /** Acknowledges triggered incidents; one result per incident. Empty on a dry run. */
    List<ActionResult> ack(List<Incident> incidents);

    /** Resolves open incidents, with an optional resolution note. Empty on a dry run. */
    List<ActionResult> resolve(List<Incident> incidents, String note);

    /** Reassigns to a person or (if {@code person} is null) to an escalation policy by name or id. */
    ActionResult reassign(Incident incident, Person person, String policy);

    ActionResult note(Incident incident, String text);

    ActionResult snooze(Incident incident, Duration duration);

    ActionResult addResponders(Incident incident, List<Person> people, String message);

    /** Escalates to {@code level}, or to the next level when {@code level} is 0. */
    ActionResult escalate(Incident incident, int level);

    /** Who is on call at {@code at} per escalation level, optionally for one schedule or policy. */
    List<OnCallLevel> whoIsOnCall(String schedule, String policy, Instant at);

    /** Shifts between {@code from} and {@code to}, on one schedule or (null) on every schedule. */
    List<Shift> shifts(String schedule, Instant from, Instant to);

    /** Hands coverage on a schedule to a person between two times. */
    ActionResult override(String schedule, Person person, Instant start, Instant end);

    /**
     * The pages of a window for {@code oncall report} (query: since/until, team; every status):
     * when each paged, was first acknowledged (and by whom) and resolved. By default read from
     * each incident's timeline, one call per incident; a provider whose listing already carries
     * the times overrides it.
     */
    default Iterable<Page> pages(IncidentQuery query) {
        return new MappedIterable<>(incidents(query), i -> page(i, log(i)), p -> true);
    }

    /** A page from an incident and its timeline: the first acknowledgement, the last resolve; responder = acknowledger, else assignee. */
    static Page page(Incident i, List<LogEntry> log) {
        Instant ack = null;
        Instant resolved = null;
        String ackBy = null;
        for (LogEntry e : log) {
            switch (e.type()) {
                case "acknowledge" -> {
                    if (ack == null) {
                        ack = Instant.parse(e.at());
                        ackBy = e.who();
                    }
                }
                case "resolve" -> resolved = Instant.parse(e.at());
                default -> { }
            }
        }
        if (!"resolved".equals(i.status())) {
            resolved = null;
        }
        String responder = ackBy != null ? ackBy : i.assignees().isEmpty() ? null : i.assignees().get(0);
        return new Page(i.id(), i.service() == null ? "?" : i.service(), i.urgency(), Instant.parse(i.createdAt()), ack, resolved, responder);
    }

    /** The provider named by {@code [profiles.X.oncall] provider} (default pagerduty). */
    static OncallProvider of(ModuleContext ctx) {
        String name = ctx.settings("oncall").string("provider", "pagerduty").toLowerCase(Locale.ROOT);
        return switch (name) {
            case "pagerduty" -> new PagerDutyProvider(ctx);
            case "victorops", "splunk", "splunk-oncall" -> new VictorOpsProvider(ctx);
            default -> throw TcliException.config(ctx.settings("oncall").where("provider") + ": [profiles." + ctx.profile()
                    + ".oncall] provider = '" + name + "' is not known; use \"pagerduty\" or \"victorops\"");
        };
    }

    static TcliException unsupported(String provider, String what, String instead) {
        return TcliException.failed(provider + " has no " + what + " in its public API; " + instead);
    }
}
