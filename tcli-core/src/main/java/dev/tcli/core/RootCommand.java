package dev.tcli.core;

import java.util.ArrayList;
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

    @Override
    public void run() {
        // tcli without a module prints help: handled by Tcli before picocli runs a command
    }
}
