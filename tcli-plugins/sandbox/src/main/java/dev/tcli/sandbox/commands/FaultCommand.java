package dev.tcli.sandbox.commands;

import dev.tcli.sandbox.FaultStaging;
import dev.tcli.sandbox.Faults;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "fault", description = "Make the next calls to an emulator fail: 429, 500, 503, slow, truncate, reset, or 403 (Splunk On-Call's rate limit).",
        footerHeading = "%nExamples:%n", footer = {"  tcli sandbox fault 429 --service pagerduty --count 2",
            "  tcli sandbox fault slow --service sumologic --delay-ms 5000",
            "  tcli sandbox fault 403 --service victorops --count 3", "  tcli sandbox fault --clear"})
public final class FaultCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(arity = "0..1", paramLabel = "KIND", description = "429, 500, 503, slow, truncate, reset; 403 with --service victorops")
    String kind;
    @Option(names = "--service", description = "pagerduty, victorops, statuspage, sumologic (default: any)")
    String service;
    @Option(names = "--path", description = "Only paths starting with this, e.g. /incidents")
    String path;
    @Option(names = "--method", description = "Only this HTTP method")
    String method;
    @Option(names = "--count", defaultValue = "1", description = "How many calls (default 1)")
    int count;
    @Option(names = "--retry-after", defaultValue = "1", description = "Retry-After seconds for 429 (default 1)")
    int retryAfter;
    @Option(names = "--delay-ms", defaultValue = "2000", description = "Delay for slow (default 2000)")
    int delayMs;
    @Option(names = "--clear", description = "Remove every staged fault")
    boolean clear;

    public FaultCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        var dir = ctx.paths().stateDir().resolve("sandbox");
        if (clear) {
            return FaultStaging.clear(ctx, dir);
        }
        if (kind == null) {
            throw TcliException.usage("name a fault KIND (" + String.join(", ", Faults.KINDS) + ") or pass --clear");
        }
        return FaultStaging.stage(ctx, dir, service, method, path, kind, count, retryAfter, delayMs);
    }
}
