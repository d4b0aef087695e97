package dev.tcli.onboard.commands;

import picocli.CommandLine.Command;

@Command(name = "onboard",
        description = "Answer \"can I do my on-call job yet?\": check accounts, SSH access, tools and the team's own checks; "
                + "then practise a whole incident in the sandbox.",
        subcommands = {CheckCommand.class, DrillCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  tcli onboard check", "  tcli onboard check --only pagerduty --only ssh-login",
            "  tcli onboard check --env acceptance -o json", "  tcli --profile sandbox onboard drill"})
public final class OnboardCommand {
}
