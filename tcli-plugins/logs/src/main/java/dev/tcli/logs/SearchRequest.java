package dev.tcli.logs;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code POST /api/v1/search/jobs} is sent. Times go as epoch milliseconds, which Sumo reads
 * without a zone; {@code timeZone} still names the zone asked for (the API requires it, and it is
 * the zone Sumo uses for time-bucketing operators).
 */
public record SearchRequest(String query, Instant from, Instant to, ZoneId zone, boolean byReceiptTime) {

    Map<String, Object> body() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("query", query);
        b.put("from", from.toEpochMilli());
        b.put("to", to.toEpochMilli());
        b.put("timeZone", zone.getId());
        b.put("byReceiptTime", byReceiptTime);
        return b;
    }

    /** True for an aggregate query ({@code | count by ...}): it yields records, not messages. */
    public boolean aggregate() {
        return query.matches("(?is).*\\|\\s*(count|sum|avg|min|max|pct|first|last|most_recent|least_recent|stddev|count_distinct|count_frequent|fillmissing|timeslice|top|transpose)\\b.*");
    }
}
