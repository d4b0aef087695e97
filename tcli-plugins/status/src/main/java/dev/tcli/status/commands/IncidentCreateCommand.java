package dev.tcli.status.commands;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.status.Component;
import dev.tcli.status.ComponentStatus;
import dev.tcli.status.IncidentImpact;
import dev.tcli.status.IncidentPhase;
import dev.tcli.status.IncidentTemplate;
import dev.tcli.status.NameLookup;
import dev.tcli.status.StatusIncident;
import dev.tcli.status.StatuspageClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "create", description = "Open an incident on the public status page. --component NAME=STATUS sets components "
        + "(repeatable); --template NAME fills name, message and status from the page's templates; --message - reads the "
        + "message from stdin, or from $EDITOR on a terminal. Asks first on a terminal; --yes otherwise; --dry-run prints the body.",
        footerHeading = "%nExamples:%n", footer = {
            "  tcli status incident create --name \"Elevated API errors\" --component API=partial --message \"We are investigating.\"",
            "  tcli status incident create --template \"Builds delayed\" --component \"Build Workers=degraded\" --yes",
            "  echo \"Builds are delayed.\" | tcli status incident create --name \"Builds delayed\" --message - --yes",
            "  tcli status incident create --name test --no-notify --dry-run"})
public final class IncidentCreateCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = "--name", paramLabel = "TEXT", description = "Incident title customers see")
    String name;

    @Option(names = "--status", paramLabel = "STATUS", description = "investigating (default), identified, monitoring or resolved")
    String status;

    @Option(names = "--message", paramLabel = "TEXT", description = "First update; - reads stdin (or $EDITOR on a terminal)")
    String message;

    @Option(names = "--component", paramLabel = "NAME=STATUS", description = "Affected component and its new status (repeatable)")
    List<String> components = new ArrayList<>();

    @Option(names = "--template", paramLabel = "NAME", description = "Start from one of the page's incident templates")
    String template;

    @Option(names = "--impact", paramLabel = "IMPACT", description = "Override the computed impact: none, minor, major, critical")
    String impact;

    @Option(names = "--no-notify", description = "Do not email/SMS the page's subscribers")
    boolean noNotify;

    public IncidentCreateCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String wantedStatus = IncidentPhase.parse(status);
        String wantedImpact = IncidentImpact.parse(impact);
        if (name == null && template == null) {
            throw TcliException.usage("--name is required (or --template NAME; see `tcli status templates`)");
        }
        String body = StatusUpdate.message(ctx, message);
        StatuspageClient client = StatuspageClient.connect(ctx);
        Map<Component, ComponentStatus> changes = ComponentChanges.components(components, client, List.of());
        Set<String> componentIds = new LinkedHashSet<>();
        String title = name;
        if (template != null) {
            List<IncidentTemplate> all = client.templates().stream().map(IncidentTemplate::of).toList();
            IncidentTemplate t = NameLookup.find(template, all, IncidentTemplate::name, "template", "tcli status templates");
            title = title != null ? title : t.title();
            body = body != null ? body : t.body();
            if (wantedStatus == null && t.status() != null && IncidentPhase.known(t.status())) {
                wantedStatus = t.status();
            }
            componentIds.addAll(t.componentIds());
        }
        wantedStatus = wantedStatus == null ? "investigating" : wantedStatus;
        ObjectNode incident = JsonNodeFactory.instance.objectNode();
        incident.put("name", title).put("status", wantedStatus);
        if (body != null) {
            incident.put("body", body);
        }
        if (wantedImpact != null) {
            incident.put("impact_override", wantedImpact);
        }
        incident.put("deliver_notifications", !noNotify);
        Map<String, String> byId = new LinkedHashMap<>();
        changes.forEach((c, s) -> byId.put(c.id(), s.api()));
        if (!byId.isEmpty()) {
            incident.putPOJO("components", byId);
        }
        componentIds.addAll(byId.keySet());
        if (!componentIds.isEmpty()) {
            var arr = incident.putArray("component_ids");
            componentIds.forEach(arr::add);
        }
        StatusUpdate.confirm(ctx, "Post a new incident \"" + title + "\" (" + wantedStatus + ") to the public status page"
                + ComponentChanges.describe(changes) + (noNotify ? "" : ", notifying subscribers") + "?");
        var reply = client.createIncident(incident);
        if (ctx.flags().dryRun()) {
            return 0;
        }
        StatusIncident created = StatusIncident.of(reply);
        ctx.journal().record("status", "incident create", created.id(), "ok", Map.of("name", created.name(), "status",
                created.status(), "components", ComponentChanges.byName(changes), "page_id", client.pageId()));
        ctx.out().object(created, IncidentShowCommand.fields(ctx));
        ctx.out().note("posted; next: tcli status incident update " + created.id() + " --status identified --message \"...\"");
        return 0;
    }
}
