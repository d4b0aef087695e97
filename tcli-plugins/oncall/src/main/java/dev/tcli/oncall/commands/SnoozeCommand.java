package dev.tcli.oncall.commands;

import dev.tcli.oncall.ActionResult;
import dev.tcli.oncall.Incident;
import dev.tcli.oncall.OncallProvider;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "snooze", description = "Snooze an acknowledged incident: it comes back as triggered after the time given.",
        footerHeading = "%nExamples:%n", footer = {"  tcli oncall snooze 1042 --for 1h", "  tcli oncall snooze 1042 --for 30m --dry-run"})
public final class SnoozeCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id or number")
    String ref;
    @Option(names = "--for", required = true, paramLabel = "DURATION", description = "e.g. 30m, 1h, 4h")
    String duration;

    public SnoozeCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Duration d = Times.parseDuration(duration);
        if (d.isZero() || d.toDays() > 1) {
            throw TcliException.usage("--for must be between 1s and 24h");
        }
        OncallProvider provider = OncallProvider.of(ctx);
        Incident incident = IncidentActions.find(provider, List.of(ref)).get(0);
        ActionResult r = IncidentActions.sending(ctx, "snooze", List.of(incident), () -> provider.snooze(incident, d));
        if (ctx.flags().dryRun() && r == null) {
            return 0;
        }
        return IncidentActions.report(ctx, "snooze", List.of(r), Map.of("seconds", d.toSeconds()));
    }
}
