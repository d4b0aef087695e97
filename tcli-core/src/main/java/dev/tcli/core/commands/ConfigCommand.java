package dev.tcli.core.commands;

import picocli.CommandLine.Command;

@Command(name = "config", description = "The personal configuration: $TCLI_CONFIG or $XDG_CONFIG_HOME/tcli/config.toml.",
        subcommands = {ConfigInitCommand.class, ConfigShowCommand.class, ConfigProfilesCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli config init", "  tcli config show --profile live", "  tcli config profiles -o json"})
public final class ConfigCommand {
}
