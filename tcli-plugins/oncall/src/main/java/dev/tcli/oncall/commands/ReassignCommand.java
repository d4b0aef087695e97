package dev.tcli.oncall.commands;

import dev.tcli.oncall.ActionResult;
import dev.tcli.oncall.Incident;
import dev.tcli.oncall.OncallProvider;
import dev.tcli.oncall.Person;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "reassign", description = "Hand an incident to a person or to an escalation policy.",
        footerHeading = "%nExamples:%n", footer = {"  tcli oncall reassign 1042 --to alex.chen@example.com",
            "  tcli oncall reassign 1042 --policy \"Builder Escalation\"", "  tcli oncall reassign 1042 --to \"Alex Chen\" --dry-run"})
public final class ReassignCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id or number")
    String ref;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--to", paramLabel = "USER", description = "Email, full name, user id or username")
        String user;
        @Option(names = "--policy", paramLabel = "EP", description = "Escalation policy name or id")
        String policy;
    }

    public ReassignCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        OncallProvider provider = OncallProvider.of(ctx);
        Incident incident = IncidentActions.find(provider, List.of(ref)).get(0);
        Person person = target.user != null ? provider.person(target.user) : null;
        ActionResult r = IncidentActions.sending(ctx, "reassign", List.of(incident), () -> provider.reassign(incident, person, target.policy));
        if (ctx.flags().dryRun()) {
            return 0;
        }
        return IncidentActions.report(ctx, "reassign", List.of(r), Map.of("to", person != null ? person.id() : target.policy));
    }
}
