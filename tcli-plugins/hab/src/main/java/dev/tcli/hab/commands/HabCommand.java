package dev.tcli.hab.commands;

import picocli.CommandLine.Command;

/** {@code tcli hab}: the Habitat supervisor on the nodes, through the jump host. */
@Command(name = "hab", description = "The Habitat supervisor on the production nodes (through the ssh module's jump host).",
        subcommands = {HabStatusCommand.class, RestartCommand.class, RestartSupervisorCommand.class, HabLogsCommand.class, PromoteCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli hab status --env live",
                "  tcli hab status live-builder-api-0 -o json",
                "  tcli hab restart live-builder-api-0 habitat/builder-api",
                "  tcli hab logs live-builder-api-0 --since 1h --grep ERROR",
                "  tcli hab promote habitat/builder-api/7602/20180906202535 stable"})
public final class HabCommand {
}
