package dev.tcli.sandbox.commands;

import picocli.CommandLine.Command;

@Command(name = "sandbox",
        description = "The built-in practice environment behind --profile sandbox: emulators of PagerDuty, "
                + "Splunk On-Call, Statuspage and Sumo Logic with a seeded team, kept in $XDG_STATE_HOME/tcli/sandbox.",
        subcommands = {ResetCommand.class, SandboxStatusCommand.class, ServeCommand.class, FaultCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli sandbox reset", "  tcli sandbox status", "  tcli sandbox serve --port 8765"})
public final class SandboxCommand {
}
