package dev.tcli.oncall.commands;

import picocli.CommandLine.Command;

@Command(name = "responders", description = "Ask more people to help with an incident.",
        subcommands = {RespondersAddCommand.class},
        footerHeading = "%nExamples:%n", footer = {"  tcli oncall responders add 1042 --user alex.chen@example.com --message \"join the bridge\""})
public final class RespondersCommand {
}
