package dev.tcli.status.commands;

import picocli.CommandLine.Command;

@Command(name = "component", description = "Change one component of the status page.",
        subcommands = {ComponentSetCommand.class},
        footerHeading = "%nExamples:%n", footer = {"  tcli status component set API major_outage", "  tcli status component set depot operational --yes"})
public final class ComponentCommand {
}
