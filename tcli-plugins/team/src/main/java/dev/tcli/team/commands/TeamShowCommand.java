package dev.tcli.team.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import dev.tcli.spi.output.Column;
import dev.tcli.team.TeamRepo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tcli team show}: which checkout, how fresh, and what it defines. Never touches the network. */
@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "show", description = "Show the team repo: path, branch, last sync, and what tcli-team.toml defines (no network).",
        footerHeading = "%nExamples:%n",
        footer = {"  tcli team show", "  tcli team show -o json", "  TCLI_TEAM_DIR=~/src/ops-team tcli team show"})
public final class TeamShowCommand implements Callable<Integer> {
    private static final Duration LOCAL_GIT = Duration.ofSeconds(10);

    private final ModuleContext ctx;

    /** What {@code team show} reports. */
    public record TeamSummary(String repo, String file, boolean fileExists, String branch, String upstream, String remote,
            String head, String lastSync, String lastSyncAge, int environments, int nodes, int inventoryCommands,
            int services, int savedSearches, int bookmarks, int checks, List<String> tools) {
    }

    public TeamShowCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        TeamRepo repo = TeamRepo.of(ctx);
        JsonNode team = ctx.team().node();
        Optional<Instant> synced = repo.lastSync();
        String upstream = null;
        String remote = null;
        String head = null;
        if (repo.isGit()) {
            upstream = local(repo, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}");
            head = local(repo, "log", "-1", "--format=%h %s");
            if (upstream != null && upstream.contains("/")) {
                remote = TeamRepo.redact(local(repo, "remote", "get-url", upstream.substring(0, upstream.indexOf('/'))));
            }
        }
        int nodes = 0;
        int inventory = 0;
        for (JsonNode env : team.path("environments")) {
            nodes += env.path("nodes").size();
            inventory += env.has("inventory_cmd") ? 1 : 0;
        }
        List<String> tools = new ArrayList<>();
        team.path("onboard").path("tools").forEach(t -> tools.add(t.asText()));
        var summary = new TeamSummary(repo.dir().toString(), ctx.team().file().map(Object::toString).orElse(null),
                ctx.team().present(), repo.branch().orElse(repo.isGit() ? "(detached HEAD)" : "(not a git checkout)"),
                upstream, remote, head,
                synced.map(t -> Times.format(t, ctx.zone())).orElse(null),
                synced.map(t -> TeamRepo.age(t, ctx.clock().instant())).orElse("never"),
                team.path("environments").size(), nodes, inventory, team.path("services").size(),
                team.path("logs").path("saved").size(), team.path("web").size(), team.path("onboard").path("checks").size(), tools);
        ctx.out().object(summary, List.of(
                Column.of("REPO", TeamSummary::repo),
                Column.of("FILE", s -> s.fileExists() ? s.file() : s.file() + " (missing)"),
                Column.of("BRANCH", TeamSummary::branch),
                Column.of("UPSTREAM", s -> s.upstream() == null ? "(none)" : s.upstream() + (s.remote() == null ? "" : " " + s.remote())),
                Column.dim("HEAD", TeamSummary::head),
                Column.of("LAST SYNC", s -> s.lastSync() == null ? "never" : s.lastSync() + " (" + s.lastSyncAge() + ")"),
                Column.of("ENVIRONMENTS", s -> s.environments() + " (" + s.nodes() + " nodes"
                        + (s.inventoryCommands() > 0 ? ", " + s.inventoryCommands() + " inventory_cmd" : "") + ")"),
                Column.of("SERVICES", TeamSummary::services),
                Column.of("SAVED SEARCHES", TeamSummary::savedSearches),
                Column.of("BOOKMARKS", TeamSummary::bookmarks),
                Column.of("CHECKS", s -> s.checks() + (s.tools().isEmpty() ? "" : " (tools: " + String.join(", ", s.tools()) + ")"))));
        return ExitCode.OK;
    }

    /** A purely local git question; null when git is missing or has no answer (no upstream, no commit). */
    private static String local(TeamRepo repo, String... args) {
        try {
            TeamRepo.Result r = repo.git(LOCAL_GIT, args);
            return r.ok() && !r.stdout().isBlank() ? r.stdout().strip() : null;
        } catch (TcliException e) {
            return null;
        }
    }
}
