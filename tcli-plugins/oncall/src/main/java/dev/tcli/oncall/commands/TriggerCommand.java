package dev.tcli.oncall.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.oncall.EventsClient;
import dev.tcli.oncall.Severity;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "trigger", description = "Send a trigger event to PagerDuty's Events API v2 (for scripts and monitors): "
        + "opens an incident, or joins the open one with the same --dedup-key.",
        footerHeading = "%nExamples:%n", footer = {"  tcli oncall trigger --service builder-api --summary \"disk 95%% on live-builder-api-0\" --severity critical",
            "  tcli oncall trigger --routing-key-cmd \"pass show pd/builder-api\" --summary \"queue stuck\" --dedup-key queue-stuck",
            "  tcli oncall resolve-event --service builder-api --dedup-key queue-stuck"})
public final class TriggerCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = "--routing-key-cmd", paramLabel = "CMD", description = "Command printing the integration (routing) key")
    String keyCmd;
    @Option(names = "--service", paramLabel = "S", description = "Use this PagerDuty service's Events v2 integration key")
    String service;
    @Option(names = "--summary", required = true, description = "What is wrong (at most 1024 characters)")
    String summary;
    @Option(names = "--severity", defaultValue = "error", description = "critical, error, warning or info (default error)")
    String severity;
    @Option(names = "--source", description = "Where it happens (default: this host)")
    String source;
    @Option(names = "--dedup-key", description = "Groups repeats into one incident; needed to resolve it later")
    String dedupKey;

    public TriggerCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    /** The answer of trigger and resolve-event. */
    public record EventResult(String status, String dedupKey, String action) {
    }

    @Override
    public Integer call() {
        String sev = Severity.parse(severity, "--severity");
        if (summary.isBlank() || summary.length() > 1024) {
            throw TcliException.usage("--summary must be 1 to 1024 characters");
        }
        EventsClient events = new EventsClient(ctx);
        String key = events.routingKey(keyCmd, service);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("summary", summary);
        payload.put("source", source != null ? source : ctx.env().getOrDefault("HOSTNAME", "tcli"));
        payload.put("severity", sev);
        JsonNode reply = events.send(key, "trigger", dedupKey, payload);
        if (reply == null) {
            return 0;
        }
        EventResult r = new EventResult(reply.path("status").asText(), reply.path("dedup_key").asText(dedupKey), "trigger");
        ctx.journal().record(IncidentActions.MODULE, "trigger", r.dedupKey(), "ok", Map.of("summary", summary, "severity", sev,
                "service", service == null ? "" : service));
        ctx.out().object(r, java.util.List.of(dev.tcli.spi.output.Column.of("STATUS", EventResult::status),
                dev.tcli.spi.output.Column.of("DEDUP KEY", EventResult::dedupKey)));
        return 0;
    }
}
