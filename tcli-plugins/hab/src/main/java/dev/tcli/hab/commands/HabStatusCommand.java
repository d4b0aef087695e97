package dev.tcli.hab.commands;

import dev.tcli.hab.Fleet;
import dev.tcli.hab.HabSettings;
import dev.tcli.hab.ServiceStatus;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.output.Column;
import dev.tcli.ssh.SshClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tcli hab status}: what every supervisor runs, one table. */
@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "status", description = {"What the Habitat supervisor runs on each node, as one table.",
        "Asks the supervisor's HTTP gateway (port 9631, through SSH) for health and binds, else parses 'hab svc status'.",
        "Nodes are asked in parallel; a node that cannot be asked is reported and the exit code is 1."},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli hab status --env live", "  tcli hab status --env live --role builder-api",
                "  tcli hab status live-builder-api-0 live-builder-api-1 -o json"})
public final class HabStatusCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(paramLabel = "NODE", arity = "0..*", description = "Nodes to ask (default: every node of the environment).")
    List<String> nodes = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Environment (default: the profile's, or the only one).")
    String env;

    @Option(names = {"-r", "--role"}, paramLabel = "ROLE", description = "Only nodes with this role.")
    String role;

    @Option(names = {"-j", "--parallel"}, paramLabel = "N", description = "SSH connections set up at once (default [profiles.P.hab] parallel, else 8); connected nodes are asked right away, up to 4 times N at once.")
    Integer parallel;

    @Option(names = "--accept-new", description = "Offer to trust host keys known_hosts does not have yet.")
    boolean acceptNew;

    public HabStatusCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (parallel != null && parallel < 1) {
            throw dev.tcli.spi.TcliException.usage("--parallel must be at least 1");
        }
        Targets targets = Targets.of(ctx, nodes, env, role);
        HabSettings settings = HabSettings.of(ctx).withParallel(parallel);
        List<Fleet.Report> reports;
        try (SshClient ssh = SshClient.open(ctx, targets.environment(),
                acceptNew ? SshClient.HostKeyPolicy.ACCEPT_NEW : SshClient.HostKeyPolicy.STRICT)) {
            reports = Fleet.status(ctx, ssh, targets.nodes(), settings);
        }
        List<ServiceStatus> rows = new ArrayList<>();
        int failed = 0;
        for (Fleet.Report r : reports) {
            if (r.ok()) {
                rows.addAll(r.services());
                if (r.services().isEmpty()) {
                    ctx.out().note(r.node().name() + ": no services loaded");
                }
            } else {
                failed++;
                rows.add(ServiceStatus.failed(r.node().name(), r.failure().getMessage()));
                ctx.out().warn(r.node().name() + ": " + r.failure().getMessage());
            }
        }
        ctx.out().list(rows, List.of(Column.of("NODE", ServiceStatus::node), Column.of("PACKAGE", ServiceStatus::pkg),
                Column.of("DESIRED", ServiceStatus::desired), Column.status("STATE", ServiceStatus::state),
                Column.of("ELAPSED", s -> s.elapsed() == null ? null : elapsed(s.elapsed())), Column.dim("PID", ServiceStatus::pid),
                Column.of("GROUP", ServiceStatus::group), Column.status("HEALTH", ServiceStatus::health)));
        if (failed > 0) {
            ctx.out().note(failed + " of " + reports.size() + " nodes could not be asked");
            return ExitCode.FAILED;
        }
        return ExitCode.OK;
    }

    /** 7717 -> 2h08m37s: the supervisor's seconds, readable at 3 a.m. */
    static String elapsed(long seconds) {
        long d = seconds / 86400;
        long h = seconds % 86400 / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (d > 0) {
            return d + "d" + String.format("%02dh", h);
        }
        if (h > 0) {
            return h + "h" + String.format("%02dm%02ds", m, s);
        }
        return m > 0 ? m + "m" + String.format("%02ds", s) : s + "s";
    }
}
