package dev.tcli.status.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.status.Component;
import dev.tcli.status.ComponentStatus;
import dev.tcli.status.NameLookup;
import dev.tcli.status.StatuspageClient;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "set", description = "Set one component's status on the public page (names match case-insensitively). "
        + "Statuses: operational, degraded_performance (degraded), partial_outage (partial), major_outage (major), "
        + "under_maintenance (maintenance). Asks first on a terminal; --yes otherwise.",
        footerHeading = "%nExamples:%n", footer = {"  tcli status component set \"Build Workers\" degraded",
            "  tcli status component set api major --yes", "  tcli status component set depot operational --dry-run"})
public final class ComponentSetCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "Component name, e.g. \"Build Workers\"")
    String name;

    @Parameters(index = "1", paramLabel = "STATUS", description = "operational, degraded, partial, major or maintenance")
    String status;

    public ComponentSetCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ComponentStatus wanted = ComponentStatus.parse(status);
        StatuspageClient client = StatuspageClient.connect(ctx);
        Component c = NameLookup.find(name, client.components(), Component::name, "component", "tcli status components");
        if (c.status().equals(wanted.api())) {
            ctx.out().note(c.name() + " is already " + wanted.api() + "; nothing posted");
            ctx.out().object(c, ComponentsCommand.columns());
            return 0;
        }
        StatusUpdate.confirm(ctx, "Set " + c.name() + " from " + c.status() + " to " + wanted.api() + " on the public status page?");
        var reply = client.setComponentStatus(c.id(), wanted);
        if (ctx.flags().dryRun()) {
            return 0;
        }
        Component updated = new Component(c.id(), c.name(), reply.path("status").asText(wanted.api()), c.group());
        ctx.journal().record("status", "component set", c.name(), "ok",
                Map.of("component_id", c.id(), "from", c.status(), "to", updated.status(), "page_id", client.pageId()));
        ctx.out().object(updated, ComponentsCommand.columns());
        return 0;
    }
}
