package dev.tcli.oncall.commands;

import dev.tcli.oncall.OnCallLevel;
import dev.tcli.oncall.OncallProvider;
import dev.tcli.oncall.RosterCache;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.Times;
import dev.tcli.spi.http.ApiException;
import dev.tcli.spi.output.Column;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "who", description = "Who is on call now (or at a time), per escalation level, with shift ends in my time zone. "
        + "When the service is unreachable, prints the last good answer with a loud STALE warning.",
        footerHeading = "%nExamples:%n", footer = {"  tcli oncall who", "  tcli oncall who --schedule \"Builder Primary\"",
            "  tcli oncall who --at \"2026-11-28 03:00\" -o json"})
public final class WhoCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = "--schedule", paramLabel = "S", description = "Only this schedule (name or id)")
    String schedule;
    @Option(names = "--policy", paramLabel = "EP", description = "Only this escalation policy (name or id)")
    String policy;
    @Option(names = "--at", paramLabel = "TIME", description = "At this time instead of now: 'in 3h', tomorrow, '2026-11-28 03:00'")
    String at;

    public WhoCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Instant when = at == null ? null : Times.parse(at, ctx.zone(), ctx.clock());
        RosterCache cache = new RosterCache(ctx, "who", schedule + "-" + policy + "-" + (at == null ? "now" : at));
        List<OnCallLevel> rows;
        try {
            rows = OncallProvider.of(ctx).whoIsOnCall(schedule, policy, when);
            cache.save(rows, null);
        } catch (ApiException e) {
            if (e.exitCode() != ExitCode.UNAVAILABLE) {
                throw e;
            }
            var cached = cache.<OnCallLevel>load(OnCallLevel.class).orElseThrow(() -> e);
            String asOf = Times.utc(cached.asOf());
            ctx.out().warn("STALE ROSTER: " + e.getMessage());
            ctx.out().warn("STALE ROSTER: showing the on-call list as of " + Times.format(cached.asOf(), ctx.zone()) + " ("
                    + cached.age(ctx.clock().instant()) + " old); it may have changed since, call people directly");
            rows = cached.rows().stream().map(o -> o.stale(asOf)).toList();
        }
        if (rows.isEmpty()) {
            ctx.out().note("nobody is on call" + (schedule != null ? " on " + schedule : "") + (policy != null ? " for " + policy : ""));
        }
        ctx.out().list(rows, List.of(Column.of("LEVEL", OnCallLevel::level), Column.of("POLICY", OnCallLevel::policy),
                Column.of("SCHEDULE", OnCallLevel::schedule), Column.of("WHO", OnCallLevel::user), Column.of("EMAIL", OnCallLevel::email),
                Column.dim("UNTIL", OnCallLevel::until)));
        return 0;
    }
}
