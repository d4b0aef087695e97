package dev.tcli.oncall;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One incident with everything a postmortem draws on, beyond what {@link Incident} carries.
 *
 * @param service  {@code PagerDuty} or {@code Splunk On-Call}, as people name it
 * @param incident in PagerDuty's field names whichever service answers ({@code id, incident_number, title,
 *                 description, status, urgency, created_at, resolved_at, service.summary, html_url}); Splunk
 *                 On-Call's own answer is kept under {@code raw}
 * @param log      the timeline, oldest first
 */
public record IncidentRecord(String service, JsonNode incident, List<LogDetail> log) {
}
