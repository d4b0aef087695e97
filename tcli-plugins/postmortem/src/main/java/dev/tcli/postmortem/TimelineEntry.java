package dev.tcli.postmortem;

import java.time.Instant;

/**
 * One line of the postmortem timeline.
 *
 * @param source PagerDuty, Splunk On-Call, Statuspage or tcli (the journal)
 * @param who    the person or system that acted, when known
 * @param what   what happened, one line
 */
public record TimelineEntry(Instant at, String source, String who, String what) {
}
