package dev.tcli.core;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.TcliException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * The kernel's {@code --dry-run} rule: the verb about to run must honour it or never change
 * anything ({@link DryRun}); otherwise the run stops here with exit 2, before the verb is called.
 */
final class DryRunRule {
    private DryRunRule() {
    }

    static DryRun declaration(Object userObject) {
        return userObject == null ? null : userObject.getClass().getAnnotation(DryRun.class);
    }

    /** Throws a usage error when {@code --dry-run} meets a verb that does not honour it. */
    static void check(ParseResult pr, boolean dryRun) {
        if (!dryRun) {
            return;
        }
        ParseResult last = pr;
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return; // help changes nothing
            }
            last = p;
        }
        CommandSpec spec = last.commandSpec();
        Object verb = spec.userObject();
        if (!(verb instanceof java.util.concurrent.Callable || verb instanceof Runnable) || spec.parent() == null) {
            return; // a group without a verb only prints its usage
        }
        DryRun d = declaration(verb);
        if (d != null && d.value() != DryRun.Support.REFUSED) {
            return;
        }
        String why = d == null ? "it does not declare what it would do with it" : d.why();
        throw TcliException.usage("'" + spec.qualifiedName() + "' does not support --dry-run"
                + (why.isEmpty() ? "" : ": " + why) + "; run it without --dry-run");
    }
}
