package dev.tcli.oncall.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.oncall.EventsClient;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.output.Column;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "resolve-event", description = "Send a resolve event to PagerDuty's Events API v2 for the incident opened with --dedup-key.",
        footerHeading = "%nExamples:%n", footer = {"  tcli oncall resolve-event --service builder-api --dedup-key queue-stuck",
            "  tcli oncall resolve-event --routing-key-cmd \"pass show pd/builder-api\" --dedup-key queue-stuck --dry-run"})
public final class ResolveEventCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = "--routing-key-cmd", paramLabel = "CMD", description = "Command printing the integration (routing) key")
    String keyCmd;
    @Option(names = "--service", paramLabel = "S", description = "Use this PagerDuty service's Events v2 integration key")
    String service;
    @Option(names = "--dedup-key", required = true, description = "The key the trigger used")
    String dedupKey;

    public ResolveEventCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        EventsClient events = new EventsClient(ctx);
        JsonNode reply = events.send(events.routingKey(keyCmd, service), "resolve", dedupKey, null);
        if (reply == null) {
            return 0;
        }
        var r = new TriggerCommand.EventResult(reply.path("status").asText(), reply.path("dedup_key").asText(dedupKey), "resolve");
        ctx.journal().record(IncidentActions.MODULE, "resolve-event", dedupKey, "ok", Map.of("service", service == null ? "" : service));
        ctx.out().object(r, List.of(Column.of("STATUS", TriggerCommand.EventResult::status),
                Column.of("DEDUP KEY", TriggerCommand.EventResult::dedupKey)));
        return 0;
    }
}
