package dev.tcli.ssh.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.ssh.Inventory;
import dev.tcli.ssh.SshClient;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tcli ssh tunnel NODE LOCAL:REMOTE}: a port forward held until Ctrl-C. */
@DryRun(DryRun.Support.HONOURED)
@Command(name = "tunnel", description = {"Forward a local port to a port on (or reachable from) a node, through the jump host,",
        "until Ctrl-C. LOCAL:REMOTE forwards to the node itself; LOCAL:HOST:REMOTE to HOST as the node sees it."},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli ssh tunnel live-windows-worker-0 33389:3389     # then RDP to localhost:33389",
                "  tcli ssh tunnel live-builder-api-0 19631:9631       # the supervisor gateway on localhost:19631",
                "  tcli ssh tunnel live-builder-api-0 15432:db.internal:5432"})
public final class TunnelCommand implements Callable<Integer> {
    private static final Pattern SPEC = Pattern.compile("(\\d{1,5}):(?:([^:\\s]+):)?(\\d{1,5})");
    private final ModuleContext ctx;

    @Mixin
    Connection connection;

    @Parameters(index = "0", paramLabel = "NODE", description = "Node name (tcli ssh hosts).")
    String node;

    @Parameters(index = "1", paramLabel = "LOCAL:REMOTE", description = "Local port, then the port on the node (or LOCAL:HOST:PORT).")
    String spec;

    /** Lets a test (or an embedding) stop the tunnel without a real Ctrl-C. */
    private final CountDownLatch closed = new CountDownLatch(1);

    public TunnelCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @SuppressWarnings("try") // the resource is a Ctrl-C guard: held for the block, never read
    @Override
    public Integer call() throws InterruptedException {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches() || Integer.parseInt(m.group(1)) > 65535 || Integer.parseInt(m.group(3)) > 65535) {
            throw TcliException.usage("bad forward '" + spec + "': LOCAL:REMOTE such as 33389:3389, or LOCAL:HOST:PORT");
        }
        int local = Integer.parseInt(m.group(1));
        String host = m.group(2) == null ? "127.0.0.1" : m.group(2);
        int remote = Integer.parseInt(m.group(3));
        var target = Inventory.of(ctx).find(node, connection.env);
        if (ctx.flags().dryRun()) {
            ctx.stdout().println("would forward 127.0.0.1:" + local + " to " + host + ":" + remote + " on " + node);
            return ExitCode.OK;
        }
        try (SshClient ssh = SshClient.open(ctx, target.environment(), connection.policy());
             SshClient.Forward fwd = ssh.forward(target.node(), local, host, remote);
             AutoCloseable onCtrlC = ctx.onInterrupt(closed::countDown)) {
            ctx.out().text("forwarding 127.0.0.1:" + fwd.localPort() + " -> " + host + ":" + remote + " on " + node
                    + "; point your client at localhost:" + fwd.localPort() + ". Ctrl-C to stop.");
            ctx.out().flush();
            closed.await();
            ctx.out().note("tunnel closed");
            return ExitCode.INTERRUPTED;
        } catch (InterruptedException e) {
            throw e;
        } catch (TcliException e) {
            throw e;
        } catch (Exception e) {
            throw new TcliException(ExitCode.FAILED, "tunnel failed: " + e.getMessage(), e);
        }
    }
}
