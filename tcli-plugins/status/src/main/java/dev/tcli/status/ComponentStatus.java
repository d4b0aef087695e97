package dev.tcli.status;

import dev.tcli.spi.ExitCode;
import dev.tcli.spi.TcliException;
import java.util.List;
import java.util.Locale;

/** A component's status on the page, with the short words people type at 3 a.m. */
public enum ComponentStatus {
    OPERATIONAL("operational", "ok", "up"),
    DEGRADED_PERFORMANCE("degraded_performance", "degraded", "slow"),
    PARTIAL_OUTAGE("partial_outage", "partial"),
    MAJOR_OUTAGE("major_outage", "major", "outage", "down"),
    UNDER_MAINTENANCE("under_maintenance", "maintenance");

    private final String api;
    private final List<String> aliases;

    ComponentStatus(String api, String... aliases) {
        this.api = api;
        this.aliases = List.of(aliases);
    }

    /** The value the Statuspage API uses, e.g. {@code degraded_performance}. */
    public String api() {
        return api;
    }

    /** Parses an API value or an alias ({@code degraded}, {@code partial-outage}...); exit 2 with the valid list otherwise. */
    public static ComponentStatus parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (ComponentStatus s : values()) {
            if (s.api.equals(t) || s.aliases.contains(t)) {
                return s;
            }
        }
        throw new TcliException(ExitCode.USAGE, "unknown component status '" + text + "': use one of " + valid());
    }

    static String valid() {
        return "operational, degraded_performance, partial_outage, major_outage, under_maintenance "
                + "(or degraded, partial, major, maintenance)";
    }
}
