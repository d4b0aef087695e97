package dev.tcli.team.commands;

import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.output.Column;
import dev.tcli.team.TeamRepo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code tcli team sync}: {@code git pull --ff-only}, the one command that goes to the network
 * for the team file. Never merges or rebases: a diverged or dirty checkout is for a human.
 */
@DryRun(DryRun.Support.HONOURED)
@Command(name = "sync", description = "Update the team repo: git pull --ff-only (never merges; says what to do on conflict).",
        footerHeading = "%nExamples:%n",
        footer = {"  tcli team sync", "  tcli team sync -o json", "  tcli team sync --dry-run"})
public final class SyncCommand implements Callable<Integer> {
    private static final Duration PULL = Duration.ofMinutes(2);
    private static final Duration LOCAL = Duration.ofSeconds(10);

    private final ModuleContext ctx;

    /** What a sync did. */
    public record SyncResult(String repo, String branch, String upstream, String before, String after, int commits, boolean updated) {
    }

    public SyncCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        TeamRepo repo = TeamRepo.of(ctx);
        if (!repo.isGit()) {
            throw TcliException.config(repo.dir() + " is not a git checkout: clone the team's control repo there");
        }
        String branch = repo.branch().orElseThrow(() -> TcliException.failed("the team repo " + repo.dir()
                + " is on a detached HEAD: check out its branch first (git -C " + repo.dir() + " checkout main)"));
        String upstream = upstream(repo, branch);
        if (ctx.flags().dryRun()) {
            ctx.out().text("would run: git -C " + repo.dir() + " pull --ff-only   (" + branch + " <- " + upstream + ")");
            return ExitCode.OK;
        }
        String before = head(repo);
        ctx.out().note("pulling " + upstream + " into " + repo.dir() + " ...");
        TeamRepo.Result pull = repo.git(PULL, "pull", "--ff-only");
        if (!pull.ok()) {
            throw explain(repo, branch, upstream, pull);
        }
        String after = head(repo);
        int commits = before.equals(after) ? 0 : count(repo, before + ".." + after);
        var result = new SyncResult(repo.dir().toString(), branch, upstream, shortId(before), shortId(after), commits, !before.equals(after));
        if (result.updated()) {
            ctx.journal().record("team", "sync", repo.dir().toString(), "updated",
                    Map.of("branch", branch, "from", result.before(), "to", result.after(), "commits", commits));
        }
        if (ctx.out().machine()) {
            ctx.out().object(result, List.of(Column.of("REPO", SyncResult::repo)));
        } else if (result.updated()) {
            ctx.out().text("Updated " + branch + " " + result.before() + ".." + result.after() + " (" + commits + " commit"
                    + (commits == 1 ? "" : "s") + " from " + upstream + ")");
        } else {
            ctx.out().text("Already up to date: " + branch + " at " + result.after() + " (" + upstream + ")");
        }
        return ExitCode.OK;
    }

    private String upstream(TeamRepo repo, String branch) {
        TeamRepo.Result r = repo.git(LOCAL, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}");
        if (!r.ok() || r.stdout().isBlank()) {
            throw TcliException.failed("branch " + branch + " of the team repo " + repo.dir() + " has no upstream: "
                    + "git -C " + repo.dir() + " branch --set-upstream-to=origin/" + branch + ", then tcli team sync");
        }
        return r.stdout().strip();
    }

    /** Turns git's refusal into what to do about it. */
    private static TcliException explain(TeamRepo repo, String branch, String upstream, TeamRepo.Result pull) {
        String err = pull.stderr();
        String dir = repo.dir().toString();
        if (err.contains("would be overwritten") || err.contains("Your local changes")) {
            return TcliException.failed("local changes in " + dir + " conflict with the update from " + upstream
                    + ": commit or stash them (git -C " + dir + " status), then tcli team sync");
        }
        if (err.contains("Not possible to fast-forward") || err.contains("diverg") || err.contains("CONFLICT")) {
            return TcliException.failed("the team repo's " + branch + " and " + upstream + " have diverged (local commits not on "
                    + upstream + "): rebase or merge them by hand in " + dir + ", then tcli team sync");
        }
        if (err.contains("Could not resolve host") || err.contains("unable to access") || err.contains("Could not read from remote")
                || err.contains("Connection refused") || err.contains("timed out") || err.contains("does not appear to be a git repository")) {
            return new TcliException(ExitCode.UNAVAILABLE, "cannot reach the team repo's remote (" + upstream + "): " + pull.reason()
                    + " (on the VPN? git -C " + dir + " remote -v)");
        }
        return TcliException.failed("git pull --ff-only failed in " + dir + ": " + pull.reason());
    }

    private static String head(TeamRepo repo) {
        TeamRepo.Result r = repo.git(LOCAL, "rev-parse", "HEAD");
        return r.ok() ? r.stdout().strip() : "";
    }

    private static int count(TeamRepo repo, String range) {
        TeamRepo.Result r = repo.git(LOCAL, "rev-list", "--count", range);
        try {
            return r.ok() ? Integer.parseInt(r.stdout().strip()) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String shortId(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
