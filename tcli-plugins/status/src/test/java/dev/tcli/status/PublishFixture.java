package dev.tcli.status;

import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliModule;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Test-only module: publishes an event the way the oncall module does, without depending on it. */
public final class PublishFixture implements TcliModule {
    @Override
    public String name() {
        return "publish-fixture";
    }

    @Override
    public String description() {
        return "Test fixture: publishes oncall.resolved";
    }

    @Override
    public Class<?> command() {
        return Publish.class;
    }

    @Command(name = "publish-fixture", description = "Publishes oncall.resolved with open_remaining N.",
            footerHeading = "%nExamples:%n", footer = "  tcli publish-fixture 0")
    public static final class Publish implements Callable<Integer> {
        private final ModuleContext ctx;
        @Parameters(index = "0")
        int openRemaining;

        public Publish(ModuleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.publish("oncall.resolved", Map.of("ids", List.of("Q1"), "open_remaining", openRemaining));
            ctx.stdout().println("published");
            return 0;
        }
    }
}
