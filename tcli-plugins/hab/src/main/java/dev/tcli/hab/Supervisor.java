package dev.tcli.hab;

import dev.tcli.spi.ExitCode;
import dev.tcli.spi.Mappers;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.http.ApiClient;
import dev.tcli.ssh.Node;
import dev.tcli.ssh.RemoteCommand;
import dev.tcli.ssh.SshClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Habitat supervisor of one node, reached over SSH through the jump host. Reads prefer the
 * supervisor's HTTP gateway (port 9631 on the node, through an SSH port forward): it has health
 * and binds. When the gateway is not reachable, {@code hab svc status} is parsed, and
 * {@code hab sup status} on supervisors too old for it.
 */
public final class Supervisor {

    private final ModuleContext ctx;
    private final SshClient ssh;
    private final Node node;
    private final HabSettings settings;

    public Supervisor(ModuleContext ctx, SshClient ssh, Node node, HabSettings settings) {
        this.ctx = ctx;
        this.ssh = ssh;
        this.node = node;
        this.settings = settings;
    }

    public Node node() {
        return node;
    }

    /** The environment's prefix for privileged commands. */
    public List<String> sudo() {
        return ssh.environment().sudo();
    }

    /** What the supervisor runs. Throws (exit 6/4/3...) when the node cannot be asked at all. */
    public List<ServiceStatus> services() {
        if (settings.gateway() && ssh.canReach(node, "127.0.0.1", node.gatewayPort())) {
            List<ServiceStatus> viaGateway = fromGateway();
            if (viaGateway != null) {
                return viaGateway;
            }
        }
        return fromCli();
    }

    private List<ServiceStatus> fromGateway() {
        try (SshClient.Forward fwd = ssh.forward(node, 0, "127.0.0.1", node.gatewayPort())) {
            ApiClient.Builder b = ctx.http().api("hab").baseUrl("http://127.0.0.1:" + fwd.localPort());
            ctx.optionalSecret("hab", "gateway_token").ifPresent(token -> b.header("Authorization", "Bearer " + token, true));
            ApiClient gateway = b.build();
            // one request per forward: a pooled keep-alive connection would outlive the forward
            FutureTask<ApiClient.Response> call = new FutureTask<>(
                    () -> gateway.exchange("GET", "/services", null, null, Map.of("Connection", "close")));
            Thread t = new Thread(call, "hab-gateway-" + node.name());
            t.setDaemon(true);
            t.start();
            ApiClient.Response r;
            try {
                // its own deadline: a supervisor that accepts and never answers must not hold the node
                // for the HTTP layer's timeout and retries; closing the forward ends the request
                r = call.get(settings.gatewayTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                ctx.out().note(node.name() + ": supervisor gateway did not answer within " + settings.gatewayTimeout().toMillis()
                        + " ms; asking hab svc status instead");
                return null;
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalArgumentException(String.valueOf(e.getCause()));
            } catch (InterruptedException e) {
                call.cancel(true);
                Thread.currentThread().interrupt();
                throw new TcliException(ExitCode.INTERRUPTED, "interrupted");
            }
            if (r.status() != 200) {
                ctx.out().note(node.name() + ": supervisor gateway answered " + r.status() + "; asking hab svc status instead");
                return null;
            }
            return GatewayServices.parse(node.name(), Mappers.json().readTree(r.body()), Instant.now(ctx.clock()));
        } catch (IOException | IllegalArgumentException e) {
            ctx.out().note(node.name() + ": supervisor gateway unusable (" + e.getMessage() + "); asking hab svc status instead");
            return null;
        } catch (TcliException e) {
            if (e.exitCode() == ExitCode.INTERRUPTED) {
                throw e;
            }
            ctx.out().note(node.name() + ": supervisor gateway unusable (" + e.getMessage() + "); asking hab svc status instead");
            return null;
        }
    }

    private List<ServiceStatus> fromCli() {
        SshClient.Captured svc = ssh.run(node, RemoteCommand.of("hab", "svc", "status"), settings.commandTimeout());
        List<ServiceStatus> rows = svc.exit() == 0 ? SvcStatusTable.parse(node.name(), svc.stdout()) : null;
        if (rows != null) {
            return rows;
        }
        // supervisors before 'hab svc status' only have the old alias
        SshClient.Captured sup = ssh.run(node, RemoteCommand.of("hab", "sup", "status"), settings.commandTimeout());
        rows = sup.exit() == 0 ? SvcStatusTable.parse(node.name(), sup.stdout()) : null;
        if (rows != null) {
            return rows;
        }
        String why = SvcStatusTable.error(svc.stderr().isBlank() ? svc.stdout() : svc.stderr());
        throw new TcliException(ExitCode.FAILED, node.name() + ": hab svc status failed (exit " + svc.exit() + ")"
                + (why.isEmpty() ? "" : ": " + why));
    }

    /** {@code hab svc stop|start IDENT} with the environment's sudo prefix; what it printed. */
    public String svc(String verb, String ident, List<String> sudo) {
        RemoteCommand cmd = command(sudo, "hab", "svc", verb, ident);
        SshClient.Captured r = ssh.run(node, cmd, settings.commandTimeout());
        if (r.exit() != 0) {
            throw new TcliException(ExitCode.FAILED, node.name() + ": '" + cmd + "' failed (exit " + r.exit() + "): "
                    + SvcStatusTable.error(r.stderr() + r.stdout()));
        }
        return r.stdout().strip();
    }

    /** Runs a privileged command and returns its capture (no exit check). */
    public SshClient.Captured run(RemoteCommand cmd) {
        return ssh.run(node, cmd, settings.commandTimeout());
    }

    public static RemoteCommand command(List<String> sudo, String... argv) {
        return RemoteCommand.of(argv).prefixed(sudo);
    }

    /** Polls until {@code ident} is up and not critical; the last status seen either way. */
    public ServiceStatus awaitHealthy(String ident, Duration timeout, Duration interval) throws InterruptedException {
        return awaitHealthy(ident, timeout, interval, () -> false);
    }

    /**
     * The same, giving up (InterruptedException) once {@code cancelled} says so: a Ctrl-C may land
     * in an HTTP or SSH read that swallows the thread's interrupt.
     */
    public ServiceStatus awaitHealthy(String ident, Duration timeout, Duration interval, java.util.function.BooleanSupplier cancelled)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ServiceStatus last = null;
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedException();
            }
            try {
                last = services().stream().filter(s -> s.matches(ident)).findFirst().orElse(null);
                if (last != null && last.healthy()) {
                    return last;
                }
            } catch (TcliException e) {
                if (e.exitCode() == ExitCode.INTERRUPTED) {
                    throw e;
                }
                // the supervisor may be briefly unavailable while it (re)starts
            }
            if (System.nanoTime() + interval.toNanos() > deadline) {
                return last;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
