package dev.tcli.spi;

import java.time.Instant;
import java.util.List;

/**
 * Answers "what happened in incident REF" for the service a module owns, so that another module
 * can read it without importing that module: {@code tcli postmortem new} drafts from the paging
 * service's incident (the oncall module answers for PagerDuty and Splunk On-Call) and the status
 * page's (the status module answers for Statuspage). Like {@link EventListener}, an
 * implementation is registered in {@code META-INF/services/dev.tcli.spi.IncidentHistory} and
 * found with {@link ModuleContext#services}; a plugin jar can answer for another service
 * (Opsgenie, incident.io, ...) the same way.
 *
 * <p>Read-only, and the same reads, credentials and error messages as the owning module's own
 * commands: unknown incident exit 5, missing settings exit 3, and so on ({@link TcliException},
 * {@code ApiException}).
 */
public interface IncidentHistory {

    /** Which incident an implementation answers for. When several answer for one kind, the first found is used. */
    enum Kind {
        /** An incident that paged people: PagerDuty, Splunk On-Call (VictorOps). */
        PAGER,
        /** An incident on the public status page: Statuspage. */
        STATUS_PAGE
    }

    Kind kind();

    /**
     * The incident {@code ref} (an id or number, as the service's users write it) with its
     * timeline, read through the active profile's settings.
     *
     * @throws TcliException exit 5 when the service has no such incident
     */
    Incident incident(String ref, ModuleContext ctx);

    /**
     * One incident as its service tells it. Anything the service did not say is null (or empty).
     *
     * @param service   the service that answered, as people name it: {@code PagerDuty}, {@code Splunk On-Call},
     *                  {@code Statuspage}
     * @param id        the service's id for it
     * @param number    the number people say ({@code #1042}), without the {@code #}; null when the service has none
     * @param title     one line: the incident's title or name
     * @param description what the service says about it beyond the title
     * @param status    the service's own word: {@code triggered}, {@code acknowledged}, {@code resolved};
     *                  {@code investigating}, {@code identified}, {@code monitoring}, ...
     * @param severity  the service's own word for how bad: PagerDuty's urgency ({@code high}, {@code low}),
     *                  Statuspage's impact ({@code none}, {@code minor}, {@code major}, {@code critical})
     * @param affected  what it hit: the paging service's service, the status page's components
     * @param url       where people look at it in the service's web UI
     * @param timeline  what happened, oldest first
     */
    record Incident(String service, String id, String number, String title, String description, String status,
            String severity, List<String> affected, String url, Instant createdAt, Instant resolvedAt, List<Entry> timeline) {
        public Incident {
            affected = List.copyOf(affected);
            timeline = List.copyOf(timeline);
        }
    }

    /**
     * One line of an incident's timeline. Entries the service gives no readable time for are left out.
     *
     * @param id      unique within the incident (the service's id, or one the implementation makes up)
     * @param kind    what happened, in PagerDuty's log entry words for a paging service ({@code trigger},
     *                {@code notify}, {@code acknowledge}, {@code annotate}, {@code assign}, {@code escalate},
     *                {@code resolve}, ...), the update's status for a status page ({@code investigating}, ...)
     * @param agent   who or what did it: a person's display name, a service or integration; null when unknown
     * @param byUser  a person did it (not the service or an integration)
     * @param subject whom or what it concerned: the notified user, the new assignee, the components a status
     *                update changed ({@code API → major_outage, Web → degraded_performance})
     * @param note    free text that goes with it: a note's text, a status update's message
     * @param summary one line saying what happened, in the service's words ({@code Acknowledged by Dana Whitfield})
     */
    record Entry(String id, Instant at, String kind, String agent, boolean byUser, String subject, String note,
            String summary) implements Comparable<Entry> {

        /** By time, then id: a stable order for events in the same instant. */
        @Override
        public int compareTo(Entry o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : id.compareTo(o.id);
        }
    }
}
