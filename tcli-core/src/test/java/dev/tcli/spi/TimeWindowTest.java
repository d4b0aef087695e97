package dev.tcli.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 section 7 / issue 13 section 3: the one reader of --since/--until every verb uses. */
class TimeWindowTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aWindowStartsBeforeItEnds() {
        TimeWindow w = TimeWindow.of("2h", null, null, "--since", "--until", ZoneOffset.UTC, CLOCK);
        assertEquals(Instant.parse("2026-11-20T10:00:00Z"), w.from());
        assertEquals(CLOCK.instant(), w.to());
        assertEquals(Instant.parse("2026-11-20T11:00:00Z"), TimeWindow.of("2h", "1h", null, "--since", "--until", ZoneOffset.UTC, CLOCK).to());
        assertEquals(Instant.parse("2026-11-20T11:45:00Z"), TimeWindow.of("-15m", null, null, "--since", "--until", ZoneOffset.UTC, CLOCK).from(),
                "-15m is 15 minutes ago, like 15m");
        assertNull(TimeWindow.of(null, null, null, "--since", "--until", ZoneOffset.UTC, CLOCK).from());
        assertEquals(Instant.parse("2026-10-23T12:00:00Z"), TimeWindow.of(null, null, "28d", "--since", "--until", ZoneOffset.UTC, CLOCK).from());
        for (String[] bad : List.of(new String[] {"1h", "2h"}, new String[] {"in 1h", null}, new String[] {"+5m", null},
                new String[] {"now", null}, new String[] {"2026-11-21", "2026-11-20"}, new String[] {"99999999999999d", null})) {
            TcliException e = assertThrows(TcliException.class,
                    () -> TimeWindow.of(bad[0], bad[1], null, "--since", "--until", ZoneOffset.UTC, CLOCK), bad[0]);
            assertEquals(ExitCode.USAGE, e.exitCode());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
