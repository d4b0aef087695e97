package dev.tcli.status.commands;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.status.Component;
import dev.tcli.status.ComponentStatus;
import dev.tcli.status.StatusIncident;
import dev.tcli.status.StatuspageClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "resolve", description = "Resolve an incident and put its components back to operational (unless "
        + "--keep-components). Asks first on a terminal; --yes otherwise; --dry-run prints the body.",
        footerHeading = "%nExamples:%n", footer = {"  tcli status incident resolve p31zjtct2jer",
            "  tcli status incident resolve p31zjtct2jer --message \"Builds are back to normal.\" --yes",
            "  tcli status incident resolve p31zjtct2jer --keep-components"})
public final class IncidentResolveCommand implements Callable<Integer> {
    static final String DEFAULT_MESSAGE = "This incident has been resolved.";
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id (see `tcli status incident list --unresolved`)")
    String id;

    @Option(names = "--message", paramLabel = "TEXT", description = "Final update (default: \"" + DEFAULT_MESSAGE + "\"); - reads stdin")
    String message;

    @Option(names = "--keep-components", description = "Leave the affected components' status as it is")
    boolean keepComponents;

    public IncidentResolveCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String body = StatusUpdate.message(ctx, message);
        StatuspageClient client = StatuspageClient.connect(ctx);
        StatusIncident current = StatusIncident.of(client.incident(id));
        if (current.resolved()) {
            ctx.out().note("\"" + current.name() + "\" is already " + current.status() + "; nothing posted");
            ctx.out().object(current, IncidentShowCommand.fields(ctx));
            return 0;
        }
        Map<Component, ComponentStatus> back = new LinkedHashMap<>();
        if (!keepComponents) {
            for (Component c : client.components()) {
                if (current.components().contains(c.name()) && !c.status().equals(ComponentStatus.OPERATIONAL.api())) {
                    back.put(c, ComponentStatus.OPERATIONAL);
                }
            }
        }
        ObjectNode incident = JsonNodeFactory.instance.objectNode();
        incident.put("status", "resolved").put("body", body != null ? body : DEFAULT_MESSAGE);
        if (!back.isEmpty()) {
            Map<String, String> byId = new LinkedHashMap<>();
            back.forEach((c, s) -> byId.put(c.id(), s.api()));
            incident.putPOJO("components", byId);
            var arr = incident.putArray("component_ids");
            byId.keySet().forEach(arr::add);
        }
        StatusUpdate.confirm(ctx, "Resolve \"" + current.name() + "\" on the public status page" + ComponentChanges.describe(back) + "?");
        var reply = client.updateIncident(current.id(), incident);
        if (ctx.flags().dryRun()) {
            return 0;
        }
        StatusIncident resolved = StatusIncident.of(reply);
        ctx.journal().record("status", "incident resolve", resolved.id(), "ok", Map.of("name", resolved.name(), "status",
                resolved.status(), "components", ComponentChanges.byName(back), "page_id", client.pageId()));
        ctx.out().object(resolved, IncidentShowCommand.fields(ctx));
        return 0;
    }
}
