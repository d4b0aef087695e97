package dev.tcli.ssh.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.ssh.Environment;
import dev.tcli.ssh.Inventory;
import dev.tcli.ssh.SshConfigFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tcli ssh config}: OpenSSH Host blocks so plain {@code ssh NODE} works too. */
@DryRun(DryRun.Support.HONOURED)
@Command(name = "config", description = {"Print OpenSSH Host blocks for an environment's nodes (ProxyJump through the jump host).",
        "--write replaces only the '# BEGIN tcli ENV' .. '# END tcli ENV' block of ~/.ssh/config",
        "(backup in ~/.ssh/config.tcli-backup, atomic write, mode 0600)."},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli ssh config --env live", "  tcli ssh config --env live --write && ssh live-builder-api-0"})
public final class SshConfigCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Environment (default: the profile's, or the only one).")
    String env;

    @Option(names = "--write", description = "Write the block into ~/.ssh/config instead of printing it.")
    boolean write;

    public SshConfigCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Environment environment = Inventory.of(ctx).environment(env);
        String block = SshConfigFile.block(environment, ctx.paths().home());
        if (!write) {
            ctx.stdout().print(block);
            ctx.stdout().flush();
            return ExitCode.OK;
        }
        Path config = SshConfigFile.target(ctx);
        if (ctx.flags().dryRun()) {
            ctx.stdout().println("would replace the '" + SshConfigFile.begin(environment.name()) + "' block of " + config + " with:");
            ctx.stdout().print(block);
            ctx.stdout().flush();
            return ExitCode.OK;
        }
        var written = SshConfigFile.write(config, environment.name(), block);
        if (written.changed()) {
            ctx.journal().record("ssh", "config", config.toString(), "ok",
                    Map.of("environment", environment.name(), "nodes", environment.nodes().size()));
            ctx.out().note("wrote " + environment.nodes().size() + " hosts of " + environment.name() + " to " + config
                    + (written.backup() == null ? "" : " (backup: " + written.backup() + ")")
                    + (ctx.sandbox() ? "; the sandbox leaves ~/.ssh/config alone: use it with 'ssh -F " + config + " NODE'" : ""));
        } else {
            ctx.out().note(config + " is already up to date for " + environment.name());
        }
        return ExitCode.OK;
    }
}
