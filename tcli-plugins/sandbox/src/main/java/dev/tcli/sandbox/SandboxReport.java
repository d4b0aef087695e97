package dev.tcli.sandbox;

import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.TeamConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The lines of {@code tcli sandbox status} beyond the emulators' files: which team repo is used, which faults wait. */
public final class SandboxReport {
    private SandboxReport() {
    }

    /** A team repo the user configured wins over the practice one, in the sandbox too: say which one commands will read. */
    public static List<String> teamInUse(ModuleContext ctx, PracticeTeam practice) {
        TeamConfig team;
        try {
            team = ctx.team();
        } catch (TcliException e) {
            team = null; // no profile resolves (no config): only the sandbox's own would be used
        }
        List<String> out = new ArrayList<>();
        if (team != null && team.repo().isPresent() && !team.repo().get().equals(practice.dir())) {
            out.add("team repo in use: " + team.repo().get() + " (" + team.source() + "), not the practice team repo "
                    + practice.dir());
            if (!team.present()) {
                out.add("warning: " + team.whyAbsent());
            }
        } else {
            out.add("team repo in use: the practice team repo " + practice.dir()
                    + " (no [team] repo or TCLI_TEAM_DIR is set, which would take its place)");
        }
        return out;
    }

    public static List<String> faults(Path dir) {
        List<Faults.Fault> staged = Faults.staged(dir);
        List<String> out = new ArrayList<>();
        out.add(staged.isEmpty() ? "faults staged: none" : "faults staged: " + staged.size() + " ('tcli sandbox fault --clear' removes them)");
        staged.forEach(f -> out.add("  " + Faults.describe(f)));
        return out;
    }
}
