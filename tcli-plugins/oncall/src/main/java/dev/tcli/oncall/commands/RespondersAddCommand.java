package dev.tcli.oncall.commands;

import dev.tcli.oncall.ActionResult;
import dev.tcli.oncall.Incident;
import dev.tcli.oncall.OncallProvider;
import dev.tcli.oncall.Person;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "add", description = "Request responders for an incident (PagerDuty responder requests; Splunk On-Call reroute).",
        footerHeading = "%nExamples:%n", footer = {"  tcli oncall responders add 1042 --user alex.chen@example.com",
            "  tcli oncall responders add 1042 --user \"Alex Chen\" --user pnatarajan --message \"need datastore help\""})
public final class RespondersAddCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id or number")
    String ref;
    @Option(names = "--user", required = true, split = ",", paramLabel = "USER", description = "Email, full name, user id or username (repeatable)")
    List<String> users = new ArrayList<>();
    @Option(names = "--message", description = "What you need from them")
    String message;

    public RespondersAddCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        OncallProvider provider = OncallProvider.of(ctx);
        Incident incident = IncidentActions.find(provider, List.of(ref)).get(0);
        List<Person> people = new ArrayList<>();
        for (String u : users) {
            people.add(provider.person(u));
        }
        ActionResult r = IncidentActions.sending(ctx, "responders", List.of(incident), () -> provider.addResponders(incident, people, message));
        if (ctx.flags().dryRun()) {
            return 0;
        }
        return IncidentActions.report(ctx, "responders-add", List.of(r), Map.of("users", people.stream().map(Person::id).toList()));
    }
}
