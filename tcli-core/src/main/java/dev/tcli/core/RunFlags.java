package dev.tcli.core;

import dev.tcli.spi.Flags;

/** The global options of a run as modules see them, with colour decided from the terminal and the environment. */
final class RunFlags implements Flags {
    private final SystemEnv sys;
    private final GlobalOptions globals;

    RunFlags(SystemEnv sys, GlobalOptions globals) {
        this.sys = sys;
        this.globals = globals;
    }

    @Override
    public boolean yes() {
        return globals.yes;
    }

    @Override
    public boolean dryRun() {
        return globals.dryRun;
    }

    @Override
    public int verbosity() {
        return globals.verbosity();
    }

    @Override
    public boolean quiet() {
        return globals.quiet;
    }

    @Override
    public boolean color() {
        return sys.stdoutTty() && !globals.noColor && sys.get("NO_COLOR") == null && !"dumb".equals(sys.get("TERM"));
    }

    @Override
    public OutputFormat output() {
        if (globals.output != null) {
            return globals.output;
        }
        return OutputFormat.TABLE;
    }
}
