package dev.tcli.sandbox.commands;

import dev.tcli.sandbox.SandboxProfile;
import dev.tcli.sandbox.SandboxServer;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@DryRun(value = DryRun.Support.REFUSED, why = "it serves other tools, whose changes it cannot hold back")
@Command(name = "serve", description = "Run the emulators in the foreground for curl, exec plugins or other tools; Ctrl-C stops.",
        footerHeading = "%nExamples:%n", footer = {"  tcli sandbox serve --port 8765",
            "  curl -H 'Authorization: Token token=sandbox-pd-user-key1' http://127.0.0.1:8765/pagerduty/incidents"})
public final class ServeCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: any free port).")
    int port;

    public ServeCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        try (SandboxServer server = SandboxServer.startOnPort(ctx.paths().stateDir().resolve("sandbox"), port, Clock.systemUTC())) {
            ctx.out().note(SandboxProfile.NOTICE);
            var settings = server.settings();
            ctx.out().value(settings);
            ctx.out().note("serving on http://127.0.0.1:" + server.port() + " until Ctrl-C");
            CountDownLatch forever = new CountDownLatch(1);
            ctx.onInterrupt(forever::countDown);
            forever.await();
        }
        return 0;
    }
}
