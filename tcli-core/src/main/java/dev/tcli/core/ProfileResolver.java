package dev.tcli.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.Paths;
import dev.tcli.spi.ProfileProvider;
import dev.tcli.spi.TcliException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Which profile a run uses: {@code --profile}, else {@code TCLI_PROFILE}, else
 * {@code default_profile}; looked up in the config file, then among the built-in
 * {@link ProfileProvider}s (the sandbox), which are opened only here, on first use, so that
 * {@code tcli sandbox reset} never starts servers.
 */
final class ProfileResolver {
    static final String NO_CONFIG = "no configuration yet: run 'tcli config init' to set up your accounts, "
            + "or try tcli out with '--profile sandbox' (built in, no setup)";

    private final SystemEnv sys;
    private final GlobalOptions globals;
    private final PersonalConfig config;
    private final ModuleRegistry registry;
    private final Supplier<Paths> paths;
    private final PrintWriter err;
    private ResolvedProfile resolved;

    ProfileResolver(SystemEnv sys, GlobalOptions globals, PersonalConfig config, ModuleRegistry registry,
            Supplier<Paths> paths, PrintWriter err) {
        this.sys = sys;
        this.globals = globals;
        this.config = config;
        this.registry = registry;
        this.paths = paths;
        this.err = err;
    }

    /** The profile name asked for, without resolving it; null when none. */
    String requested() {
        if (globals.profile != null) {
            return globals.profile;
        }
        if (sys.get("TCLI_PROFILE") != null) {
            return sys.get("TCLI_PROFILE");
        }
        TomlFile c = config.file();
        if (c != null && c.root().hasNonNull("default_profile")) {
            return c.root().get("default_profile").asText();
        }
        return null;
    }

    /** The active profile, resolved (and a built-in one opened) on the first call. */
    synchronized ResolvedProfile resolve() {
        if (resolved == null) {
            resolved = open(requested());
        }
        return resolved;
    }

    /** The active profile if one resolves, else null (the journal, the zone and HTTP defaults get by without). */
    ResolvedProfile resolvedOrNull() {
        try {
            return resolve();
        } catch (TcliException e) {
            return null;
        }
    }

    private ResolvedProfile open(String name) {
        TomlFile c = config.file();
        if (name == null) {
            throw TcliException.config(c == null ? NO_CONFIG
                    : "no profile chosen: pass --profile NAME or set default_profile in " + c.display()
                            + " (profiles: " + String.join(", ", names()) + ")");
        }
        JsonNode node = c == null ? null : c.root().path("profiles").get(name);
        ObjectNode table = null;
        TomlFile source = null;
        String builtIn = name;
        if (node != null && node.isObject()) {
            table = (ObjectNode) node;
            source = c;
            JsonNode ext = node.get("extends");
            builtIn = ext != null && ext.isTextual() ? ext.asText() : null;
        }
        ProfileProvider.OpenProfile opened = null;
        if (builtIn != null) {
            ProfileProvider provider = provider(builtIn);
            if (provider == null && table != null && c.root().path("profiles").has(builtIn)) {
                // extends names a profile of the file (a -> b -> a is a cycle): say what extends takes
                JsonNode back = c.root().path("profiles").path(builtIn).get("extends");
                boolean cycle = builtIn.equals(name) || back != null && name.equals(back.asText());
                throw TcliException.config(c.where("profiles." + name + ".extends") + ": extends = \"" + builtIn + "\" names a profile of "
                        + c.display() + (cycle ? ", which extends it back (a cycle)" : "")
                        + "; extends takes a built-in profile (sandbox), not another profile of the file");
            }
            if (provider == null) {
                throw TcliException.config((table != null ? c.where("profiles." + name + ".extends") + ": " : "")
                        + "unknown profile '" + builtIn + "'"
                        + (c == null ? "" : " in " + c.display()) + "; profiles: " + String.join(", ", names()));
            }
            try {
                opened = provider.open(new ProfileProvider.ProfileEnv() {
                    @Override
                    public Paths paths() {
                        return paths.get();
                    }

                    @Override
                    public PrintWriter stderr() {
                        return err;
                    }

                    @Override
                    public boolean quiet() {
                        return globals.quiet;
                    }
                });
            } catch (TcliException e) {
                throw e;
            } catch (Exception e) {
                throw new TcliException(ExitCode.FAILED, "could not start the '" + name + "' profile: " + e.getMessage(), e);
            }
            table = table == null ? opened.settings() : ResolvedProfile.overlay(opened.settings(), table);
        }
        return new ResolvedProfile(name, table, source, opened);
    }

    /** True when {@code name} is a built-in profile (a {@code ProfileProvider}, e.g. the sandbox). */
    boolean builtIn(String name) {
        return provider(name) != null;
    }

    private ProfileProvider provider(String name) {
        for (ProfileProvider p : registry.profileProviders()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** Profiles from the config file, then built-in ones. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        TomlFile c = config.file();
        if (c != null) {
            c.root().path("profiles").fieldNames().forEachRemaining(names::add);
        }
        for (ProfileProvider p : registry.profileProviders()) {
            if (!names.contains(p.name())) {
                names.add(p.name());
            }
        }
        return names;
    }

    /** Stops a built-in profile's servers, if one was opened; best effort at exit. */
    synchronized void close() {
        if (resolved != null && resolved.open() != null) {
            try {
                resolved.open().close();
            } catch (RuntimeException e) {
                // closing is best effort at exit
            }
        }
    }
}
