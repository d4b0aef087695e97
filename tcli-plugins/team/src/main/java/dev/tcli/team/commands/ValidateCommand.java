package dev.tcli.team.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.TomlLines;
import dev.tcli.spi.output.Column;
import dev.tcli.team.Problem;
import dev.tcli.team.TeamSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tcli team validate}: the schema check a control repo's CI runs on every change, so a
 * typo is caught before it reaches everyone's laptop.
 */
@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "validate", description = "Check tcli-team.toml: known tables, key types, nodes, service requires, checks, URLs. "
        + "Prints FILE:LINE: key: problem; exit 1 on any error.",
        footerHeading = "%nExamples:%n",
        footer = {"  tcli team validate", "  tcli team validate --strict      # warnings fail too",
            "  TCLI_TEAM_DIR=. tcli team validate -o json   # in the control repo's CI"})
public final class ValidateCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = "--strict", description = "Fail on warnings (unknown keys) too.")
    boolean strict;

    public ValidateCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        // a file that is not TOML at all fails here, exit 3 with file and line (the kernel's parser)
        var team = ctx.team();
        Path file = team.file().orElseThrow(() -> TcliException.config("no team repo configured: set [team] repo in "
                + ctx.paths().configFile() + " or TCLI_TEAM_DIR (in the control repo's CI: TCLI_TEAM_DIR=.)"));
        List<Problem> problems = team.present()
                ? TeamSchema.check(team.node(), file.toString(), TomlLines.of(file))
                : List.of(new Problem(file.toString(), 0, "", "no such file: the team repo needs a tcli-team.toml at its root", "error"));
        if (ctx.out().machine()) {
            ctx.out().list(problems, List.of(Column.of("PROBLEM", Problem::toString)));
        } else {
            problems.forEach(p -> ctx.stdout().println(p));
        }
        long errors = problems.stream().filter(Problem::error).count();
        long warnings = problems.size() - errors;
        boolean failed = errors > 0 || (strict && warnings > 0);
        ctx.out().note(file + ": " + (problems.isEmpty() ? "valid" : errors + " error" + (errors == 1 ? "" : "s") + ", "
                + warnings + " warning" + (warnings == 1 ? "" : "s")));
        return failed ? ExitCode.FAILED : ExitCode.OK;
    }
}
