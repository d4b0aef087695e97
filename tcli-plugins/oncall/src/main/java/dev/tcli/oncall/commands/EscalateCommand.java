package dev.tcli.oncall.commands;

import dev.tcli.oncall.ActionResult;
import dev.tcli.oncall.Incident;
import dev.tcli.oncall.OncallProvider;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "escalate", description = "Escalate an incident to the next level of its escalation policy (or to --level N).",
        footerHeading = "%nExamples:%n", footer = {"  tcli oncall escalate 1042", "  tcli oncall escalate 1042 --level 2 --dry-run"})
public final class EscalateCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id or number")
    String ref;
    @Option(names = "--level", paramLabel = "N", description = "Escalation level (default: the next one)")
    int level;

    public EscalateCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (level < 0) {
            throw TcliException.usage("--level must be 1 or more");
        }
        OncallProvider provider = OncallProvider.of(ctx);
        Incident incident = IncidentActions.find(provider, List.of(ref)).get(0);
        if (!incident.open()) {
            throw TcliException.failed(incident.label() + " is resolved; nothing to escalate");
        }
        ActionResult r = IncidentActions.sending(ctx, "escalate", List.of(incident), () -> provider.escalate(incident, level));
        if (ctx.flags().dryRun() && r == null) {
            return 0;
        }
        return IncidentActions.report(ctx, "escalate", List.of(r), Map.of("level", level == 0 ? "next" : level));
    }
}
