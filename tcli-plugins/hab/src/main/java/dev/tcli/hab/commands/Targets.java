package dev.tcli.hab.commands;

import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.ssh.Environment;
import dev.tcli.ssh.Inventory;
import dev.tcli.ssh.Node;
import java.util.ArrayList;
import java.util.List;

/** Resolves NODE arguments or {@code --env/--role} to one environment's nodes. */
record Targets(Environment environment, List<Node> nodes) {

    static Targets of(ModuleContext ctx, List<String> names, String env, String role) {
        Inventory inventory = Inventory.of(ctx);
        if (names == null || names.isEmpty()) {
            Environment e = inventory.environment(env);
            List<Node> nodes = e.nodes(role);
            if (nodes.isEmpty()) {
                throw TcliException.notFound(role == null ? "environment " + e.name() + " has no nodes"
                        : "no node of " + e.name() + " has role " + role + " ('tcli ssh hosts --env " + e.name() + "' lists them)");
            }
            return new Targets(e, nodes);
        }
        Environment e = null;
        List<Node> nodes = new ArrayList<>();
        for (String name : names) {
            Inventory.Target t = inventory.find(name, env);
            if (e != null && !e.name().equals(t.environment().name())) {
                throw TcliException.usage("nodes of different environments (" + e.name() + ", " + t.environment().name()
                        + "): ask one environment at a time");
            }
            e = t.environment();
            if (t.node().hasRole(role) && !nodes.contains(t.node())) {
                nodes.add(t.node());
            }
        }
        return new Targets(e, nodes);
    }

    /** Live-like environments always ask on a terminal, even with --yes. */
    static boolean liveLike(Environment env) {
        return env.name().matches("(?i).*(live|prod).*");
    }

    /**
     * Asks before a restart: on a terminal always for live-like environments (even with
     * --yes), otherwise the kernel's confirm (--yes, or exit 2 without a terminal).
     */
    static void confirm(ModuleContext ctx, Environment env, String question) {
        if (liveLike(env) && ctx.terminal().stdinIsTty() && !ctx.flags().dryRun()) {
            String a = ctx.terminal().prompt(question + " [y/N] ").toLowerCase(java.util.Locale.ROOT);
            if (!a.equals("y") && !a.equals("yes")) {
                throw new TcliException(dev.tcli.spi.ExitCode.FAILED, "not confirmed; nothing was done");
            }
            return;
        }
        ctx.terminal().confirm(question);
    }
}
