package dev.tcli.team.commands;

import picocli.CommandLine.Command;

/** {@code tcli team}: the control repo every teammate shares. */
@Command(name = "team", description = "The team control repo: what tcli-team.toml defines, syncing it, validating it.",
        subcommands = {TeamShowCommand.class, SyncCommand.class, ValidateCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli team show", "  tcli team sync", "  tcli team validate -o json"})
public final class TeamCommand {
}
