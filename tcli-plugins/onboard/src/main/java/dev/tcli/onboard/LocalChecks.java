package dev.tcli.onboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.TeamConfig;
import dev.tcli.spi.TomlLines;
import dev.tcli.team.Problem;
import dev.tcli.team.TeamRepo;
import dev.tcli.team.TeamSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What needs no network: the config file, the team file and repo, tools on PATH. */
public final class LocalChecks {
    /** The team repo counts as stale after a week, like the core's one-line reminder. */
    static final Duration STALE = Duration.ofDays(7);

    private LocalChecks() {
    }

    /**
     * The personal config: present (or not needed by a built-in profile), valid, not readable
     * by others. {@code loadError} is what resolving the profile said, null when it loaded.
     */
    public static Check config(ModuleContext ctx, String loadError) {
        return Check.of("config", "run 'tcli config init' to write it, or fix the line named above", t -> {
            Path file = ctx.paths().configFile();
            if (loadError != null) {
                return Outcome.fail(loadError);
            }
            if (!Files.exists(file)) {
                return ctx.sandbox() ? Outcome.skip("no config file; the built-in '" + ctx.profile() + "' profile needs none")
                        : Outcome.fail("no config file at " + file);
            }
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (openToOthers(perms)) {
                return Outcome.fail(file + " is readable by others (mode " + PosixFilePermissions.toString(perms) + ")",
                        "chmod 600 " + file + " (it may hold secrets)");
            }
            return Outcome.pass(file + ": valid, mode " + PosixFilePermissions.toString(perms) + ", profile " + ctx.profile());
        });
    }

    static boolean openToOthers(Set<PosixFilePermission> perms) {
        return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)
                || perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** The team file parses and passes the team module's schema (what 'tcli team validate' checks). */
    public static Check teamFile(ModuleContext ctx, TeamConfig team, String loadError, boolean required) {
        String hint = "fix the file (see 'tcli team validate'), or ask the team for a working copy of the control repo";
        if (loadError != null) {
            return Check.of("team-file", hint, t -> Outcome.fail(loadError));
        }
        if (team.repo().isEmpty()) {
            return notConfigured("team-file", required);
        }
        return Check.of("team-file", hint, t -> {
            Path file = team.file().orElseThrow();
            if (!team.present()) {
                return Outcome.fail(team.whyAbsent());
            }
            List<Problem> errors = new ArrayList<>();
            for (Problem p : TeamSchema.check(team.node(), file.toString(), TomlLines.of(file))) {
                if (p.error()) {
                    errors.add(p);
                }
            }
            if (!errors.isEmpty()) {
                return Outcome.fail(errors.size() + " problem" + (errors.size() == 1 ? "" : "s") + ", first: " + errors.get(0));
            }
            return Outcome.pass(file + ": valid");
        });
    }

    /** The team's control repo is a checkout and was synced recently. */
    public static Check teamRepo(ModuleContext ctx, TeamConfig team, boolean required) {
        if (team.repo().isEmpty()) {
            return notConfigured("team-repo", required);
        }
        return Check.of("team-repo", "run 'tcli team sync' (a git pull --ff-only of the control repo)", t -> {
            TeamRepo repo = TeamRepo.of(ctx);
            if (!repo.isGit()) {
                return Outcome.fail(repo.dir() + " is not a git checkout",
                        "clone the team's control repo to " + repo.dir() + " so that 'tcli team sync' can update it");
            }
            Instant now = ctx.clock().instant();
            String branch = repo.branch().map(b -> " (" + b + ")").orElse("");
            var synced = repo.lastSync();
            if (synced.isEmpty()) {
                return Outcome.fail(repo.dir() + branch + " never synced with its remote");
            }
            String age = TeamRepo.age(synced.get(), now);
            if (Duration.between(synced.get(), now).compareTo(STALE) > 0) {
                return Outcome.fail(repo.dir() + branch + " last synced " + age);
            }
            return Outcome.pass(repo.dir() + branch + ", last synced " + age);
        });
    }

    private static Check notConfigured(String name, boolean required) {
        String why = "no team repo configured ([team] repo in the config file, or TCLI_TEAM_DIR)";
        if (!required) {
            return Check.skipped(name, why);
        }
        return Check.of(name, "clone the team's control repo and set [team] repo = \"~/src/ops-team\" in your config",
                t -> Outcome.fail(why));
    }

    /** {@code ssh}, {@code git} and the team file's {@code [onboard] tools}, one check each. */
    public static List<Check> tools(ModuleContext ctx, TeamConfig team) {
        Set<String> names = new LinkedHashSet<>(List.of("ssh", "git"));
        JsonNode extra = team.at("/onboard/tools");
        extra.forEach(n -> {
            if (n.isTextual() && !n.asText().isBlank()) {
                names.add(n.asText().trim());
            }
        });
        List<Check> out = new ArrayList<>();
        for (String tool : names) {
            out.add(Check.of("tool-" + tool, "install " + tool + " (the runbook needs it) and make sure it is on your PATH", t -> {
                Path found = onPath(ctx, tool);
                return found != null ? Outcome.pass(found.toString()) : Outcome.fail(tool + " is not on PATH");
            }));
        }
        return out;
    }

    static Path onPath(ModuleContext ctx, String exe) {
        if (exe.contains("/")) {
            Path p = ctx.paths().expand(exe);
            return Files.isExecutable(p) ? p : null;
        }
        String path = ctx.env().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, exe);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** A message without the {@code tcli:} noise, for a check's detail. */
    static String message(TcliException e) {
        return e.getMessage();
    }
}
