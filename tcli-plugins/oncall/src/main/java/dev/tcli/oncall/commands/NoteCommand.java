package dev.tcli.oncall.commands;

import dev.tcli.oncall.ActionResult;
import dev.tcli.oncall.Incident;
import dev.tcli.oncall.OncallProvider;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "note", description = "Add a note to an incident's timeline (what you tried, what you found).",
        footerHeading = "%nExamples:%n", footer = {"  tcli oncall note 1042 \"restarted builder-api on live-builder-api-0\"",
            "  tcli oncall note 1042 rolled back to stable --dry-run"})
public final class NoteCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "ID", description = "Incident id or number")
    String ref;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The note (several words are joined)")
    List<String> words;

    public NoteCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String text = String.join(" ", words).trim();
        if (text.isEmpty()) {
            throw TcliException.usage("the note is empty: tcli oncall note ID TEXT");
        }
        OncallProvider provider = OncallProvider.of(ctx);
        Incident incident = IncidentActions.find(provider, List.of(ref)).get(0);
        ActionResult r = IncidentActions.sending(ctx, "note", List.of(incident), () -> provider.note(incident, text));
        if (ctx.flags().dryRun()) {
            return 0;
        }
        return IncidentActions.report(ctx, "note", List.of(r), Map.of("note", text));
    }
}
