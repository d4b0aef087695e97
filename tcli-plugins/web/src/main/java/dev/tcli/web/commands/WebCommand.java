package dev.tcli.web.commands;

import picocli.CommandLine.Command;

/** {@code tcli web}: the bookmarks of the team file. */
@Command(name = "web", description = "The team's dashboards and bookmarks ([web] of tcli-team.toml).",
        subcommands = {ListCommand.class, OpenCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli web list", "  tcli web open live-api", "  tcli web open graf      # prefix or fuzzy match"})
public final class WebCommand {
}
