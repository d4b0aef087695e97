package dev.tcli.ssh.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.output.Column;
import dev.tcli.ssh.Environment;
import dev.tcli.ssh.Inventory;
import dev.tcli.ssh.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tcli ssh hosts}: the nodes of an environment. */
@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "hosts", description = "List the nodes of an environment (team file or its inventory_cmd).",
        footerHeading = "%nExamples:%n",
        footer = {"  tcli ssh hosts", "  tcli ssh hosts --env live --role builder-api", "  tcli ssh hosts --all -o json"})
public final class HostsCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Environment (default: the profile's, or the only one).")
    String env;

    @Option(names = {"-r", "--role"}, paramLabel = "ROLE", description = "Only nodes with this role.")
    String role;

    @Option(names = "--all", description = "Nodes of every environment.")
    boolean all;

    /** One row of the listing. */
    public record Host(String environment, String name, String host, int port, String user, String jump, List<String> roles) {
    }

    public HostsCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Inventory inventory = Inventory.of(ctx);
        List<Environment> envs = new ArrayList<>();
        if (all) {
            inventory.environmentNames().forEach(n -> envs.add(inventory.environment(n)));
        } else {
            envs.add(inventory.environment(env));
        }
        List<Host> rows = new ArrayList<>();
        for (Environment e : envs) {
            for (Node n : e.nodes(role)) {
                rows.add(new Host(e.name(), n.name(), n.host(), n.port(), n.user(), e.jump() == null ? null : e.jump().toString(), n.roles()));
            }
        }
        ctx.out().list(rows, List.of(Column.of("ENV", Host::environment), Column.of("NAME", Host::name),
                Column.of("HOST", h -> h.host() + (h.port() == 22 ? "" : ":" + h.port())), Column.of("USER", Host::user),
                Column.dim("JUMP", Host::jump), Column.of("ROLES", h -> String.join(",", h.roles()))));
        if (rows.isEmpty()) {
            ctx.out().note(role == null ? "no nodes" : "no node has role " + role);
        }
        return ExitCode.OK;
    }
}
