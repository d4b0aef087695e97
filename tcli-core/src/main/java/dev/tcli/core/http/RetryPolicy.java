package dev.tcli.core.http;

import java.time.Duration;

/**
 * How hard to try (docs/design.md §8): bounded in count and in total time.
 *
 * @param maxRetries  retries after the first attempt
 * @param backoff     first delay; doubled each retry (with jitter) unless the server says when
 * @param maxTotal    never wait past this much time in all
 */
public record RetryPolicy(int maxRetries, Duration backoff, Duration maxTotal) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30));
}
