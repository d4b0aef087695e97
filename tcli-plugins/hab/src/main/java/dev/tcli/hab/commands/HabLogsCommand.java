package dev.tcli.hab.commands;

import dev.tcli.hab.Supervisor;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.ssh.RemoteCommand;
import dev.tcli.ssh.SshClient;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tcli hab logs NODE}: the supervisor's journal, streamed. */
@DryRun(DryRun.Support.HONOURED)
@Command(name = "logs", description = {"The Habitat supervisor's log (journalctl -u hab-sup on the node), streamed.",
        "--follow keeps reading until Ctrl-C, which also stops journalctl on the node."},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli hab logs live-builder-api-0 --since 1h", "  tcli hab logs live-builder-api-0 --since '2026-11-20 10:00' --grep 'ERROR|WARN'",
                "  tcli hab logs live-builder-api-0 --follow"})
public final class HabLogsCommand implements Callable<Integer> {
    private static final DateTimeFormatter JOURNAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "NODE", description = "Node whose supervisor log to read.")
    String nodeName;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Environment of the node.")
    String env;

    @Option(names = "--since", paramLabel = "TIME", description = "From when: 1h, today, '2026-11-20 10:00' (profile timezone).")
    String since;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until Ctrl-C.")
    boolean follow;

    @Option(names = "--grep", paramLabel = "RE", description = "Only lines matching this regular expression (journalctl --grep).")
    String grep;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", description = "Only the last N lines.")
    Integer lines;

    @Option(names = "--accept-new", description = "Offer to trust host keys known_hosts does not have yet (asks on a terminal).")
    boolean acceptNew;

    public HabLogsCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        var target = Targets.of(ctx, List.of(nodeName), env, null);
        List<String> argv = new ArrayList<>(List.of("journalctl", "-u", "hab-sup", "--no-pager"));
        if (since != null) {
            // an absolute UTC time: the node's timezone cannot shift it
            argv.add("--since");
            argv.add(JOURNAL_TIME.format(dev.tcli.spi.TimeWindow.of(since, null, null, "--since", "now", ctx.zone(), ctx.clock()).from()));
        }
        if (lines != null) {
            if (lines < 1) {
                throw TcliException.usage("--lines must be at least 1");
            }
            argv.add("--lines");
            argv.add(String.valueOf(lines));
        }
        if (grep != null) {
            argv.add("--grep");
            argv.add(grep);
        }
        if (follow) {
            argv.add("--follow");
        }
        RemoteCommand cmd = Supervisor.command(target.environment().sudo(), argv.toArray(String[]::new));
        if (ctx.flags().dryRun()) {
            ctx.stdout().println("would run on " + target.nodes().get(0).name() + ": " + cmd);
            return 0;
        }
        try (SshClient ssh = SshClient.open(ctx, target.environment(),
                acceptNew ? SshClient.HostKeyPolicy.ACCEPT_NEW : SshClient.HostKeyPolicy.STRICT)) {
            // --follow never ends by itself: a terminal makes Ctrl-C (closing the session) hang it up on the node
            int exit = ssh.exec(target.nodes().get(0), cmd, ctx.stdout(), ctx.stderr(), follow);
            if (exit != 0) {
                throw new TcliException(dev.tcli.spi.ExitCode.FAILED, target.nodes().get(0).name() + ": journalctl failed (exit " + exit + ")");
            }
            return 0;
        }
    }
}
