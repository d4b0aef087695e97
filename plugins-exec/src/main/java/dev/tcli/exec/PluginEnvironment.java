package dev.tcli.exec;

import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The environment an exec plugin runs with: tcli's own, minus tcli's secrets, plus variables
 * telling the plugin where it is (docs/design.md §4). Everything here is best effort: a
 * plugin must still run when the config is missing or broken, which is exactly when a user may
 * run {@code tcli doctor}-style plugins.
 */
final class PluginEnvironment {
    /**
     * tcli's secrets are for tcli (docs/design.md §6): a plugin that needs a token resolves
     * it itself. The documented four, and anything else of ours that looks like a credential.
     */
    static final Set<String> DOCUMENTED_SECRETS = Set.of("TCLI_PAGERDUTY_TOKEN", "TCLI_VICTOROPS_API_KEY",
            "TCLI_STATUSPAGE_TOKEN", "TCLI_SUMOLOGIC_ACCESS_KEY");
    static final Pattern SECRET = Pattern.compile("TCLI_.*(TOKEN|KEY|SECRET|PASSWORD|PASSPHRASE|CREDENTIAL).*");

    /**
     * Set by tcli for the plugin; an inherited value (from an outer tcli, or the launcher's
     * TCLI_TTY and TCLI_EXEC_PLAN) must not leak through.
     */
    static final Set<String> OURS = Set.of("TCLI_PROFILE", "TCLI_CONFIG", "TCLI_OUTPUT", "TCLI_VERSION", "TCLI_TEAM_DIR",
            "TCLI_DRY_RUN", "TCLI_YES", "TCLI_VERBOSITY", "TCLI_QUIET", "TCLI_TTY", LauncherHandoff.VARIABLE);

    private PluginEnvironment() {
    }

    static boolean secret(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return DOCUMENTED_SECRETS.contains(upper) || SECRET.matcher(upper).matches();
    }

    static Map<String, String> of(ModuleContext ctx) {
        Map<String, String> env = new TreeMap<>(ctx.env());
        env.keySet().removeIf(n -> secret(n) || OURS.contains(n.toUpperCase(Locale.ROOT)));

        requestedProfile(ctx).ifPresent(p -> env.put("TCLI_PROFILE", p));
        Path config = ctx.paths().configFile();
        // Only a file that exists, or one the user named: the core refuses an explicitly named
        // config file that is missing, and a plugin calling 'tcli --profile sandbox ...' back must
        // keep working for someone who has no config yet.
        if (Files.exists(config) || ctx.env().get("TCLI_CONFIG") != null) {
            env.put("TCLI_CONFIG", config.toAbsolutePath().toString());
        }
        env.put("TCLI_OUTPUT", ctx.flags().output().name().toLowerCase(Locale.ROOT));
        env.put("TCLI_VERSION", ctx.version());
        teamDir(ctx).ifPresent(d -> env.put("TCLI_TEAM_DIR", d));
        // Global options a careful plugin should honour; absent when not given.
        if (ctx.flags().dryRun()) {
            env.put("TCLI_DRY_RUN", "1");
        }
        if (ctx.flags().yes()) {
            env.put("TCLI_YES", "1");
        }
        if (ctx.flags().quiet()) {
            env.put("TCLI_QUIET", "1");
        }
        if (ctx.flags().verbosity() > 0) {
            env.put("TCLI_VERBOSITY", Integer.toString(ctx.flags().verbosity()));
        }
        return env;
    }

    /**
     * The profile the user asked for ({@code --profile}, {@code TCLI_PROFILE}, {@code default_profile}),
     * by name only. Resolving it fully would start the sandbox server for {@code --profile sandbox}
     * just to hand a name to a plugin, so the context's unresolved lookup is used.
     */
    static Optional<String> requestedProfile(ModuleContext ctx) {
        try {
            return ctx.requestedProfile();
        } catch (TcliException e) {
            // no config, or a broken one: the plugin runs without a profile and can say so itself
            return Optional.ofNullable(ctx.env().get("TCLI_PROFILE")).filter(s -> !s.isEmpty());
        }
    }

    static Optional<String> teamDir(ModuleContext ctx) {
        try {
            return ctx.team().repo().map(p -> p.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            // a broken team file is the team module's error to report, not a reason to refuse the plugin
            return Optional.empty();
        }
    }
}
