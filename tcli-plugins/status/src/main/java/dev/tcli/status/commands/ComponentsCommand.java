package dev.tcli.status.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.output.Column;
import dev.tcli.status.Component;
import dev.tcli.status.StatuspageClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "components", description = "List the status page's components with their status and group.",
        footerHeading = "%nExamples:%n", footer = {"  tcli status components", "  tcli status components -o json"})
public final class ComponentsCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    public ComponentsCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<Component> components = StatuspageClient.connect(ctx).components();
        ctx.out().list(components, columns());
        return 0;
    }

    static List<Column<Component>> columns() {
        return List.of(Column.of("NAME", Component::name), Column.status("STATUS", Component::status),
                Column.of("GROUP", Component::group), Column.dim("ID", Component::id));
    }
}
