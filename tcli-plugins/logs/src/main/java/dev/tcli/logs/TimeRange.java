package dev.tcli.logs;

import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import java.time.Instant;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/** The options that say where to look: {@code --since}, or {@code --from}/{@code --to}, and {@code --tz}. */
public final class TimeRange {
    @Option(names = "--since", paramLabel = "WHEN", description = "Search from this far back, e.g. 15m, 2h, 1d, or a time (default 15m, or the saved search's).")
    String since;

    @Option(names = "--from", paramLabel = "TIME", description = "Start of the range, e.g. '2026-11-20 10:00' (in --tz) or 2h.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the range (default now).")
    String to;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Time zone for --from/--to and the TIME column, e.g. Europe/London (default the profile's timezone).")
    public String tz;

    public ZoneId zone(ModuleContext ctx) {
        return Times.zone(tz, ctx.zone());
    }

    /** The range asked for; {@code defaultSince} applies when neither --since nor --from is given. */
    public Instant[] resolve(ModuleContext ctx, String defaultSince) {
        if (since != null && (from != null || to != null)) {
            throw TcliException.usage("--since cannot be combined with --from/--to: use --since 15m, or --from T [--to T]");
        }
        // the one window reader every verb uses (dev.tcli.spi.TimeWindow): same syntax, same rules, same message
        var w = dev.tcli.spi.TimeWindow.of(from != null ? from : since, to, defaultSince != null ? defaultSince : "15m",
                from != null ? "--from" : "--since", "--to", zone(ctx), ctx.clock());
        return new Instant[] {w.from(), w.to()};
    }
}
