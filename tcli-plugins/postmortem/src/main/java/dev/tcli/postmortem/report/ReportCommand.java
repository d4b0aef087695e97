package dev.tcli.postmortem.report;

import dev.tcli.spi.ModuleContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "report", description = "The pager report (work in progress).", footerHeading = "%nExamples:%n",
        footer = {"  tcli oncall report --since 28d"})
public final class ReportCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    public ReportCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return 0;
    }
}
