package dev.tcli.ssh.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.ssh.Inventory;
import dev.tcli.ssh.OpenSsh;
import dev.tcli.ssh.RemoteCommand;
import dev.tcli.ssh.SshClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tcli ssh NODE}: an interactive shell on a node through the system ssh (a real TTY). */
@DryRun(DryRun.Support.HONOURED)
@Command(name = "ssh", description = {"Reach production nodes through the environment's jump host.",
        "With a NODE, opens an interactive shell there with the system ssh (same jump, key and known_hosts)."},
        subcommands = {HostsCommand.class, ExecCommand.class, SshConfigCommand.class, TunnelCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli ssh hosts --env live --role builder-api",
                "  tcli ssh live-builder-api-0",
                "  tcli ssh exec live-builder-api-0 -- hab svc status",
                "  tcli ssh config --env live --write",
                "  tcli ssh tunnel live-windows-worker-0 33389:3389"})
public final class SshCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Mixin
    Connection connection;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NODE", description = "Node to open a shell on.")
    String node;

    @Parameters(index = "1..*", paramLabel = "CMD", description = "Optional command instead of a shell (passed to ssh as is).")
    List<String> command = new ArrayList<>();

    public SshCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (node == null) {
            throw TcliException.usage("which node? 'tcli ssh NODE' opens a shell, 'tcli ssh hosts' lists the nodes, 'tcli ssh --help' shows the verbs");
        }
        var target = Inventory.of(ctx).find(node, connection.env);
        List<String> argv = OpenSsh.argv(ctx.paths().home(), target.environment(), target.node(),
                connection.acceptNew, command);
        if (ctx.flags().dryRun()) {
            ctx.stdout().println(String.join(" ", argv.stream().map(RemoteCommand::quote).toList()));
            return ExitCode.OK;
        }
        dev.tcli.ssh.SandboxHosts.require(ctx, target.environment());
        var jump = target.environment().jump();
        if (jump != null) {
            SshClient.requireResolvable("jump host " + jump.host(), jump.host(), jump.port());
        }
        SshClient.requireResolvable("node " + target.node().name(), target.node().host(), target.node().port());
        return launch(argv);
    }

    private int launch(List<String> argv) {
        ProcessBuilder pb = new ProcessBuilder(argv).inheritIO();
        pb.environment().clear();
        pb.environment().putAll(ctx.env());
        try {
            Process p = pb.start();
            return p.waitFor();
        } catch (IOException e) {
            throw TcliException.config("cannot run the system ssh (" + e.getMessage() + "): install openssh-client, or use 'tcli ssh exec'");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        }
    }
}
