package dev.tcli.core.commands;

import dev.tcli.core.DefaultContext;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which profile {@code tcli config init} writes, and what it says about the team repo it records. */
final class InitProfile {
    private InitProfile() {
    }

    /**
     * The profile to write: {@code --name}, else the global {@code --profile} (so {@code tcli --profile acceptance
     * config init} writes {@code acceptance}, never {@code live}); the two must agree when both are given, and a
     * built-in profile is never written over. Null when neither is given (then asked, or {@code live}).
     */
    static String name(DefaultContext ctx, String nameOption) {
        String global = ctx.profileOption();
        if (nameOption != null && global != null && !nameOption.equals(global)) {
            throw TcliException.usage("--profile " + global + " and --name " + nameOption + " name different profiles: "
                    + "'config init' writes the one --name gives; drop --profile (or pass the same name)");
        }
        String chosen = nameOption != null ? nameOption : global;
        if (chosen != null && ctx.builtInProfile(chosen)) {
            throw TcliException.usage("'" + chosen + "' is a built-in profile and needs no setup; to change it, write a profile "
                    + "of your own with extends = \"" + chosen + "\" (pass another name with --name)");
        }
        return chosen;
    }

    /** A team repo that does not exist (yet) is recorded as given, with a line saying so. */
    static void warnIfMissing(ModuleContext ctx, String teamRepo) {
        if (teamRepo == null || teamRepo.isBlank()) {
            return;
        }
        Path dir = ctx.paths().expand(teamRepo);
        if (!Files.isDirectory(dir)) {
            ctx.out().note("warning: the team repo " + dir + " does not exist yet: clone the team's control repo there "
                    + "(until then commands say it is configured but missing)");
        }
    }
}
