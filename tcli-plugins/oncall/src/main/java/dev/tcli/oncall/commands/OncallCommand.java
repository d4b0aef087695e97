package dev.tcli.oncall.commands;

import picocli.CommandLine.Command;

@Command(name = "oncall",
        description = "What you do when paged: list, ack, resolve and hand off incidents, and see who is on call. "
                + "The provider is [profiles.NAME.oncall] provider = \"pagerduty\" or \"victorops\"; "
                + "verbs and JSON are the same for both.",
        subcommands = {IncidentsCommand.class, OncallShowCommand.class, AckCommand.class, ResolveCommand.class,
            ReassignCommand.class, NoteCommand.class, SnoozeCommand.class, RespondersCommand.class, EscalateCommand.class,
            WhoCommand.class, ScheduleCommand.class, OverrideCommand.class, TriggerCommand.class, ResolveEventCommand.class,
            ReportCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli oncall incidents --mine", "  tcli oncall ack", "  tcli oncall resolve 1042 --note \"restarted builder-api\"",
            "  tcli oncall who", "  tcli oncall report --since 28d --html pager-report.html",
            "  tcli --profile sandbox oncall incidents -o json"})
public final class OncallCommand {
}
