package dev.tcli.oncall.commands;

import dev.tcli.oncall.ActionResult;
import dev.tcli.oncall.OncallProvider;
import dev.tcli.oncall.Person;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "override", description = "Hand off coverage: put someone on a schedule between two times (an override).",
        footerHeading = "%nExamples:%n", footer = {"  tcli oncall override --schedule \"Builder Primary\" --user alex.chen@example.com --start now --end \"in 3h\"",
            "  tcli oncall override --schedule \"Builder Primary\" --user me --start \"2026-11-28 18:00\" --end \"2026-11-29 09:00\" --dry-run"})
public final class OverrideCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = "--schedule", required = true, paramLabel = "S", description = "Schedule name or id")
    String schedule;
    @Option(names = "--user", required = true, paramLabel = "U", description = "Who takes over: email, name, id, username or 'me'")
    String user;
    @Option(names = "--start", required = true, description = "When coverage starts: now, 'in 1h', '2026-11-28 18:00'")
    String start;
    @Option(names = "--end", required = true, description = "When it ends")
    String end;

    public OverrideCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Instant from = Times.parse(start, ctx.zone(), ctx.clock());
        Instant to = Times.parse(end, ctx.zone(), ctx.clock());
        if (!to.isAfter(from)) {
            throw TcliException.usage("--end must be after --start");
        }
        OncallProvider provider = OncallProvider.of(ctx);
        Person person = provider.person(user);
        ActionResult r = provider.override(schedule, person, from, to);
        if (ctx.flags().dryRun() && r == null) {
            return 0;
        }
        return IncidentActions.report(ctx, "override", List.of(r), Map.of("schedule", schedule, "user", person.id(),
                "start", Times.utc(from), "end", Times.utc(to)));
    }
}
