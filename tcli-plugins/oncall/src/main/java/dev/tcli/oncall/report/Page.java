package dev.tcli.oncall.report;

import java.time.Instant;

/**
 * One incident as the pager report sees it: when it paged, when a person acknowledged it, when
 * it was resolved, and who answered (the first to acknowledge, else the first paged).
 */
public record Page(String id, String service, String urgency, Instant triggeredAt, Instant acknowledgedAt,
        Instant resolvedAt, String responder) {
}
