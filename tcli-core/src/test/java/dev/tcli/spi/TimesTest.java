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
}
