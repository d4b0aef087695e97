package dev.tcli.oncall.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.spi.TcliException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final BusinessHours hours = BusinessHours.parse("09:00-18:00", BERLIN);

    boolean after(String utc) {
        return hours.afterHours(Instant.parse(utc));
    }

    @Test
    void endIsExclusiveStartInclusive() {
        // Friday 2026-10-23, still summer time in Berlin (UTC+2)
        assertTrue(after("2026-10-23T06:59:59Z"), "08:59:59");
        assertFalse(after("2026-10-23T07:00:00Z"), "09:00");
        assertFalse(after("2026-10-23T15:59:00Z"), "17:59");
        assertFalse(after("2026-10-23T15:59:59Z"), "17:59:59");
        assertTrue(after("2026-10-23T16:00:00Z"), "18:00");
    }

    @Test
    void weekendsAreAfterHoursAllDay() {
        assertTrue(after("2026-10-24T10:00:00Z"), "Saturday noon");
        assertTrue(after("2026-10-25T11:00:00Z"), "Sunday noon, the day the clocks change");
        // Friday 23:30 UTC is already Saturday in Berlin
        assertTrue(after("2026-10-23T22:30:00Z"));
        // Sunday 23:30 UTC is Monday 00:30 in Berlin: a weekday, but before 09:00
        assertTrue(after("2026-10-25T23:30:00Z"));
    }

    @Test
    void followsTheWallClockAcrossTheDstChange() {
        // clocks go back on Sunday 2026-10-25: Monday is UTC+1
        assertFalse(after("2026-10-23T07:30:00Z"), "Friday 09:30 CEST");
        assertTrue(after("2026-10-26T07:30:00Z"), "Monday 08:30 CET: the same UTC time is now before nine");
        assertFalse(after("2026-10-26T08:00:00Z"), "Monday 09:00 CET");
        assertFalse(after("2026-10-26T16:59:00Z"), "Monday 17:59 CET");
        assertTrue(after("2026-10-26T17:00:00Z"), "Monday 18:00 CET");
        assertTrue(after("2026-10-23T16:30:00Z"), "Friday 18:30 CEST");
        assertFalse(after("2026-10-26T16:30:00Z"), "Monday 17:30 CET: the same UTC time is now inside");
    }

    @Test
    void otherZonesAndHours() {
        var la = BusinessHours.parse("8:30 - 17:00", ZoneId.of("America/Los_Angeles"));
        assertFalse(la.afterHours(Instant.parse("2026-11-20T16:30:00Z")), "Friday 08:30 PST");
        assertTrue(la.afterHours(Instant.parse("2026-11-20T16:29:59Z")));
        assertTrue(la.afterHours(Instant.parse("2026-11-21T01:00:00Z")), "Friday 17:00 PST");
    }

    @Test
    void badHoursAreUsageErrors() {
        for (String bad : new String[] {"9-18", "18:00-09:00", "09:00", "nine to five", "09:00-09:00"}) {
            var e = assertThrows(TcliException.class, () -> BusinessHours.parse(bad, BERLIN), bad);
            assertEquals(2, e.exitCode(), bad);
        }
    }
}
