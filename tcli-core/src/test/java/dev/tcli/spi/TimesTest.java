package dev.tcli.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimesTest {
    private static final ZoneId PROFILE = ZoneId.of("Europe/Berlin");

    @Test
    void tzOptionFallsBackToTheProfileZoneAndTakesRegionAndShortIds() {
        assertEquals(PROFILE, Times.zone(null, PROFILE));
        assertEquals(ZoneId.of("America/Los_Angeles"), Times.zone("America/Los_Angeles", PROFILE));
        assertEquals(ZoneId.of("UTC"), Times.zone("UTC", PROFILE));
        assertEquals(ZoneId.of("America/Los_Angeles"), Times.zone("PST", PROFILE));
    }

    @Test
    void anUnknownZoneIsAUsageErrorNamingTheAcceptedForms() {
        TcliException e = assertThrows(TcliException.class, () -> Times.zone("Mars/Olympus", PROFILE));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("'Mars/Olympus'") && e.getMessage().contains("Europe/London"), e.getMessage());
    }

    /** Issue 14 section 7: huge numbers are one usage line, never an ArithmeticException. */
    @Test
    void hugeNumbersAreAUsageError() {
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-11-20T12:00:00Z"), java.time.ZoneOffset.UTC);
        for (String t : java.util.List.of("99999999999999999999m", "9223372036854775807m", "9999999999999d", "in 999999999999w",
                "-9999999999999h", "36501d", "+99999999999s", "1000000000-01-01")) {
            TcliException e = assertThrows(TcliException.class, () -> Times.parse(t, java.time.ZoneOffset.UTC, clock), t);
            assertEquals(ExitCode.USAGE, e.exitCode(), t);
        }
        for (String d : java.util.List.of("99999999999999999999s", "9223372036854775807h", "36501d", "5300w")) {
            TcliException e = assertThrows(TcliException.class, () -> Times.parseDuration(d), d);
            assertTrue(e.getMessage().contains("too large"), e.getMessage());
        }
        assertEquals(java.time.Duration.ofDays(36_500), Times.parseDuration("36500d"));
    }
}
