package dev.tcli.hab.commands;

import dev.tcli.hab.HabSettings;
import dev.tcli.hab.ServiceStatus;
import dev.tcli.hab.Supervisor;
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
        Targets.confirm(ctx, environment, "Restart the Habitat supervisor on " + node.name() + " (" + environment.name()
                + "); every service on it restarts?");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("environment", environment.name());
        details.put("node", node.name());
        details.put("commands", List.of(restart.line()));
        String outcome = "failed";
        try (SshClient ssh = SshClient.open(ctx, environment, SshClient.HostKeyPolicy.STRICT)) {
            Supervisor sup = new Supervisor(ctx, ssh, node, settings);
            SshClient.Captured r = sup.run(restart);
            if (r.exit() != 0) {
                details.put("error", r.stderr().strip());
                throw new TcliException(ExitCode.FAILED, node.name() + ": '" + restart + "' failed (exit " + r.exit() + "): " + r.stderr().strip());
            }
            ctx.out().note("waiting up to " + wait.toSeconds() + "s for the supervisor on " + node.name() + " to answer...");
            List<ServiceStatus> services = awaitSupervisor(sup, environment, wait, settings.pollInterval());
            if (services == null) {
                outcome = "timeout";
                throw new TcliException(ExitCode.FAILED, "the supervisor on " + node.name() + " did not come back within "
                        + wait.toSeconds() + "s ('tcli hab logs " + node.name() + " --since 10m' shows why)");
            }
            outcome = "ok";
            details.put("services", services.size());
            ctx.out().text("hab-sup restarted on " + node.name() + "; " + services.size() + " services loaded");
            return ExitCode.OK;
        } finally {
            ctx.journal().record("hab", "restart-supervisor", node.name(), outcome, details);
        }
    }

    private static List<ServiceStatus> awaitSupervisor(Supervisor sup, Environment env, Duration wait, Duration interval)
            throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            SshClient.Captured active = sup.run(RemoteCommand.of("systemctl", "is-active", "hab-sup"));
            if (active.exit() == 0 && active.stdout().strip().equals("active")) {
                try {
                    return sup.services();
                } catch (TcliException e) {
                    // still starting
                }
            }
            if (System.nanoTime() + interval.toNanos() > deadline) {
                return null;
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
