package dev.tcli.hab.commands;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tcli hab restart-supervisor NODE}: {@code systemctl restart hab-sup}, carefully. */
@DryRun(DryRun.Support.HONOURED)
@Command(name = "restart-supervisor", description = {"Restart the Habitat supervisor (systemctl restart hab-sup) on a node:",
        "every service it runs restarts too. Confirms like restart, waits until the supervisor answers again. Journaled."},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli hab restart-supervisor live-builder-api-0", "  tcli hab restart-supervisor live-builder-api-0 --dry-run"})
public final class RestartSupervisorCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "NODE", description = "Node whose supervisor to restart.")
    String nodeName;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Environment of the node.")
    String env;

    @Option(names = "--timeout", paramLabel = "DURATION", description = "How long to wait for the supervisor (default restart_timeout, else 2m).")
    String timeout;

    @Option(names = "--accept-new", description = "Offer to trust host keys known_hosts does not have yet (asks on a terminal).")
    boolean acceptNew;

    public RestartSupervisorCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws InterruptedException {
        HabSettings settings = HabSettings.of(ctx);
        Duration wait = timeout == null ? settings.restartTimeout() : dev.tcli.spi.Times.parseDuration(timeout);
        Targets targets = Targets.of(ctx, List.of(nodeName), env, null);
        Environment environment = targets.environment();
        Node node = targets.nodes().get(0);
        RemoteCommand restart = Supervisor.command(environment.sudo(), "systemctl", "restart", "hab-sup");
        if (ctx.flags().dryRun()) {
            ctx.stdout().println("would run on " + node.name() + ": " + restart);
            return ExitCode.OK;
        }
        try (SshClient ssh = SshClient.open(ctx, environment,
                acceptNew ? SshClient.HostKeyPolicy.ACCEPT_NEW : SshClient.HostKeyPolicy.STRICT)) {
            Supervisor sup = new Supervisor(ctx, ssh, node, settings);
            // asked first: an unreachable node fails here, before anything changed; and these must come back
            List<String> wereUp = sup.services().stream().filter(ServiceStatus::up).map(ServiceStatus::pkg).toList();
            Targets.confirm(ctx, environment, "Restart the Habitat supervisor on " + node.name() + " (" + environment.name()
                    + "); its " + wereUp.size() + " running services restart too?");
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("environment", environment.name());
            details.put("node", node.name());
            details.put("commands", List.of(restart.line()));
            details.put("services_up_before", wereUp.size());
            String outcome = "failed";
            try {
                SshClient.Captured r = sup.run(restart);
                if (r.exit() != 0) {
                    details.put("error", r.stderr().strip());
                    throw new TcliException(ExitCode.FAILED, node.name() + ": '" + restart + "' failed (exit " + r.exit() + "): "
                            + r.stderr().strip());
                }
                ctx.out().note("waiting up to " + wait.toSeconds() + "s for the supervisor on " + node.name()
                        + " and its " + wereUp.size() + " services to be back...");
                Back back = awaitSupervisor(sup, wereUp, wait, settings.pollInterval());
                if (!back.done()) {
                    outcome = "timeout";
                    details.put("last_seen", back.lastSeen());
                    throw new TcliException(ExitCode.FAILED, "the supervisor on " + node.name() + " is not back after "
                            + wait.toSeconds() + "s: " + back.lastSeen() + " ('tcli hab logs " + node.name() + " --since 10m' shows why)");
                }
                outcome = "ok";
                details.put("services", back.services().size());
                ctx.out().text("hab-sup restarted on " + node.name() + "; " + back.services().size() + " services loaded, "
                        + wereUp.size() + " of them up and healthy again");
                return ExitCode.OK;
            } finally {
                ctx.journal().record("hab", "restart-supervisor", node.name(), outcome, details);
            }
        }
    }

    /** Where the wait ended: the services when done, else what was seen last. */
    private record Back(boolean done, List<ServiceStatus> services, String lastSeen) {
    }

    /** Until systemd says active, the supervisor answers, and every service that was up is up and healthy again. */
    private static Back awaitSupervisor(Supervisor sup, List<String> wereUp, Duration wait, Duration interval)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        String last = "no answer yet";
        while (true) {
            SshClient.Captured active = sup.run(RemoteCommand.of("systemctl", "is-active", "hab-sup"));
            String state = active.stdout().strip();
            if (active.exit() != 0 || !state.equals("active")) {
                last = "systemctl is-active hab-sup says " + (state.isEmpty() ? "exit " + active.exit() : state);
            } else {
                try {
                    List<ServiceStatus> now = sup.services();
                    List<String> missing = wereUp.stream()
                            .filter(p -> now.stream().noneMatch(s -> p.equals(s.pkg()) && s.healthy())).toList();
                    if (missing.isEmpty()) {
                        return new Back(true, now, null);
                    }
                    last = "not up and healthy yet: " + String.join(", ", missing);
                } catch (TcliException e) {
                    if (e.exitCode() == ExitCode.INTERRUPTED) {
                        throw e;
                    }
                    last = "the supervisor does not answer yet (" + e.getMessage() + ")";
                }
            }
            if (System.nanoTime() + interval.toNanos() > deadline) {
                return new Back(false, List.of(), last);
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
