package dev.tcli.postmortem.commands;

import picocli.CommandLine.Command;

@Command(name = "postmortem",
        description = "After the page: a blameless postmortem draft whose UTC timeline merges PagerDuty (or Splunk On-Call), "
                + "Statuspage and tcli's own journal. (The pager report for the weekly review is 'tcli oncall report'.)",
        subcommands = {NewCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli postmortem new --incident Q1ABC2SBX --leader \"Dana Whitfield\"",
            "  tcli postmortem new --incident 1245 --status-incident p31zjtct2jer --out pm.md"})
public final class PostmortemCommand {
}
