package dev.tcli.onboard.commands;

import dev.tcli.onboard.Check;
import dev.tcli.onboard.CheckResult;
import dev.tcli.onboard.Checklist;
import dev.tcli.onboard.LocalChecks;
import dev.tcli.onboard.Outcome;
import dev.tcli.onboard.ServiceChecks;
import dev.tcli.onboard.SshChecks;
import dev.tcli.onboard.TeamChecks;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.TeamConfig;
import dev.tcli.spi.Times;
import dev.tcli.spi.output.Column;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "check", description = "Can I do my on-call job yet? Checks config, credentials, SSH to the jump host, tools "
        + "and the team's own [[onboard.checks]], all at once; prints a hint for each failure. Exit 0 when all pass, 1 when any fails.",
        footerHeading = "%nExamples:%n", footer = {"  tcli onboard check", "  tcli onboard check --only pagerduty --only statuspage",
            "  tcli onboard check --env acceptance --timeout 20s", "  tcli onboard check -o json",
            "  tcli --profile sandbox onboard check"})
public final class CheckCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = "--only", paramLabel = "NAME", description = "Run only this check (repeatable); NAME may also be a prefix "
            + "such as pagerduty (pagerduty-contact, ...) or tool")
    List<String> only = new ArrayList<>();
    @Option(names = "--env", paramLabel = "E", description = "Environment of the team file for the SSH checks "
            + "(default: [ssh] environment, else the only one)")
    String env;
    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s",
            description = "Per-check time limit, e.g. 10s or 1m (a team check's own timeout wins); default ${DEFAULT-VALUE}")
    String timeout;

    public CheckCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Duration limit = limit();
        List<Check> checks = select(Plan.of(ctx, env).checks());
        List<CheckResult> results = new Checklist(ctx, limit).run(checks);
        if (ctx.out().machine()) {
            ctx.out().list(results, columns());
        }
        long failed = results.stream().filter(r -> Boolean.FALSE.equals(r.ok())).count();
        long passed = results.stream().filter(r -> Boolean.TRUE.equals(r.ok())).count();
        ctx.out().note(passed + " passed, " + failed + " failed, " + (results.size() - passed - failed) + " skipped");
        return failed == 0 ? 0 : 1;
    }

    private Duration limit() {
        Duration d;
        try {
            d = Times.parseDuration(timeout);
        } catch (RuntimeException e) {
            throw TcliException.usage("--timeout '" + timeout + "' is not a duration: use e.g. 10s or 1m");
        }
        if (d.isNegative() || d.isZero()) {
            throw TcliException.usage("--timeout must be more than zero");
        }
        return d;
    }

    /** --only NAME: the check of that name, or every check named NAME-...; an unknown NAME is a usage error. */
    private List<Check> select(List<Check> all) {
        if (only.isEmpty()) {
            return all;
        }
        List<Check> out = new ArrayList<>();
        for (String want : only) {
            String w = want.toLowerCase(Locale.ROOT).trim();
            List<Check> match = all.stream().filter(c -> {
                String n = c.name().toLowerCase(Locale.ROOT);
                return n.equals(w) || n.startsWith(w + "-");
            }).toList();
            if (match.isEmpty()) {
                throw TcliException.usage("no check named '" + want + "'; checks: "
                        + String.join(", ", all.stream().map(Check::name).toList()));
            }
            match.stream().filter(c -> !out.contains(c)).forEach(out::add);
        }
        return out;
    }

    static List<Column<CheckResult>> columns() {
        return List.of(Column.of("CHECK", CheckResult::name), Column.status("OK", CheckResult::mark),
                Column.of("DETAIL", CheckResult::detail), Column.dim("HINT", CheckResult::hint));
    }

    /** The checks for this profile, built once the config and team file have been given a chance to load. */
    record Plan(List<Check> checks) {
        static Plan of(ModuleContext ctx, String env) {
            String configError = null;
            try {
                ctx.profile();
                ctx.settings("oncall");
            } catch (TcliException e) {
                configError = e.getMessage();
            }
            List<Check> checks = new ArrayList<>();
            checks.add(LocalChecks.config(ctx, configError));
            if (configError != null) {
                // nothing else can be known without a profile; tools still can
                String why = "the configuration did not load (see the config check)";
                for (String n : List.of("team-file", "team-repo")) {
                    checks.add(Check.skipped(n, why));
                }
                checks.addAll(new ServiceChecks(ctx).skipped(why));
                SshChecks.NAMES.forEach(n -> checks.add(Check.skipped(n, why)));
                checks.addAll(LocalChecks.tools(ctx, TeamConfig.absent()));
                return new Plan(checks);
            }
            TeamConfig team;
            String teamError = null;
            try {
                team = ctx.team();
            } catch (TcliException e) {
                team = TeamConfig.absent();
                teamError = e.getMessage();
            }
            boolean required = !ctx.sandbox();
            checks.add(LocalChecks.teamFile(ctx, team, teamError, required));
            checks.add(teamError != null ? Check.skipped("team-repo", "the team file did not load (see the team-file check)")
                    : LocalChecks.teamRepo(ctx, team, required));
            try {
                checks.addAll(new ServiceChecks(ctx).all());
            } catch (TcliException e) {
                String why = e.getMessage();
                checks.add(Check.of("services", "fix the profile's service sections in the config file", t -> Outcome.fail(why)));
            }
            if (teamError != null) {
                SshChecks.NAMES.forEach(n -> checks.add(Check.skipped(n, "the team file did not load (see the team-file check)")));
            } else {
                checks.addAll(new SshChecks(ctx, team).all(env));
            }
            checks.addAll(LocalChecks.tools(ctx, team));
            checks.addAll(TeamChecks.of(ctx, team));
            return new Plan(checks);
        }
    }
}
