package dev.tcli.status.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.Times;
import dev.tcli.spi.output.Column;
import dev.tcli.status.StatusIncident;
import dev.tcli.status.StatuspageClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "show", description = "Show one incident with every update posted, newest first.",
        footerHeading = "%nExamples:%n", footer = {"  tcli status incident show p31zjtct2jer", "  tcli status incident show p31zjtct2jer -o json"})
public final class IncidentShowCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id (see `tcli status incident list`)")
    String id;

    public IncidentShowCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        StatusIncident i = StatusIncident.of(StatuspageClient.connect(ctx).incident(id));
        print(ctx, i);
        return 0;
    }

    static void print(ModuleContext ctx, StatusIncident i) {
        ctx.out().object(i, fields(ctx));
        if (!i.updates().isEmpty()) {
            ctx.out().text("");
            ctx.out().text("Updates:");
            for (StatusIncident.Update u : i.updates()) {
                ctx.out().text("  " + Times.formatIso(u.createdAt(), ctx.zone()) + "  " + u.status() + "  " + u.body());
                for (String c : u.changes()) {
                    ctx.out().text("      " + c);
                }
            }
        }
    }

    static List<Column<StatusIncident>> fields(ModuleContext ctx) {
        return List.of(Column.of("ID", StatusIncident::id), Column.of("NAME", StatusIncident::name),
                Column.status("STATUS", StatusIncident::status), Column.of("IMPACT", StatusIncident::impact),
                Column.of("COMPONENTS", i -> String.join(", ", i.components())),
                Column.of("CREATED", i -> Times.formatIso(i.createdAt(), ctx.zone())), Column.of("UPDATED", i -> Times.formatIso(i.updatedAt(), ctx.zone())),
                Column.of("RESOLVED", i -> Times.formatIso(i.resolvedAt(), ctx.zone())), Column.of("LINK", StatusIncident::shortlink));
    }
}
