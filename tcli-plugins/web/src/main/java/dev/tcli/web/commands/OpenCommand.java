package dev.tcli.web.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.output.Column;
import dev.tcli.web.Bookmark;
import dev.tcli.web.Bookmarks;
import dev.tcli.web.Browser;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tcli web open NAME}: the dashboard you need, without hunting for the link. */
@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "open", description = "Open a bookmark in the browser (prints the URL when there is no display or opener).",
        footerHeading = "%nExamples:%n",
        footer = {"  tcli web open live-api", "  tcli web open grafana        # exact, then prefix, then substring",
            "  BROWSER=firefox tcli web open runbook", "  tcli web open live-api -o json   # {name, url, opened}"})
public final class OpenCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "NAME", description = "Bookmark name, or a prefix or part of one.")
    String name;

    /** What {@code web open} did. */
    public record Opened(String name, String url, boolean opened, String how) {
    }

    public OpenCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Bookmark b = Bookmarks.of(ctx).find(name);
        Browser.Outcome outcome = Browser.open(ctx, b.url());
        var opened = new Opened(b.name(), b.url(), outcome.opened(), outcome.how());
        if (ctx.out().machine()) {
            ctx.out().object(opened, List.of(Column.of("URL", Opened::url)));
        } else if (outcome.opened()) {
            ctx.out().note("opened " + b.name() + ": " + b.url());
        } else {
            // the URL is the answer: on stdout, so `tcli web open x | pbcopy` works too
            ctx.out().note("not opened (" + outcome.how() + "); open it yourself:");
            ctx.stdout().println(b.url());
            ctx.stdout().flush();
        }
        return outcome.failed() ? ExitCode.FAILED : ExitCode.OK;
    }
}
