package dev.tcli.logs.commands;

import picocli.CommandLine.Command;

@Command(name = "logs",
        description = "Find the errors: search and follow the logs in Sumo Logic, or run the team's saved searches. "
                + "Configure [profiles.NAME.sumologic] base_url (your deployment), access_id and access_key_cmd.",
        subcommands = {SearchCommand.class, TailCommand.class, SavedCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli logs search '_sourceCategory=live/api error' --since 1h",
            "  tcli logs search '_sourceCategory=live/* error | count by _sourcehost' --since 2h",
            "  tcli logs search --saved live-api-errors -o jsonl > errors.jsonl",
            "  tcli logs tail '_sourceCategory=live/worker ERROR'",
            "  tcli --profile sandbox logs saved"})
public final class LogsCommand {
}
