package dev.tcli.sandbox.commands;

import dev.tcli.sandbox.PracticeTeam;
import dev.tcli.sandbox.SandboxServer;
import dev.tcli.sandbox.Seed;
import dev.tcli.sandbox.StateStore;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "reset", description = "Restore the sandbox's seed data (incidents, schedules, status page, logs) and recreate its practice team repo.",
        footerHeading = "%nExamples:%n", footer = "  tcli sandbox reset")
public final class ResetCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    public ResetCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        var dir = ctx.paths().stateDir().resolve("sandbox");
        if (ctx.flags().dryRun()) {
            ctx.stdout().println("would restore the seed data in " + dir + " and recreate the practice team repo in "
                    + new PracticeTeam(dir).dir() + " (your changes there would be lost)");
            return 0;
        }
        new StateStore(dir, Clock.systemUTC()).reset(SandboxServer.emulators(), Seed.at(ctx.clock().instant()));
        PracticeTeam team = new PracticeTeam(dir);
        String note = team.recreate();
        if (note != null) {
            ctx.out().note(note);
        }
        ctx.out().note("sandbox reset: seed data restored in " + dir + ", practice team repo recreated in " + team.dir());
        return 0;
    }
}
