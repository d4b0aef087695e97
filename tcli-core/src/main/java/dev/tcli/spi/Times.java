package dev.tcli.spi;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one time syntax of docs/design.md §2, for every {@code --since}, {@code --until},
 * {@code --at}, {@code --start}, {@code --end}: durations back from now ({@code 15m}, {@code 2h},
 * {@code 7d}), {@code now}, {@code today}, {@code yesterday}, ISO dates and date-times
 * (interpreted in the profile's zone unless they carry an offset), and forward offsets
 * ({@code in 15m}, {@code +1h}).
 */
public final class Times {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|sec|secs|m|min|mins|h|hr|hrs|d|w)");

    /** The longest duration tcli takes (a century): beyond it every caller's arithmetic would overflow. */
    public static final Duration MAX = Duration.ofDays(36_500);

    private Times() {
    }

    /** Parses a point in time; exit 2 with the accepted forms when it is not one. */
    public static Instant parse(String text, ZoneId zone, Clock clock) {
        try {
            return parseTime(text, zone, clock);
        } catch (ArithmeticException | DateTimeException | NumberFormatException e) {
            // a number too large for a date (--since 99999999999999d): one usage line, never a stack trace
            throw TcliException.usage("time '" + text.trim() + "' is out of range: use e.g. 15m, 7d or 2026-11-20");
        }
    }

    private static Instant parseTime(String text, ZoneId zone, Clock clock) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        switch (s) {
            case "now":
                return now;
            case "today":
                return LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
            case "yesterday":
                return LocalDate.ofInstant(now, zone).minusDays(1).atStartOfDay(zone).toInstant();
            case "tomorrow":
                return LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
            default:
                break;
        }
        if (s.startsWith("in ")) {
            return now.plus(parseDuration(s.substring(3), text));
        }
        if (s.startsWith("+")) {
            return now.plus(parseDuration(s.substring(1), text));
        }
        if (s.startsWith("-")) {
            return now.minus(parseDuration(s.substring(1), text));
        }
        if (s.endsWith(" ago")) {
            return now.minus(parseDuration(s.substring(0, s.length() - 4), text));
        }
        if (!s.isEmpty() && Character.isDigit(s.charAt(0)) && DURATION.matcher(s).lookingAt() && !s.contains("-")) {
            return now.minus(parseDuration(s, text));
        }
        String iso = text.trim().replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeException ignored) {
            // not with an offset
        }
        try {
            return ZonedDateTime.parse(iso).toInstant();
        } catch (DateTimeException ignored) {
            // not with a zone
        }
        try {
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeException ignored) {
            // not a local date-time
        }
        try {
            return LocalDate.parse(iso).atStartOfDay(zone).toInstant();
        } catch (DateTimeException ignored) {
            // not a date
        }
        throw TcliException.usage("cannot read time '" + text + "': use 15m, 2h, 7d, now, today, yesterday, "
                + "2026-11-20, '2026-11-20 10:00', 2026-11-20T10:00:00Z, 'in 15m' or +1h");
    }

    /** Parses a duration such as {@code 15m}, {@code 1h30m}, {@code 7d}, {@code 90s}; exit 2 otherwise. */
    public static Duration parseDuration(String text) {
        return parseDuration(text, text);
    }

    private static Duration parseDuration(String text, String original) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        Matcher m = DURATION.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            try {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s", "sec", "secs" -> Duration.ofSeconds(n);
                    case "m", "min", "mins" -> Duration.ofMinutes(n);
                    case "h", "hr", "hrs" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofDays(Math.multiplyExact(7, n));
                });
            } catch (ArithmeticException | NumberFormatException e) {
                total = MAX.plusSeconds(1);
            }
            if (total.compareTo(MAX) > 0) {
                // timeouts, intervals and windows beyond a century are typos; past it the arithmetic of callers overflows
                throw TcliException.usage("duration '" + original.trim() + "' is too large: at most 36500d");
            }
            end = m.end();
        }
        if (s.isEmpty() || end != s.length()) {
            throw TcliException.usage("cannot read duration '" + original.trim() + "': use e.g. 30s, 15m, 2h, 7d, 1h30m");
        }
        return total;
    }

    /**
     * A {@code --tz} option's zone: {@code otherwise} (the profile's zone) when not given, else a
     * region id or a short id such as {@code UTC}; exit 2 naming the accepted forms when unknown.
     */
    public static ZoneId zone(String option, ZoneId otherwise) {
        if (option == null) {
            return otherwise;
        }
        try {
            return ZoneId.of(option, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            throw TcliException.usage("unknown time zone '" + option
                    + "': use a region id such as Europe/London or America/Los_Angeles, or UTC");
        }
    }

    /** ISO-8601 with the zone's offset, to the second, e.g. {@code 2026-11-20T10:00:00+01:00}. */
    public static String format(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    /** ISO-8601 in UTC, e.g. {@code 2026-11-20T09:00:00Z}. */
    public static String utc(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * A timestamp a service sent (ISO-8601 with {@code Z} or an offset) shown in {@code zone}; blank
     * for none, the text as it came when it does not parse.
     */
    public static String formatIso(String iso, ZoneId zone) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return format(java.time.OffsetDateTime.parse(iso).toInstant(), zone);
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }
}
