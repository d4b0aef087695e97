package dev.tcli.status.commands;

import picocli.CommandLine.Command;

@Command(name = "incident", description = "Incidents on the status page: list, show, create, update, resolve.",
        subcommands = {IncidentListCommand.class, IncidentShowCommand.class, IncidentCreateCommand.class, IncidentUpdateCommand.class,
            IncidentResolveCommand.class},
        footerHeading = "%nExamples:%n", footer = {"  tcli status incident list --unresolved",
            "  tcli status incident create --name \"Elevated API errors\" --component API=partial --message \"We are investigating.\"",
            "  tcli status incident update p31zjtct2jer --status identified --message \"A bad deploy; rolling back.\"",
            "  tcli status incident resolve p31zjtct2jer"})
public final class IncidentCommand {
}
