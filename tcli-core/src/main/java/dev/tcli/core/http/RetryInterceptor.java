package dev.tcli.core.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries what is safe to retry: a 429 always (the server refused it, nothing happened); 502,
 * 503, 504 and connection failures only for idempotent methods, or POSTs the caller marked as
 * repeatable. Honors {@code Retry-After} and PagerDuty's {@code ratelimit-reset}. Gives up
 * early rather than wait past the total budget.
 */
final class RetryInterceptor implements Interceptor {
    /** Loaded at the first retry: logback starts only when something is logged. */
    private static final class Log {
        static final Logger RETRY = LoggerFactory.getLogger(RetryInterceptor.class);
    }

    private static final Set<Integer> RETRY_STATUS = Set.of(429, 502, 503, 504);
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");

    /** Tag a request with this to let a POST be retried. */
    record RepeatablePost() {
    }

    /** Tag a request with this when its service signals a rate limit with another status (Splunk On-Call: 403). */
    record RateLimited(java.util.function.BiPredicate<Integer, String> test) {
        boolean matches(Response response) {
            if (response.code() < 400 || response.code() == 429) {
                return false;
            }
            try {
                return test.test(response.code(), response.peekBody(16_384).string());
            } catch (IOException e) {
                return false;
            }
        }
    }

    private final RetryPolicy policy;

    RetryInterceptor(RetryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        boolean idempotent = IDEMPOTENT.contains(request.method()) || request.tag(RepeatablePost.class) != null;
        long start = System.nanoTime();
        int attempt = 0;
        while (true) {
            Response response;
            try {
                response = chain.proceed(request);
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted() || !idempotent || !(e instanceof java.net.SocketTimeoutException)) {
                    throw e;
                }
                if (!sleepBeforeRetry(++attempt, null, start, request, "timeout")) {
                    throw e;
                }
                continue;
            } catch (IOException e) {
                if (!idempotent || !sleepBeforeRetry(++attempt, null, start, request, e.getClass().getSimpleName())) {
                    throw e;
                }
                continue;
            }
            int code = response.code();
            RateLimited rl = request.tag(RateLimited.class);
            // a rate limit under another status is a refusal too: nothing happened, safe to repeat
            boolean limited = code == 429 || rl != null && rl.matches(response);
            if (!limited && (!RETRY_STATUS.contains(code) || !idempotent)) {
                return response;
            }
            Duration serverSays = serverDelay(response);
            if (attempt >= policy.maxRetries()) {
                return response;
            }
            Duration delay = delay(attempt + 1, serverSays);
            if (elapsed(start).plus(delay).compareTo(policy.maxTotal()) > 0) {
                return response; // the caller reports it as still failing, exit 6
            }
            response.close();
            attempt++;
            Log.RETRY.info("{} {} answered {}; retry {} of {} in {} ms", request.method(), request.url().encodedPath(), code,
                    attempt, policy.maxRetries(), delay.toMillis());
            sleep(delay);
        }
    }

    private boolean sleepBeforeRetry(int attempt, Duration serverSays, long start, Request request, String why)
            throws InterruptedIOException {
        if (attempt > policy.maxRetries()) {
            return false;
        }
        Duration delay = delay(attempt, serverSays);
        if (elapsed(start).plus(delay).compareTo(policy.maxTotal()) > 0) {
            return false;
        }
        Log.RETRY.info("{} {} failed ({}); retry {} of {} in {} ms", request.method(), request.url().encodedPath(), why,
                attempt, policy.maxRetries(), delay.toMillis());
        sleep(delay);
        return true;
    }

    private Duration delay(int attempt, Duration serverSays) {
        if (serverSays != null) {
            return serverSays;
        }
        long base = policy.backoff().toMillis() << Math.min(attempt - 1, 10);
        // "equal jitter": half fixed, half random, so parallel clients spread out
        long jitter = base > 1 ? ThreadLocalRandom.current().nextLong(base / 2 + 1) : 0;
        return Duration.ofMillis(base / 2 + jitter);
    }

    static Duration serverDelay(Response response) {
        String retryAfter = response.header("Retry-After");
        if (retryAfter != null) {
            try {
                return Duration.ofMillis((long) (Double.parseDouble(retryAfter.trim()) * 1000));
            } catch (NumberFormatException e) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(retryAfter.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                    return d.isNegative() ? Duration.ZERO : d;
                } catch (RuntimeException ignored) {
                    // unreadable: fall through to backoff
                }
            }
        }
        String reset = response.header("ratelimit-reset");
        if (reset != null) {
            try {
                return Duration.ofMillis((long) (Double.parseDouble(reset.trim()) * 1000));
            } catch (NumberFormatException ignored) {
                // unreadable: fall through to backoff
            }
        }
        return null;
    }

    private static Duration elapsed(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void sleep(Duration d) throws InterruptedIOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
