package dev.tcli.ssh.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.ssh.Inventory;
import dev.tcli.ssh.RemoteCommand;
import dev.tcli.ssh.SshClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tcli ssh exec NODE -- CMD ARGS}: one command on a node, its exit code returned. */
@DryRun(DryRun.Support.HONOURED)
@Command(name = "exec", description = {"Run one command on a node through the jump host.",
        "Every word is quoted for the remote shell (no pipes or ';' are interpreted: use sh -c '...' for that);",
        "remote stdout/stderr are streamed and the remote exit code is tcli's exit code."},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli ssh exec live-builder-api-0 -- hab svc status",
                "  tcli ssh exec live-builder-api-0 -- df -h /hab",
                "  tcli ssh exec live-builder-api-0 -- sh -c 'ps aux | grep hab-sup'"})
public final class ExecCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Mixin
    Connection connection;

    @Parameters(index = "0", paramLabel = "NODE", description = "Node name (tcli ssh hosts).")
    String node;

    @Parameters(index = "1..*", paramLabel = "CMD", description = "The command and its arguments (after --).")
    List<String> command = new ArrayList<>();

    public ExecCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (command.isEmpty()) {
            throw TcliException.usage("no command: tcli ssh exec " + node + " -- CMD [ARGS...]");
        }
        var target = Inventory.of(ctx).find(node, connection.env);
        RemoteCommand remote = RemoteCommand.of(command);
        if (ctx.flags().dryRun()) {
            ctx.stdout().println("would run on " + target.node().name() + ": " + remote.line());
            return 0;
        }
        try (SshClient ssh = SshClient.open(ctx, target.environment(), connection.policy())) {
            return ssh.exec(target.node(), remote, ctx.stdout(), ctx.stderr());
        }
    }
}
