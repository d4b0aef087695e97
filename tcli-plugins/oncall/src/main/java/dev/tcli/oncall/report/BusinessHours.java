package dev.tcli.oncall.report;

import dev.tcli.spi.TcliException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * When a page does not wake anyone: Monday to Friday, {@code start} (inclusive) to {@code end}
 * (exclusive), on the wall clock of {@code zone}. Wall-clock, so a DST change moves the UTC hours
 * with it: 09:00 Berlin is 07:00 UTC in summer and 08:00 UTC in winter.
 */
public record BusinessHours(LocalTime start, LocalTime end, ZoneId zone) {

    public BusinessHours {
        if (!start.isBefore(end)) {
            throw TcliException.usage("business hours must start before they end on the same day, e.g. 09:00-18:00");
        }
    }

    /** Parses {@code 09:00-18:00}; exit 2 on anything else. */
    public static BusinessHours parse(String text, ZoneId zone) {
        String[] parts = text.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw TcliException.usage("cannot read business hours '" + text + "': use HH:MM-HH:MM, e.g. 09:00-18:00");
        }
        try {
            return new BusinessHours(LocalTime.parse(pad(parts[0])), LocalTime.parse(pad(parts[1])), zone);
        } catch (DateTimeParseException e) {
            throw TcliException.usage("cannot read business hours '" + text + "': use HH:MM-HH:MM, e.g. 09:00-18:00");
        }
    }

    private static String pad(String hhmm) {
        return hhmm.length() == 4 && hhmm.charAt(1) == ':' ? "0" + hhmm : hhmm;
    }

    /** True outside business hours: weekends, before {@code start}, at or after {@code end}. */
    public boolean afterHours(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        DayOfWeek day = local.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return true;
        }
        LocalTime t = local.toLocalTime();
        return t.isBefore(start) || !t.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "-" + end + " Mon-Fri " + zone.getId();
    }
}
