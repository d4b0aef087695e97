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

/**
 * Asks many nodes' supervisors at once (bounded by {@code parallel}); a dead or slow node
 * becomes a failed report and never stops the others.
 */
public final class Fleet {
    /** One node's answer: its services, or why it could not be asked. */
    public record Report(Node node, List<ServiceStatus> services, TcliException failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private Fleet() {
    }

    public static List<Report> status(ModuleContext ctx, SshClient ssh, List<Node> nodes, HabSettings settings) {
        if (nodes.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.parallel(), nodes.size()), r -> {
            Thread t = new Thread(r, "hab-status");
            t.setDaemon(true);
            return t;
        });
        try (AutoCloseable onCtrlC = ctx.onInterrupt(pool::shutdownNow)) {
            List<Future<Report>> futures = new ArrayList<>();
            for (Node n : nodes) {
                futures.add(pool.submit(() -> ask(ctx, ssh, n, settings)));
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

    private static Report ask(ModuleContext ctx, SshClient ssh, Node n, HabSettings settings) {
        try {
            return new Report(n, new Supervisor(ctx, ssh, n, settings).services(), null);
        } catch (TcliException e) {
            return new Report(n, List.of(), e);
        }
    }
}
