package dev.tcli.hab.commands;

import dev.tcli.hab.Fleet;
import dev.tcli.hab.HabSettings;
import dev.tcli.hab.ServiceStatus;
import dev.tcli.hab.Supervisor;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.ssh.Environment;
import dev.tcli.ssh.Node;
import dev.tcli.ssh.RemoteCommand;
import dev.tcli.ssh.SshClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tcli hab restart NODE IDENT}: the runbook's careful service restart. */
@DryRun(DryRun.Support.HONOURED)
@Command(name = "restart", description = {"Restart a Habitat service on a node, carefully:",
        "1. the services it requires ([services.NAME] requires in the team file) must be up somewhere in the environment;",
        "2. confirm (always on a terminal for live environments; --yes without one);",
        "3. hab svc stop, hab svc start (with the environment's sudo);",
        "4. wait until it is up and not critical, or time out saying what the supervisor reports. Journaled."},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli hab restart live-builder-api-0 habitat/builder-api",
                "  tcli hab restart live-builder-api-0 habitat/builder-api --dry-run",
                "  tcli hab restart live-builder-api-0 habitat/builder-api --yes --timeout 5m"})
public final class RestartCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "NODE", description = "Node running the service.")
    String nodeName;

    @Parameters(index = "1", paramLabel = "IDENT", description = "Service ident, e.g. habitat/builder-api.")
    String ident;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Environment of the node.")
    String env;

    @Option(names = "--force", description = "Restart even when a required service is not up.")
    boolean force;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "How long to wait for the service to be healthy (default [profiles.P.hab] restart_timeout, else 2m).")
    String timeout;

    @Option(names = "--accept-new", description = "Offer to trust host keys known_hosts does not have yet.")
    boolean acceptNew;

    public RestartCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (!ident.matches("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+){1,3}")) {
            throw TcliException.usage("bad ident '" + ident + "': origin/name, e.g. habitat/builder-api");
        }
        HabSettings settings = HabSettings.of(ctx);
        Duration wait = timeout == null ? settings.restartTimeout() : dev.tcli.spi.Times.parseDuration(timeout);
        Targets targets = Targets.of(ctx, List.of(nodeName), env, null);
        Environment environment = targets.environment();
        Node node = targets.nodes().get(0);
        String service = ident.split("/")[1];
        RemoteCommand stop = Supervisor.command(environment.sudo(), "hab", "svc", "stop", ident);
        // also the way back printed if Ctrl-C leaves the service stopped
        RemoteCommand start = Supervisor.command(environment.sudo(), "hab", "svc", "start", ident);
        try (SshClient ssh = SshClient.open(ctx, environment,
                acceptNew ? SshClient.HostKeyPolicy.ACCEPT_NEW : SshClient.HostKeyPolicy.STRICT)) {
            Supervisor sup = new Supervisor(ctx, ssh, node, settings);
            ServiceStatus before = sup.services().stream().filter(s -> s.matches(ident)).findFirst()
                    .orElseThrow(() -> TcliException.notFound(ident + " is not loaded on " + node.name()
                            + " ('tcli hab status " + node.name() + "' shows what is)"));
            checkRequirements(ssh, environment, service, settings);
            if (ctx.flags().dryRun()) {
                ctx.stdout().println("would run on " + node.name() + ": " + stop);
                ctx.stdout().println("would run on " + node.name() + ": " + start);
                return ExitCode.OK;
            }
            Targets.confirm(ctx, environment, "Restart " + ident + " on " + node.name() + " (" + environment.name()
                    + ", now " + before.state() + ")?");
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("environment", environment.name());
            details.put("node", node.name());
            details.put("ident", ident);
            details.put("commands", List.of(stop.line(), start.line()));
            details.put("state_before", before.state());
            return restart(sup, node, start, wait, settings, details);
        }
    }

    /** Stop, start, wait; journaled whatever happens, Ctrl-C included (the service may be left down). */
    @SuppressWarnings("try") // the resource is a Ctrl-C guard: held for the block, never read
    private int restart(Supervisor sup, Node node, RemoteCommand start, Duration wait, HabSettings settings,
                        Map<String, Object> details) {
        String target = node.name() + " " + ident;
        AtomicReference<String> step = new AtomicReference<>("stopping");
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread worker = Thread.currentThread();
        try (AutoCloseable onCtrlC = ctx.onInterrupt(() -> {
            interrupted.set(true);
            details.put("interrupted_while", step.get());
            ctx.journal().record("hab", "restart", target, "interrupted", details);
            ctx.out().warn("interrupted while " + step.get() + " " + ident + " on " + node.name()
                    + (step.get().equals("stopping") ? "" : ": check 'tcli hab status " + node.name() + "'; to start it: tcli ssh exec "
                    + node.name() + " -- " + start));
            worker.interrupt();
        })) {
            try {
                note(sup.svc("stop", ident, sup.sudo()));
                step.set("starting");
                note(sup.svc("start", ident, sup.sudo()));
            } catch (TcliException e) {
                if (interrupted.get()) {
                    throw new TcliException(ExitCode.INTERRUPTED, "interrupted while " + step.get() + " " + ident + " on " + node.name());
                }
                details.put("error", e.getMessage());
                ctx.journal().record("hab", "restart", target, "failed", details);
                throw e;
            }
            step.set("waiting for");
            ctx.out().note("waiting up to " + wait.toSeconds() + "s for " + ident + " to be up and healthy...");
            ServiceStatus after = sup.awaitHealthy(ident, wait, settings.pollInterval(), interrupted::get);
            if (interrupted.get()) {
                throw new InterruptedException();
            }
            boolean ok = after != null && after.healthy();
            details.put("state_after", after == null ? "not loaded" : after.state());
            details.put("health_after", after == null ? null : after.health());
            ctx.journal().record("hab", "restart", target, ok ? "ok" : "timeout", details);
            if (!ok) {
                throw new TcliException(ExitCode.FAILED, ident + " on " + node.name() + " is not healthy after " + wait.toSeconds()
                        + "s: the supervisor says " + describe(after) + " ('tcli hab logs " + node.name() + " --since 10m' shows why)");
            }
            ctx.out().text(ident + " restarted on " + node.name() + ": " + describe(after));
            return ExitCode.OK;
        } catch (InterruptedException e) {
            throw new TcliException(ExitCode.INTERRUPTED, "interrupted while " + step.get() + " " + ident + " on " + node.name());
        } catch (TcliException e) {
            if (interrupted.get() && e.exitCode() != ExitCode.INTERRUPTED) {
                throw new TcliException(ExitCode.INTERRUPTED, "interrupted while " + step.get() + " " + ident + " on " + node.name());
            }
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void note(String supervisorSays) {
        if (!supervisorSays.isEmpty()) {
            ctx.out().note(supervisorSays);
        }
    }

    private static String describe(ServiceStatus s) {
        if (s == null) {
            return "not loaded";
        }
        return "desired " + s.desired() + ", state " + s.state() + (s.health() == null ? "" : ", health " + s.health())
                + (s.pid() == null ? "" : ", pid " + s.pid());
    }

    /** The seed runbook: datastore and jobsrv must be up before builder-api is restarted. */
    private void checkRequirements(SshClient ssh, Environment environment, String service, HabSettings settings) {
        List<String> requires = new ArrayList<>();
        ctx.team().at("/services/" + service + "/requires").forEach(r -> requires.add(r.asText()));
        if (requires.isEmpty()) {
            return;
        }
        List<Node> where = new ArrayList<>();
        for (String r : requires) {
            List<Node> withRole = environment.nodes(r);
            for (Node n : withRole.isEmpty() ? environment.nodes() : withRole) {
                if (!where.contains(n)) {
                    where.add(n);
                }
            }
        }
        List<Fleet.Report> reports = Fleet.status(ctx, ssh, where, settings);
        List<String> problems = new ArrayList<>();
        for (String r : requires) {
            boolean up = reports.stream().anyMatch(rep -> rep.services().stream().anyMatch(s -> r.equals(s.name()) && s.healthy()));
            if (!up) {
                List<String> seen = new ArrayList<>();
                for (Fleet.Report rep : reports) {
                    if (!rep.ok()) {
                        seen.add(rep.node().name() + ": unreachable");
                    }
                    rep.services().stream().filter(s -> r.equals(s.name()))
                            .forEach(s -> seen.add(rep.node().name() + ": " + s.state() + (s.health() == null ? "" : "/" + s.health())));
                }
                problems.add(r + " is not up anywhere in " + environment.name() + (seen.isEmpty() ? " (not loaded)" : " (" + String.join(", ", seen) + ")"));
            }
        }
        if (problems.isEmpty()) {
            return;
        }
        String why = String.join("; ", problems);
        if (force) {
            ctx.out().warn("--force: restarting although " + why);
            return;
        }
        throw new TcliException(ExitCode.FAILED, "refusing to restart " + service + ": it requires "
                + String.join(", ", requires) + " ([services." + service + "] in the team file), and " + why
                + ". Start those first, or pass --force");
    }
}
