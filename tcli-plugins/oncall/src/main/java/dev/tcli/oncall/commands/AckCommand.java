package dev.tcli.oncall.commands;

import dev.tcli.oncall.ActionResult;
import dev.tcli.oncall.Incident;
import dev.tcli.oncall.IncidentQuery;
import dev.tcli.oncall.OncallProvider;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "ack", description = "Acknowledge incidents. Without ids: every triggered incident assigned to me "
        + "(asks first when there is more than one; --yes without a terminal). Already acknowledged is fine; "
        + "exit 1 names any that could not be acknowledged.",
        footerHeading = "%nExamples:%n", footer = {"  tcli oncall ack", "  tcli oncall ack 1042 1043", "  tcli oncall ack --yes -o json",
            "  tcli oncall ack Q1ABC2D --dry-run"})
public final class AckCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(arity = "0..*", paramLabel = "ID", description = "Incident ids or numbers (default: my triggered incidents)")
    List<String> refs = new ArrayList<>();

    public AckCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        OncallProvider provider = OncallProvider.of(ctx);
        List<Incident> incidents = refs.isEmpty() ? mine(provider) : IncidentActions.find(provider, refs);
        if (incidents.isEmpty()) {
            ctx.out().note("nothing to acknowledge: no triggered incidents are assigned to " + provider.me().name());
            ctx.out().list(List.<ActionResult>of(), IncidentActions.resultColumns());
            return 0;
        }
        List<ActionResult> results = new ArrayList<>();
        List<Incident> toAck = new ArrayList<>();
        for (Incident i : incidents) {
            switch (i.status()) {
                case "triggered" -> toAck.add(i);
                case "acknowledged" -> {
                    ctx.out().note(i.label() + " is already acknowledged");
                    results.add(ActionResult.of(i, "already_acknowledged", null));
                }
                default -> results.add(ActionResult.of(i, "failed", "it is resolved; nothing to acknowledge"));
            }
        }
        results.addAll(0, toAck.isEmpty() ? List.of() : IncidentActions.sending(ctx, "ack", toAck, () -> provider.ack(toAck)));
        if (ctx.flags().dryRun()) {
            return 0;
        }
        return IncidentActions.report(ctx, "ack", results, Map.of("status", "acknowledged"));
    }

    private List<Incident> mine(OncallProvider provider) {
        List<Incident> mine = new ArrayList<>();
        provider.incidents(new IncidentQuery(List.of("triggered"), true, null, null, null, null, null, 0)).forEach(mine::add);
        if (mine.size() > 1) {
            ctx.terminal().confirm("Acknowledge " + mine.size() + " incidents assigned to you ("
                    + String.join(", ", mine.stream().map(Incident::label).toList()) + ")?");
        }
        return mine;
    }
}
