package dev.tcli.status.commands;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.status.Component;
import dev.tcli.status.ComponentStatus;
import dev.tcli.status.IncidentPhase;
import dev.tcli.status.StatusIncident;
import dev.tcli.status.StatuspageClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "update", description = "Post an update to an incident: a new status, a message, component changes. "
        + "Asks first on a terminal; --yes otherwise; --dry-run prints the body.",
        footerHeading = "%nExamples:%n", footer = {
            "  tcli status incident update p31zjtct2jer --status identified --message \"A bad deploy; rolling back.\"",
            "  tcli status incident update p31zjtct2jer --status monitoring --message - --component API=operational < update.txt"})
public final class IncidentUpdateCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id (see `tcli status incident list --unresolved`)")
    String id;

    @Option(names = "--status", paramLabel = "STATUS", description = "identified, monitoring or resolved (or investigating)")
    String status;

    @Option(names = "--message", paramLabel = "TEXT", description = "The update customers read; - reads stdin (or $EDITOR on a terminal)")
    String message;

    @Option(names = "--component", paramLabel = "NAME=STATUS", description = "Component and its new status (repeatable)")
    List<String> components = new ArrayList<>();

    public IncidentUpdateCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String wantedStatus = IncidentPhase.parse(status);
        if (wantedStatus == null && message == null && components.isEmpty()) {
            throw TcliException.usage("nothing to post: give --status, --message or --component");
        }
        String body = StatusUpdate.message(ctx, message);
        StatuspageClient client = StatuspageClient.connect(ctx);
        Map<Component, ComponentStatus> changes = ComponentChanges.components(components, client, List.of());
        StatusIncident current = StatusIncident.of(client.incident(id));
        ObjectNode incident = JsonNodeFactory.instance.objectNode();
        if (wantedStatus != null) {
            incident.put("status", wantedStatus);
        }
        if (body != null) {
            incident.put("body", body);
        }
        Map<String, String> byId = new LinkedHashMap<>();
        changes.forEach((c, s) -> byId.put(c.id(), s.api()));
        if (!byId.isEmpty()) {
            incident.putPOJO("components", byId);
            var arr = incident.putArray("component_ids");
            byId.keySet().forEach(arr::add);
        }
        StatusUpdate.confirm(ctx, "Post an update to \"" + current.name() + "\" (" + current.status()
                + (wantedStatus == null ? "" : " -> " + wantedStatus) + ") on the public status page" + ComponentChanges.describe(changes) + "?");
        var reply = client.updateIncident(current.id(), incident);
        if (ctx.flags().dryRun()) {
            return 0;
        }
        StatusIncident updated = StatusIncident.of(reply);
        ctx.journal().record("status", "incident update", updated.id(), "ok", Map.of("name", updated.name(), "status",
                updated.status(), "components", ComponentChanges.byName(changes), "page_id", client.pageId()));
        ctx.out().object(updated, IncidentShowCommand.fields(ctx));
        return 0;
    }
}
