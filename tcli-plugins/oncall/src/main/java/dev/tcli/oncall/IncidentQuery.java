package dev.tcli.oncall;

import java.time.Instant;
import java.util.List;

/**
 * What {@code oncall incidents} asks for. Null times mean "no bound" (all open incidents).
 *
 * @param limit at most this many rows; 0 for all
 */
public record IncidentQuery(List<String> statuses, boolean mine, String team, String service, String urgency,
        Instant since, Instant until, int limit) {
}
