package dev.tcli.postmortem;

import dev.tcli.postmortem.report.ReportCommand;
import picocli.CommandLine.Command;

// `report` is the pager report of `tcli oncall report`; it is reachable here too until the
// oncall module mounts ReportCommand under its own tree.
@Command(name = "postmortem",
        description = "After the page: a blameless postmortem draft whose UTC timeline merges PagerDuty (or Splunk On-Call), "
                + "Statuspage and tcli's own journal; and the pager report for the weekly review.",
        subcommands = {NewCommand.class, ReportCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli postmortem new --incident Q1ABC2SBX --leader \"Dana Whitfield\"",
            "  tcli postmortem new --incident 1245 --status-incident p31zjtct2jer --out pm.md",
            "  tcli postmortem report --since 28d --tz Europe/Berlin"})
public final class PostmortemCommand {
}
