package dev.tcli.status.commands;

import picocli.CommandLine.Command;

@Command(name = "status",
        description = "Tell customers what is going on: the public status page's components and incidents (Atlassian Statuspage). "
                + "Configure [profiles.NAME.statuspage] base_url, page_id and token_cmd. Posting is outward-facing: tcli asks first "
                + "on a terminal and needs --yes otherwise; --dry-run prints the exact request.",
        subcommands = {ComponentsCommand.class, ComponentCommand.class, IncidentCommand.class, TemplatesCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli status components", "  tcli status component set \"Build Workers\" degraded",
            "  tcli status incident create --template \"Builds delayed\" --component \"Build Workers=degraded\"",
            "  tcli status incident resolve p31zjtct2jer --message \"Builds are back to normal.\"",
            "  tcli --profile sandbox status incident list --unresolved"})
public final class StatusCommand {
}
