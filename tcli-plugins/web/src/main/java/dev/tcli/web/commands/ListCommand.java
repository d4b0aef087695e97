package dev.tcli.web.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.output.Column;
import dev.tcli.web.Bookmark;
import dev.tcli.web.Bookmarks;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tcli web list}. */
@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "list", description = "List the team's dashboards and bookmarks.",
        footerHeading = "%nExamples:%n",
        footer = {"  tcli web list", "  tcli web list -o json"})
public final class ListCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    public ListCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<Bookmark> all = Bookmarks.of(ctx).all();
        ctx.out().list(all, List.of(Column.of("NAME", Bookmark::name), Column.dim("URL", Bookmark::url)));
        if (all.isEmpty()) {
            ctx.out().note("no bookmarks: add name = \"https://...\" lines under [web] in " + ctx.team().file().orElseThrow());
        }
        return ExitCode.OK;
    }
}
