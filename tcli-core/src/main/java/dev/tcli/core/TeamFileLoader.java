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
    private final String version;
    private TeamFile team;

    TeamFileLoader(SystemEnv sys, GlobalOptions globals, PersonalConfig config, ProfileResolver profiles,
            Supplier<Paths> paths, PrintWriter err, String version) {
        this.sys = sys;
        this.globals = globals;
        this.config = config;
        this.profiles = profiles;
        this.paths = paths;
        this.err = err;
        this.version = version;
    }

    synchronized TeamFile team() {
        if (team == null) {
            Path repo = null;
            String source = "";
            if (sys.get("TCLI_TEAM_DIR") != null) {
                repo = paths.get().expand(sys.get("TCLI_TEAM_DIR"));
                source = "TCLI_TEAM_DIR";
            } else {
                TomlFile c = config.file();
                JsonNode r = c == null ? null : c.root().path("team").get("repo");
                if (r != null && r.isTextual()) {
                    repo = paths.get().expand(r.asText());
                    source = "[team] repo in " + c.display();
                } else if (profiles.requested() != null) {
                    ResolvedProfile p = profiles.resolve();
                    if (p.open() != null) {
                        repo = p.open().teamRepo().orElse(null);
                        source = "the '" + p.name() + "' profile's own team repo";
                    }
                }
            }
            team = repo == null ? TeamFile.none() : TeamFile.of(sys.cwd().resolve(repo), source);
            warnIfStale(team);
            noticeIfOlderThanTheTeam(team);
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

    /**
     * The team says which tcli it runs ({@code [tcli] min_version} in tcli-team.toml). An older
     * local tcli earns one line, at most once a day and never with {@code -q}: a local comparison,
     * no network call (docs/install.md, "Updating").
     */
    private void noticeIfOlderThanTheTeam(TeamFile t) {
        JsonNode min = t.node().path("tcli").path("min_version");
        if (globals.quiet || !min.isTextual() || compareVersions(version, min.asText()) >= 0) {
            return;
        }
        Path marker = paths.get().stateDir().resolve("min-version-notice");
        String today = sys.clock().instant().toString().substring(0, 10);
        try {
            if (Files.exists(marker) && Files.readString(marker).strip().equals(today + " " + min.asText())) {
                return;
            }
            // the state directory is private (0700, files 0600): the one writer that keeps it so
            dev.tcli.spi.PrivateFiles.replace(marker, today + " " + min.asText() + "\n");
        } catch (IOException e) {
            // no state directory: say it anyway, every time, rather than never
        }
        err.println("tcli: your team runs tcli " + min.asText() + " or newer (" + t.where("tcli.min_version")
                + "), this is " + version + "; update it: docs/install.md, \"Updating\"");
    }

    /**
     * Orders dotted versions numerically ({@code 0.10.0 > 0.9.2}); a pre-release suffix
     * ({@code -SNAPSHOT}) counts as the release it leads to. A development build ("dev") is never older.
     */
    static int compareVersions(String a, String b) {
        if (a == null || !a.matches("\\d.*")) {
            return 1;
        }
        String[] x = a.split("[-+]", 2)[0].split("\\.");
        String[] y = b.strip().split("[-+]", 2)[0].split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = Long.compare(number(x, i), number(y, i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static long number(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        String digits = parts[i].replaceAll("\\D.*", "");
        try {
            return digits.isEmpty() ? 0 : Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
