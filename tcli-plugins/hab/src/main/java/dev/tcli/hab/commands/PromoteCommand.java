package dev.tcli.hab.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.ssh.RemoteCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tcli hab promote IDENT CHANNEL}: the deploy step, with the local Habitat CLI. */
@DryRun(DryRun.Support.HONOURED)
@Command(name = "promote", description = {"Promote a package release to a Builder channel (runs the local 'hab pkg promote').",
        "The ident must be fully qualified (origin/name/version/release). HAB_AUTH_TOKEN comes from your environment",
        "or [profiles.P.hab] auth_token_cmd. Asks first (--yes without a terminal). Journaled."},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli hab promote habitat/builder-api/7602/20180906202535 stable",
                "  tcli hab promote habitat/builder-api/7602/20180906202535 stable --dry-run"})
public final class PromoteCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(index = "0", paramLabel = "IDENT", description = "Fully qualified ident: origin/name/version/release.")
    String ident;

    @Parameters(index = "1", paramLabel = "CHANNEL", description = "Channel to promote to, e.g. stable.")
    String channel;

    public PromoteCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (!ident.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/[A-Za-z0-9_.+-]+/\\d{14}")) {
            throw TcliException.usage("'" + ident + "' is not a fully qualified ident: origin/name/version/release, "
                    + "e.g. habitat/builder-api/7602/20180906202535 ('tcli hab status' shows the running ones)");
        }
        if (!channel.matches("[A-Za-z0-9_.-]+")) {
            throw TcliException.usage("bad channel '" + channel + "'");
        }
        List<String> argv = List.of("hab", "pkg", "promote", ident, channel);
        if (ctx.flags().dryRun()) {
            ctx.stdout().println("would run: " + RemoteCommand.of(argv).line());
            return ExitCode.OK;
        }
        if (ctx.sandbox()) {
            return dev.tcli.hab.PracticePromote.run(ctx, ident, channel);
        }
        Path hab = findHab();
        ctx.terminal().confirm("Promote " + ident + " to channel " + channel + "?");
        ProcessBuilder pb = new ProcessBuilder(hab.toString(), "pkg", "promote", ident, channel);
        pb.environment().clear();
        pb.environment().putAll(ctx.env());
        ctx.optionalSecret("hab", "auth_token").ifPresent(t -> pb.environment().put("HAB_AUTH_TOKEN", t));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("ident", ident);
        details.put("channel", channel);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            Thread err = pump(p.getErrorStream(), ctx.stderr());
            pump(p.getInputStream(), ctx.stdout()).join();
            err.join();
            int exit = p.waitFor();
            details.put("exit", exit);
            ctx.journal().record("hab", "promote", ident, exit == 0 ? "ok" : "failed", details);
            if (exit != 0) {
                throw new TcliException(ExitCode.FAILED, "hab pkg promote failed (exit " + exit + "); see its message above");
            }
            return ExitCode.OK;
        } catch (IOException e) {
            throw new TcliException(ExitCode.FAILED, "cannot run " + hab + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.INTERRUPTED;
        }
    }

    private Path findHab() {
        for (String dir : ctx.env().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "hab"))) {
                return Path.of(dir, "hab");
            }
        }
        throw TcliException.config("the Habitat CLI 'hab' is not installed (not on PATH): install it "
                + "(https://docs.chef.io/habitat/install_habitat/), then rerun");
    }

    private static Thread pump(InputStream in, Writer to) {
        Thread t = new Thread(() -> {
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                char[] buf = new char[4096];
                int n;
                while ((n = r.read(buf)) >= 0) {
                    synchronized (to) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                // the process went away
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }
}
