package dev.tcli.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.Paths;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Finds and reads the team control repo's {@code tcli-team.toml}: {@code TCLI_TEAM_DIR}, else
 * {@code [team] repo} of the config file, else the repo a built-in profile brings along.
 */
final class TeamFileLoader {
    private final SystemEnv sys;
    private final GlobalOptions globals;
    private final PersonalConfig config;
    private final ProfileResolver profiles;
    private final Supplier<Paths> paths;
    private final PrintWriter err;
    private TeamFile team;

    TeamFileLoader(SystemEnv sys, GlobalOptions globals, PersonalConfig config, ProfileResolver profiles,
            Supplier<Paths> paths, PrintWriter err) {
        this.sys = sys;
        this.globals = globals;
        this.config = config;
        this.profiles = profiles;
        this.paths = paths;
        this.err = err;
    }

    synchronized TeamFile team() {
        if (team == null) {
            Path repo = null;
            if (sys.get("TCLI_TEAM_DIR") != null) {
                repo = paths.get().expand(sys.get("TCLI_TEAM_DIR"));
            } else {
                TomlFile c = config.file();
                JsonNode r = c == null ? null : c.root().path("team").get("repo");
                if (r != null && r.isTextual()) {
                    repo = paths.get().expand(r.asText());
                } else if (profiles.requested() != null) {
                    ResolvedProfile p = profiles.resolve();
                    if (p.open() != null) {
                        repo = p.open().teamRepo().orElse(null);
                    }
                }
            }
            team = repo == null ? TeamFile.none() : TeamFile.of(sys.cwd().resolve(repo));
            warnIfStale(team);
        }
        return team;
    }

    /**
     * docs/design.md §5: no command blocks on the network to check for team updates; a team
     * checkout not synced for a week earns one line on stderr instead.
     */
    private void warnIfStale(TeamFile t) {
        if (t.repo().isEmpty() || globals.quiet) {
            return;
        }
        Path git = t.repo().get().resolve(".git");
        Path marker = Files.exists(git.resolve("FETCH_HEAD")) ? git.resolve("FETCH_HEAD") : git.resolve("HEAD");
        try {
            if (Files.exists(marker)) {
                Instant synced = Files.getLastModifiedTime(marker).toInstant();
                long days = Duration.between(synced, sys.clock().instant()).toDays();
                if (days >= 7) {
                    err.println("tcli: the team repo " + t.repo().get() + " was last synced " + days
                            + " days ago; run 'tcli team sync'");
                }
            }
        } catch (IOException e) {
            // an unreadable checkout is reported by the commands that need it
        }
    }
}
