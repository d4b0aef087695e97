package dev.tcli.core;

import dev.tcli.core.startup.QuickScan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tcli}: the root. Module subcommands are attached per run, only the one being used. */
@Command(name = "tcli",
        customSynopsis = "tcli [OPTIONS] MODULE [SUBJECT] VERB [ARGS...]",
        description = "The on-call team's command line: PagerDuty or Splunk On-Call, Statuspage, Sumo Logic, "
                + "SSH through the jump host and the Habitat supervisor, behind one grammar.",
        sortOptions = false,
        usageHelpAutoWidth = true)
public final class RootCommand implements Runnable {
    @Mixin
    final GlobalOptions globals;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;

    /** Filled only by the first, scanning parse: the module name and everything after it. */
    @Parameters(hidden = true, arity = "0..*")
    List<String> rest = new ArrayList<>();

    RootCommand(GlobalOptions globals) {
        this.globals = globals;
    }

    /** The first scan without picocli ({@link QuickScan}): true when it could, false (nothing touched) when picocli must. */
    boolean quickScan(String[] args) {
        QuickScan.Line line = QuickScan.scan(args);
        if (line == null) {
            return false;
        }
        globals.profile = line.profile();
        globals.config = line.config();
        globals.output = line.output();
        globals.verbose = new boolean[line.verbosity()];
        Arrays.fill(globals.verbose, true);
        globals.quiet = line.quiet();
        globals.noColor = line.noColor();
        globals.yes = line.yes();
        globals.dryRun = line.dryRun();
        globals.help = line.help();
        version = line.version();
        rest = new ArrayList<>(line.rest());
        return true;
    }

    @Override
    public void run() {
        // tcli without a module prints help: handled by Tcli before picocli runs a command
    }
}
