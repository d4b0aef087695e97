package com.example.tcli.hello;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.output.Column;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tcli hello-java [--shout] [NAME]}. tcli builds it with the constructor taking a
 * {@link ModuleContext}; global options ({@code -o}, {@code --profile}, {@code -q} ...) are
 * already there and must not be declared again.
 */
@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "hello-java",
        description = "Greets someone, to show how a Java plugin gets its arguments and prints through tcli.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tcli hello-java                 greets the on-call engineer ($USER)",
            "  tcli hello-java --shout Alex    LOUDLY",
            "  tcli -o json hello-java Alex    the greeting as JSON, for a script"
        })
public final class HelloCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "Who to greet (default: $USER).")
    String name;

    @Option(names = "--shout", description = "Greet in capitals.")
    boolean shout;

    public HelloCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    /** A record, so {@code -o json} prints {@code {"name": ..., "greeting": ..., "tcli_version": ...}}. */
    public record Greeting(String name, String greeting, String tcliVersion) {
    }

    @Override
    public Integer call() {
        String who = name != null ? name : ctx.env().get("USER");
        if (who == null || who.isBlank()) {
            // the exit code and one-line message tcli's own commands use for bad input
            throw TcliException.usage("no NAME given and $USER is not set: try 'tcli hello-java Alex'");
        }
        String text = "Hello, " + who + "!";
        Greeting g = new Greeting(who, shout ? text.toUpperCase(Locale.ROOT) : text, ctx.version());
        ctx.out().object(g, List.of(
                Column.of("NAME", Greeting::name),
                Column.of("GREETING", Greeting::greeting),
                Column.of("TCLI_VERSION", Greeting::tcliVersion)));
        return 0;
    }
}
