package dev.tcli.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something another thread or process does (a request reaching the emulator, a pid file,
 * a child exiting), polling briefly. A bound, never a timing assertion: tests assert on the state
 * afterwards, so a slow machine only waits longer.
 */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(20);

    private Await() {
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes; returns whether it held. */
    public static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return condition.getAsBoolean();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
        return true;
    }

    /** Like {@link #until} with a 10 s bound. */
    public static boolean until(BooleanSupplier condition) {
        return until(condition, Duration.ofSeconds(10));
    }
}
