package dev.tcli.hab;

import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.ssh.Node;
import dev.tcli.ssh.SshClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Asks many nodes' supervisors at once; a dead or slow node becomes a failed report and never
 * stops the others. {@code parallel} bounds the SSH connections being set up at once (key
 * exchange and authentication through the jump host: the costly part, for the jump host and
 * for this machine); a node whose session is up is asked right away, at most
 * {@link #ASKING_PER_CONNECTING} times {@code parallel} nodes at a time. So the nodes' own
 * latencies overlap instead of queueing behind the bound.
 */
public final class Fleet {
    /** One node's answer: its services, or why it could not be asked. */
    public record Report(Node node, List<ServiceStatus> services, TcliException failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    /** How many connected nodes may be asked at once, per connection slot. */
    public static final int ASKING_PER_CONNECTING = 4;

    private Fleet() {
    }

    @SuppressWarnings("try") // the resource is a Ctrl-C guard: held for the block, never read
    public static List<Report> status(ModuleContext ctx, SshClient ssh, List<Node> nodes, HabSettings settings) {
        if (nodes.isEmpty()) {
            return List.of();
        }
        Semaphore connecting = new Semaphore(settings.parallel());
        int asking = (int) Math.min((long) settings.parallel() * ASKING_PER_CONNECTING, nodes.size());
        ExecutorService pool = Executors.newFixedThreadPool(asking, r -> {
            Thread t = new Thread(r, "hab-status");
            t.setDaemon(true);
            return t;
        });
        try (AutoCloseable onCtrlC = ctx.onInterrupt(pool::shutdownNow)) {
            List<Future<Report>> futures = new ArrayList<>();
            for (Node n : nodes) {
                futures.add(pool.submit(() -> ask(ctx, ssh, n, settings, connecting)));
            }
            List<Report> reports = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                try {
                    reports.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    reports.add(new Report(nodes.get(i), List.of(), new TcliException(ExitCode.FAILED, String.valueOf(e.getCause()))));
                }
            }
            return reports;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TcliException(ExitCode.INTERRUPTED, "interrupted");
        } catch (Exception e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Report ask(ModuleContext ctx, SshClient ssh, Node n, HabSettings settings, Semaphore connecting)
            throws InterruptedException {
        try {
            connecting.acquire();
            try {
                ssh.session(n);
            } finally {
                connecting.release();
            }
            return new Report(n, new Supervisor(ctx, ssh, n, settings).services(), null);
        } catch (TcliException e) {
            return new Report(n, List.of(), e);
        }
    }
}
