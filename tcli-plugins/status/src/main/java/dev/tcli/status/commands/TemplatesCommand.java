package dev.tcli.status.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.output.Column;
import dev.tcli.status.IncidentTemplate;
import dev.tcli.status.StatuspageClient;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "templates", description = "List the page's incident templates (for incident create --template NAME).",
        footerHeading = "%nExamples:%n", footer = {"  tcli status templates", "  tcli status templates -o json"})
public final class TemplatesCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    public TemplatesCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<IncidentTemplate> templates = StatuspageClient.connect(ctx).templates().stream().map(IncidentTemplate::of).toList();
        ctx.out().list(templates, List.of(Column.of("NAME", IncidentTemplate::name), Column.status("STATUS", IncidentTemplate::status),
                Column.of("TITLE", IncidentTemplate::title), Column.of("COMPONENTS", t -> String.join(", ", t.components()))));
        return 0;
    }
}
