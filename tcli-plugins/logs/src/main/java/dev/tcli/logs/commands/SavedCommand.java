package dev.tcli.logs.commands;

import dev.tcli.logs.SavedSearches;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.output.Column;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "saved", description = "List the team's saved searches ([logs.saved.NAME] in tcli-team.toml).",
        footerHeading = "%nExamples:%n", footer = {"  tcli logs saved", "  tcli logs saved -o json", "  tcli logs search --saved live-api-errors"})
public final class SavedCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    public SavedCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!ctx.team().present()) {
            ctx.out().note(ctx.team().repo().isPresent() ? ctx.team().whyAbsent()
                    : "no team repo configured: set [team] repo in your config; its tcli-team.toml holds [logs.saved.NAME] searches");
        }
        List<SavedSearches.Saved> all = SavedSearches.all(ctx);
        ctx.out().list(all, List.of(Column.of("NAME", SavedSearches.Saved::name), Column.of("SINCE", SavedSearches.Saved::since),
                Column.of("QUERY", SavedSearches.Saved::query), Column.dim("DESCRIPTION", SavedSearches.Saved::description)));
        return 0;
    }
}
