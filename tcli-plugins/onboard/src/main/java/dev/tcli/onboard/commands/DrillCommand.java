package dev.tcli.onboard.commands;

import dev.tcli.onboard.Checklist;
import dev.tcli.onboard.Drill;
import dev.tcli.onboard.Scorecard;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@DryRun(value = DryRun.Support.REFUSED, why = "the drill is a live exercise in the sandbox, there is nothing to preview")
@Command(name = "drill", description = "Practise a whole incident in the sandbox: tcli pages you, puts matching errors in the logs, "
        + "and times how long you take to ack, post to the status page, find the error, resolve both and draft the postmortem.",
        footerHeading = "%nExamples:%n", footer = {"  tcli --profile sandbox onboard drill",
            "  tcli --profile sandbox onboard drill --timeout 15m --dir ~/drills", "  tcli --profile sandbox onboard drill -o json"})
public final class DrillCommand implements Callable<Integer> {
    /** How often the sandbox state is read: often enough to see a log search job before it is deleted. */
    static final Duration POLL = Duration.ofMillis(200);

    private final ModuleContext ctx;
    private Scorecard card;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30m", description = "End the drill after this long (default ${DEFAULT-VALUE})")
    String timeout;
    @Option(names = "--dir", paramLabel = "DIR", description = "Where to look for your postmortem-*.md draft (default: where 'postmortem new' puts it in the sandbox)")
    String dir;

    public DrillCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @SuppressWarnings("try") // the resource is a Ctrl-C guard: held for the block, never read
    @Override
    public Integer call() throws Exception {
        Duration limit = limit();
        if (!ctx.sandbox()) {
            throw TcliException.usage("the drill pages people and writes to the status page: it runs only in the sandbox. "
                    + "Try 'tcli --profile sandbox onboard drill' (profile '" + ctx.profile() + "' is real)");
        }
        Drill drill = new Drill(ctx, directory());
        drill.begin();
        brief(drill, limit);
        AtomicBoolean interrupted = new AtomicBoolean();
        // Ctrl-C: the real process runs this from its shutdown hook, so the scorecard is printed here
        try (AutoCloseable onCtrlC = ctx.onInterrupt(() -> {
            interrupted.set(true);
            finish(drill, "interrupted");
        })) {
            long deadline = System.nanoTime() + limit.toNanos();
            while (!drill.allDone() && !interrupted.get() && System.nanoTime() < deadline) {
                for (String step : drill.poll()) {
                    ctx.out().note("✔ " + Drill.STEPS.get(step) + " (" + Scorecard.human(drill.elapsed(step).toMillis() / 1000.0) + ")");
                }
                if (!drill.allDone()) {
                    Thread.sleep(POLL.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted.set(true);
        }
        if (interrupted.get()) {
            finish(drill, "interrupted");
            throw new TcliException(ExitCode.INTERRUPTED, "drill interrupted; the scorecard above shows how far you got");
        }
        return "done".equals(finish(drill, drill.allDone() ? "done" : "timeout").ended()) ? 0 : 1;
    }

    private Duration limit() {
        try {
            Duration d = Times.parseDuration(timeout);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (RuntimeException e) {
            // said below
        }
        throw TcliException.usage("--timeout '" + timeout + "' is not a duration: use e.g. 30m or 1h");
    }

    /** --dir, else where postmortem new writes a sandbox incident's draft (the sandbox's state dir, docs/postmortem.md). */
    private Path directory() {
        if (dir != null) {
            Path p = ctx.paths().expand(dir);
            return p.isAbsolute() ? p : base().resolve(p).normalize();
        }
        return ctx.paths().stateDir().resolve("sandbox").resolve("postmortems");
    }

    private Path base() {
        String pwd = ctx.env().get("PWD");
        return pwd != null && Path.of(pwd).isAbsolute() ? Path.of(pwd) : Path.of("").toAbsolutePath();
    }

    private void brief(Drill drill, Duration limit) {
        String p = "tcli --profile " + ctx.profile();
        ctx.out().note("DRILL (sandbox): incident #" + drill.number() + " is paging you: " + drill.title());
        ctx.out().note("Work it as you would for real, with '" + p + " ...':");
        int n = 1;
        for (String step : Drill.STEPS.values()) {
            ctx.out().note("  " + n++ + ". " + step);
        }
        ctx.out().note("Watching the sandbox; the drill ends when all is done, on Ctrl-C, or after " + Checklist.seconds(limit) + ".");
    }

    /**
     * Prints the scorecard once, whoever gets here first (the watch loop or the Ctrl-C hook); the
     * other waits for it, so the command never ends while the hook is still printing.
     */
    private synchronized Scorecard finish(Drill drill, String ended) {
        if (card != null) {
            return card;
        }
        if (!"done".equals(ended) && drill.cleanUp()) {
            ctx.out().note("resolved the practice page #" + drill.number() + " so the sandbox stops paging");
        }
        card = drill.scorecard(ended);
        if (ctx.out().machine()) {
            ctx.out().value(card);
        } else {
            ctx.out().text("Drill scorecard (" + ended + "), incident #" + card.incidentNumber() + ":");
            for (Scorecard.StepResult s : card.steps()) {
                ctx.out().text(String.format("  %-4s %-52s %s", s.done() ? "✔" : "✘", s.title(),
                        s.done() ? Scorecard.human(s.seconds()) : "not done"));
            }
            ctx.out().text("Practise next:");
            card.practiceNext().forEach(a -> ctx.out().text("  - " + a));
        }
        ctx.out().flush();
        return card;
    }
}
