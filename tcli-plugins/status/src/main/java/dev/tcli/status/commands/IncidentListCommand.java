package dev.tcli.status.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import dev.tcli.spi.output.Column;
import dev.tcli.status.StatusIncident;
import dev.tcli.status.StatuspageClient;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "list", description = "List the page's incidents, newest first.",
        footerHeading = "%nExamples:%n", footer = {"  tcli status incident list", "  tcli status incident list --unresolved",
            "  tcli status incident list --limit 100 -o jsonl"})
public final class IncidentListCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = "--unresolved", description = "Only incidents that are not resolved yet")
    boolean unresolved;

    @Option(names = "--limit", paramLabel = "N", description = "At most N incidents (default ${DEFAULT-VALUE})", defaultValue = "25")
    int limit;

    public IncidentListCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (limit < 1) {
            throw TcliException.usage("--limit must be 1 or more");
        }
        Iterable<JsonNode> raw = StatuspageClient.connect(ctx).incidents(unresolved);
        // lazy: only the pages needed for --limit are fetched
        Iterable<StatusIncident> rows = () -> new Iterator<>() {
            private final Iterator<JsonNode> it = raw.iterator();
            private int n;

            @Override
            public boolean hasNext() {
                return n < limit && it.hasNext();
            }

            @Override
            public StatusIncident next() {
                n++;
                return StatusIncident.of(it.next());
            }
        };
        ctx.out().list(rows, columns(ctx));
        return 0;
    }

    static List<Column<StatusIncident>> columns(ModuleContext ctx) {
        return List.of(Column.dim("ID", StatusIncident::id), Column.status("STATUS", StatusIncident::status),
                Column.of("IMPACT", StatusIncident::impact), Column.of("CREATED", i -> Times.formatIso(i.createdAt(), ctx.zone())),
                Column.of("COMPONENTS", i -> String.join(", ", i.components())), Column.of("NAME", StatusIncident::name));
    }
}
