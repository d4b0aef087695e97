package dev.tcli.sandbox;

import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.nio.file.Path;
import java.util.List;

/** What {@code tcli sandbox fault} does, {@code --dry-run} included: stage or clear faults and say so. */
public final class FaultStaging {
    private FaultStaging() {
    }

    public static int clear(ModuleContext ctx, Path dir) {
        List<Faults.Fault> staged = Faults.staged(dir);
        if (ctx.flags().dryRun()) {
            ctx.stdout().println(staged.isEmpty() ? "would clear nothing: no faults staged"
                    : "would clear " + staged.size() + " staged fault(s):");
            staged.forEach(f -> ctx.stdout().println("  " + Faults.describe(f)));
            return 0;
        }
        int calls = Faults.clear(dir);
        ctx.out().note(staged.isEmpty() ? "no faults were staged"
                : "cleared " + staged.size() + " staged fault(s) (" + calls + " call(s) they would have failed)");
        return 0;
    }

    public static int stage(ModuleContext ctx, Path dir, String service, String method, String path, String kind, int count,
            int retryAfter, int delayMs) {
        if (count < 1) {
            throw TcliException.usage("--count must be at least 1, not " + count);
        }
        Faults.Fault fault;
        try {
            fault = new Faults.Fault(service, method, path, kind, count, retryAfter, delayMs);
        } catch (IllegalArgumentException e) {
            throw TcliException.usage(e.getMessage());
        }
        if (ctx.flags().dryRun()) {
            ctx.stdout().println("would stage: " + Faults.describe(fault).replace(" call(s) left", " call(s)") + " in "
                    + dir.resolve(Faults.FILE));
            return 0;
        }
        Faults.add(dir, fault);
        ctx.out().note("staged: next " + count + " call(s)" + (service == null ? "" : " to " + service) + " answer " + kind);
        return 0;
    }
}
