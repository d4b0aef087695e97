package dev.tcli.spi.http;

/**
 * The process's one HTTP client (docs/design.md §8): User-Agent {@code tcli/<version>},
 * timeouts from {@code [profiles.X.http]}, proxies from the environment, the profile's
 * {@code ca_file}, bounded retries with backoff on 429/502/503/504 and connection failures for
 * requests safe to repeat (honouring {@code Retry-After} and {@code ratelimit-reset}), and
 * {@code -vv} request logging with credentials redacted.
 */
public interface Http {

    /** Starts a client for one service, e.g. {@code http().api("pagerduty").baseUrl(url).header("Authorization", ...)}. */
    ApiClient.Builder api(String service);
}
