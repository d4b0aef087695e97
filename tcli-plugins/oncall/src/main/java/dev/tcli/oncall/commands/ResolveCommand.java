package dev.tcli.oncall.commands;

import dev.tcli.oncall.ActionResult;
import dev.tcli.oncall.Incident;
import dev.tcli.oncall.IncidentQuery;
import dev.tcli.oncall.OncallProvider;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "resolve", description = "Resolve incidents, with an optional resolution note. Resolving more than one "
        + "asks first (--yes without a terminal); exit 1 names any that could not be resolved.",
        footerHeading = "%nExamples:%n", footer = {"  tcli oncall resolve 1042 --note \"restarted builder-api on live-builder-api-0\"",
            "  tcli oncall resolve 1042 1043 --yes", "  tcli oncall resolve Q1ABC2D --dry-run"})
public final class ResolveCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Incident ids or numbers")
    List<String> refs = new ArrayList<>();
    @Option(names = "--note", paramLabel = "TEXT", description = "What fixed it (added to the resolve log entry)")
    String note;

    public ResolveCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        OncallProvider provider = OncallProvider.of(ctx);
        List<Incident> incidents = IncidentActions.find(provider, refs);
        if (incidents.size() > 1) {
            ctx.terminal().confirm("Resolve " + incidents.size() + " incidents ("
                    + String.join(", ", incidents.stream().map(Incident::label).toList()) + ")?");
        }
        List<ActionResult> results = new ArrayList<>();
        List<Incident> open = new ArrayList<>();
        for (Incident i : incidents) {
            if (i.open()) {
                open.add(i);
            } else {
                ctx.out().note(i.label() + " is already resolved");
                results.add(ActionResult.of(i, "already_resolved", null));
            }
        }
        results.addAll(0, open.isEmpty() ? List.of() : IncidentActions.sending(ctx, "resolve", open, () -> provider.resolve(open, note)));
        if (ctx.flags().dryRun()) {
            return 0;
        }
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("status", "resolved");
        if (note != null) {
            sent.put("note", note);
        }
        List<String> resolved = results.stream().filter(r -> r.outcome().equals("resolved")).map(ActionResult::id).toList();
        try {
            return IncidentActions.report(ctx, "resolve", results, sent);
        } finally {
            if (!resolved.isEmpty()) {
                // other modules (the status page nag) want to know what is still burning
                ctx.publish("oncall.resolved", Map.of("ids", resolved, "open_remaining", openRemaining(provider)));
            }
        }
    }

    /** How many incidents are still open; -1 when that cannot be learned right now. */
    private int openRemaining(OncallProvider provider) {
        int n = 0;
        try {
            for (Incident ignored : provider.incidents(new IncidentQuery(List.of("triggered", "acknowledged"), false, null, null,
                    null, null, null, 0))) {
                n++;
            }
        } catch (RuntimeException e) {
            return -1;
        }
        return n;
    }
}
