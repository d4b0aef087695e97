package dev.tcli.oncall.commands;

import dev.tcli.oncall.OncallProvider;
import dev.tcli.oncall.RosterCache;
import dev.tcli.oncall.Shift;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import dev.tcli.spi.http.ApiException;
import dev.tcli.spi.output.Column;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "schedule", description = "Upcoming on-call shifts (default: every schedule, next 14 days). --ical writes my shifts "
        + "as an iCalendar file for any calendar app. Serves the last good answer, marked STALE, when the service is unreachable.",
        footerHeading = "%nExamples:%n", footer = {"  tcli oncall schedule", "  tcli oncall schedule \"Builder Primary\" --days 28",
            "  tcli oncall schedule --ical ~/oncall.ics"})
public final class ScheduleCommand implements Callable<Integer> {
    private static final DateTimeFormatter ICS = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final ModuleContext ctx;

    @Parameters(arity = "0..1", paramLabel = "SCHEDULE", description = "Schedule name or id (default: all)")
    String schedule;
    @Option(names = "--days", defaultValue = "14", description = "How many days ahead (default 14, at most 90)")
    int days;
    @Option(names = "--ical", paramLabel = "FILE", description = "Also write my shifts to this .ics file")
    String ical;

    public ScheduleCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (days < 1 || days > 90) {
            throw TcliException.usage("--days must be between 1 and 90");
        }
        Instant now = ctx.clock().instant();
        RosterCache cache = new RosterCache(ctx, "schedule", schedule + "-" + days);
        List<Shift> rows;
        String me;
        try {
            OncallProvider provider = OncallProvider.of(ctx);
            rows = provider.shifts(schedule, now, now.plus(Duration.ofDays(days)));
            me = ical != null ? provider.me().name() : null;
            cache.save(rows, me);
        } catch (ApiException e) {
            if (e.exitCode() != ExitCode.UNAVAILABLE) {
                throw e;
            }
            var cached = cache.<Shift>load(Shift.class).orElseThrow(() -> e);
            String asOf = Times.utc(cached.asOf());
            ctx.out().warn("STALE SCHEDULE: " + e.getMessage());
            ctx.out().warn("STALE SCHEDULE: showing shifts as of " + Times.format(cached.asOf(), ctx.zone()) + " ("
                    + cached.age(now) + " old); overrides made since are missing");
            rows = cached.rows().stream().map(s -> s.stale(asOf)).toList();
            me = cached.me();
        }
        if (ical != null) {
            writeIcal(rows, me);
        }
        ctx.out().list(rows, List.of(Column.of("SCHEDULE", Shift::schedule), Column.of("WHO", Shift::user),
                Column.of("START", Shift::start), Column.of("END", Shift::end), Column.dim("EMAIL", Shift::email)));
        return 0;
    }

    private void writeIcal(List<Shift> rows, String me) {
        if (me == null) {
            throw TcliException.failed("cannot tell which shifts are yours (no cached identity); run again when the service answers");
        }
        StringBuilder b = new StringBuilder();
        b.append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//tcli//oncall schedule//EN\r\nCALSCALE:GREGORIAN\r\n");
        String stamp = ICS.format(ctx.clock().instant());
        int n = 0;
        for (Shift s : rows) {
            if (!me.equals(s.user())) {
                continue;
            }
            Instant start = OffsetDateTime.parse(s.start()).toInstant();
            Instant end = OffsetDateTime.parse(s.end()).toInstant();
            b.append("BEGIN:VEVENT\r\n")
                    .append("UID:").append(Integer.toHexString((s.schedule() + start).hashCode())).append("-oncall@tcli\r\n")
                    .append("DTSTAMP:").append(stamp).append("\r\n")
                    .append("DTSTART:").append(ICS.format(start)).append("\r\n")
                    .append("DTEND:").append(ICS.format(end)).append("\r\n")
                    .append("SUMMARY:On call: ").append(escape(s.schedule())).append("\r\n")
                    .append("END:VEVENT\r\n");
            n++;
        }
        b.append("END:VCALENDAR\r\n");
        Path file = ctx.paths().expand(ical);
        try {
            // the user's shifts: private, and replaced atomically rather than written in place
            dev.tcli.spi.PrivateFiles.replace(file, b.toString());
        } catch (IOException e) {
            throw TcliException.failed("cannot write " + file + ": " + e.getMessage());
        }
        ctx.out().note("wrote " + n + " shift(s) of " + me + " to " + file);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;");
    }
}
