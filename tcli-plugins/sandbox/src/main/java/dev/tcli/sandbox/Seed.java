package dev.tcli.sandbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * What seed data is generated from: a fixed number and the moment of the reset, so the sandbox
 * is the same after every reset, relative to now (open incidents are minutes old, the rota runs
 * over the coming weeks).
 *
 * @param value the fixed seed
 * @param now   the reset time, to the minute
 */
public record Seed(long value, Instant now) {
    public static final long DEFAULT = 20261122L;

    public static Seed at(Instant now) {
        return new Seed(DEFAULT, now.truncatedTo(ChronoUnit.MINUTES));
    }

    /** A random stream for one emulator or purpose; independent of the others. */
    public Random random(String purpose) {
        return new Random(value * 31 + purpose.hashCode());
    }
}
