package dev.tcli.oncall.commands;

import dev.tcli.oncall.Incident;
import dev.tcli.oncall.LogEntry;
import dev.tcli.oncall.OncallProvider;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import dev.tcli.spi.output.Column;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "show", description = "Show one incident (by id or number) with its timeline: notifications, acks, notes, escalations.",
        footerHeading = "%nExamples:%n", footer = {"  tcli oncall show 1042", "  tcli oncall show Q1ABC2D -o json"})
public final class OncallShowCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id or number")
    String ref;

    public OncallShowCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    /** The JSON of {@code show}: the incident's fields plus its log. */
    public record Detail(String id, String number, String title, String status, String urgency, String service,
            List<String> assignees, String createdAt, String url, List<LogEntry> log) {
    }

    @Override
    public Integer call() {
        if (ctx.out().format() == dev.tcli.spi.Flags.OutputFormat.CSV) {
            // an incident and its log are two tables and a URL: no one CSV holds them
            throw TcliException.usage("'oncall show' has no CSV form: use -o json for the incident and its log, "
                    + "or 'tcli -o csv oncall incidents' for a table of incidents");
        }
        OncallProvider provider = OncallProvider.of(ctx);
        Incident i = IncidentActions.find(provider, List.of(ref)).get(0);
        List<LogEntry> log = provider.log(i);
        if (ctx.out().machine()) {
            ctx.out().value(new Detail(i.id(), i.number(), i.title(), i.status(), i.urgency(), i.service(), i.assignees(),
                    i.createdAt(), i.url(), log));
            return 0;
        }
        ctx.out().object(i, IncidentActions.incidentColumns(ctx));
        ctx.out().text("");
        ctx.out().list(log, List.of(Column.dim("AT", (LogEntry e) -> Times.format(Instant.parse(e.at()), ctx.zone())),
                Column.of("TYPE", LogEntry::type), Column.of("WHO", LogEntry::who), Column.of("WHAT", LogEntry::text)));
        if (i.url() != null) {
            ctx.out().text("");
            ctx.out().text(i.url());
        }
        return 0;
    }
}
