package dev.tcli.web;

import dev.tcli.spi.ModuleContext;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Runs the opener {@link Opener} chose, argv only (a URL's {@code &} never meets a shell). */
public final class Browser {
    /** How long to wait for the opener: xdg-open returns at once, a browser run directly may not. */
    private static final long WAIT_MS = 5000;

    private Browser() {
    }

    /**
     * @param opened  the opener ran and did not fail
     * @param failed  the opener ran and failed (exit code not 0)
     * @param how     the opener used, or why the URL was not opened
     */
    public record Outcome(boolean opened, boolean failed, String how) {
    }

    public static Outcome open(ModuleContext ctx, String url) {
        Opener.Plan plan = Opener.plan(ctx, url);
        if (!plan.opens()) {
            return new Outcome(false, false, plan.whyNot());
        }
        String exe = plan.argv().get(0);
        ProcessBuilder pb = new ProcessBuilder(plan.argv()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(ctx.env());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process p = pb.start();
            Thread drain = new Thread(() -> {
                try {
                    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException e) {
                    // the opener's chatter is not ours to show
                }
            }, "tcli-web-opener");
            drain.setDaemon(true);
            drain.start();
            if (!p.waitFor(WAIT_MS, TimeUnit.MILLISECONDS)) {
                return new Outcome(true, false, exe + " (still running)");
            }
            if (p.exitValue() != 0) {
                ctx.out().warn(exe + " failed (exit " + p.exitValue() + ")");
                return new Outcome(false, true, exe + " failed with exit " + p.exitValue());
            }
            return new Outcome(true, false, exe);
        } catch (IOException e) {
            return new Outcome(false, true, "cannot run " + exe + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, false, "interrupted");
        }
    }

}
