package dev.tcli.journal.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.JournalEntry;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.Times;
import dev.tcli.spi.output.Column;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "journal",
        description = "Shows what tcli did (acks, resolves, restarts, status updates...), oldest first, from "
                + "$XDG_STATE_HOME/tcli/journal.jsonl. Times are UTC, as in a postmortem timeline.",
        footerHeading = "%nExamples:%n",
        footer = {"  tcli journal", "  tcli journal --since 7d --module hab",
            "  tcli journal --incident Q1ABC2SBX --since 2d -o json", "  tcli journal --since '2026-11-20 09:00' --until '2026-11-20 12:00'"})
public final class JournalCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = "--since", defaultValue = "24h", paramLabel = "TIME",
            description = "Oldest entry to show: 15m, 2h, 7d, today, an ISO date or date-time (default: ${DEFAULT-VALUE})")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Newest entry to show (default: now)")
    String until;

    @Option(names = "--incident", paramLabel = "ID",
            description = "Only actions on this incident (id or number, as the target or in the details)")
    String incident;

    @Option(names = "--module", paramLabel = "MODULE", description = "Only actions of this module, e.g. oncall, status, hab")
    String module;

    public JournalCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        var window = dev.tcli.spi.TimeWindow.of(since, until, null, "--since", "--until", ctx.zone(), ctx.clock());
        Instant from = window.from();
        Instant to = until == null ? window.to().plusSeconds(1) : window.to(); // this second's entries too
        var result = ctx.journal().read(e -> !e.time().isBefore(from) && e.time().isBefore(to)
                        && (module == null || module.equalsIgnoreCase(e.module()))
                        && (incident == null || e.mentions(incident)));
        if (result.unreadable() > 0) {
            ctx.out().note("skipped " + result.unreadable() + " unreadable journal line(s) (a write cut short by a crash)");
        }
        ctx.out().list(result.entries(), columns());
        if (result.entries().isEmpty()) {
            ctx.out().note("no journal entries between " + Times.format(from, ctx.zone()) + " and " + Times.format(to, ctx.zone()));
        }
        return 0;
    }

    static List<Column<JournalEntry>> columns() {
        return List.of(Column.of("TIME (UTC)", e -> Times.utc(e.time())), Column.dim("PROFILE", JournalEntry::profile),
                Column.of("USER", JournalEntry::user), Column.of("MODULE", JournalEntry::module), Column.of("VERB", JournalEntry::verb),
                Column.of("TARGET", JournalEntry::target), Column.status("OUTCOME", JournalEntry::outcome));
    }
}
