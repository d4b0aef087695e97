package dev.tcli.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.spi.CommandTree;
import dev.tcli.spi.EventListener;
import dev.tcli.spi.Flags;
import dev.tcli.spi.Journal;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.Paths;
import dev.tcli.spi.Settings;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.TeamConfig;
import dev.tcli.spi.Terminal;
import dev.tcli.spi.http.Http;
import dev.tcli.spi.output.Output;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ModuleContext} of one run: a facade over the pieces that do the work, each resolved
 * on first use, after picocli has parsed the whole command line.
 *
 * <ul>
 *   <li>{@link PersonalConfig}: the config file, read once;
 *   <li>{@link ProfileResolver}: which profile, opening a built-in one (the sandbox), giving a
 *       {@link ResolvedProfile} whose table is the built-in settings with the file's on top;
 *   <li>{@link TeamFileLoader}: the team control repo's {@code tcli-team.toml};
 *   <li>{@link RunServices}: HTTP, the renderer, the journal, the terminal, secrets;
 *   <li>{@link RunFlags}: the global options as {@link Flags}.
 * </ul>
 */
public final class DefaultContext implements ModuleContext {
    private final SystemEnv sys;
    private final GlobalOptions globals;
    private final ModuleRegistry registry;
    private final Interrupts interrupts;
    private final String version;
    private final PrintWriter out;
    private final PrintWriter err;
    private final RunFlags flags;
    private final PersonalConfig config;
    private final ProfileResolver profiles;
    private final TeamFileLoader team;
    private final RunServices services;
    private final Screen screen;
    private XdgPaths paths;

    public DefaultContext(SystemEnv sys, GlobalOptions globals, ModuleRegistry registry, Interrupts interrupts,
            String version) {
        this.sys = sys;
        this.globals = globals;
        this.registry = registry;
        this.interrupts = interrupts;
        this.version = version;
        this.screen = new Screen(sys);
        this.out = screen.out();
        this.err = screen.err();
        // Ctrl-C: erase a progress line rather than leave it under the shell's prompt
        interrupts.register(screen::clear);
        this.flags = new RunFlags(sys, globals);
        this.config = new PersonalConfig(sys, globals, this::paths, err);
        this.profiles = new ProfileResolver(sys, globals, config, registry, this::paths, err);
        this.team = new TeamFileLoader(sys, globals, config, profiles, this::paths, err, version);
        this.services = new RunServices(sys, flags, version, out, err, this::paths, this::settingsOrDefaults, this::zone,
                () -> {
                    ResolvedProfile p = profiles.resolvedOrNull();
                    return p == null ? null : p.name();
                }, screen, interrupts);
    }

    /** The terminal layer: width, progress line, rows redrawn in place. */
    Screen screen() {
        return screen;
    }

    // ---- configuration -------------------------------------------------------------------

    @Override
    public synchronized Paths paths() {
        if (paths == null) {
            paths = new XdgPaths(sys, globals.config);
        }
        return paths;
    }

    /** The personal config file, or null when there is none (and none was asked for explicitly). */
    public TomlFile config() {
        return config.file();
    }

    /** Unknown keys and sections of the config file (each with FILE:LINE and a did-you-mean), after {@link #config()}. */
    public List<String> configProblems() {
        return config.problems();
    }

    String display(Path file) {
        return config.display(file);
    }

    /** The global {@code --profile} option exactly as given on the command line; null when absent. */
    public String profileOption() {
        return globals.profile;
    }

    /** True when {@code name} is a built-in profile (a {@code ProfileProvider}, e.g. the sandbox). */
    public boolean builtInProfile(String name) {
        return profiles.builtIn(name);
    }

    @Override
    public Optional<String> requestedProfile() {
        return Optional.ofNullable(profiles.requested());
    }

    @Override
    public String profile() {
        return profiles.resolve().name();
    }

    /** Profiles from the config file, then built-in ones. */
    public List<String> profileNames() {
        return profiles.names();
    }

    /** The active profile's whole effective table (built-in settings with the file's on top). */
    public ObjectNode profileTable() {
        return profiles.resolve().table();
    }

    @Override
    public boolean sandbox() {
        if (profiles.requested() == null) {
            return false; // no profile at all is not the sandbox (and commands that need none keep working)
        }
        return profiles.resolve().open() != null;
    }

    @Override
    public Settings settings(String section) {
        return profiles.resolve().settings(section);
    }

    /** Settings of the active profile if one resolves; empty settings otherwise (HTTP defaults). */
    private Settings settingsOrDefaults(String section) {
        try {
            return settings(section);
        } catch (TcliException e) {
            return new TomlSettings(section, null, "profiles.?." + section, null, "defaults");
        }
    }

    @Override
    public String secret(String section, String key) {
        return optionalSecret(section, key).orElseThrow(() -> {
            ResolvedProfile p = profiles.resolve();
            return TcliException.config("no " + section + " " + key + " for profile '" + p.name() + "': set " + key
                    + "_cmd (or " + key + ") in [profiles." + p.name() + "." + section + "]"
                    + (p.source() != null ? " of " + p.source().display() : "") + ", or " + Secrets.envName(section, key));
        });
    }

    @Override
    public Optional<String> optionalSecret(String section, String key) {
        Settings s = settings(section);
        ResolvedProfile p = profiles.resolve();
        // a sandbox profile never takes a secret from the environment: TCLI_PAGERDUTY_TOKEN and the like are the
        // user's real credentials, set for live profiles; the sandbox has its own (or the extending profile's file)
        return services.secrets().resolve(section, key, s, p.source() != null ? p.source().path() : null, p.name(), p.open() == null);
    }

    @Override
    public TeamConfig team() {
        return team.team();
    }

    // ---- services --------------------------------------------------------------------------

    @Override
    public Map<String, String> env() {
        return sys.env();
    }

    @Override
    public Http http() {
        return services.http();
    }

    @Override
    public Output out() {
        return services.out();
    }

    @Override
    public Journal journal() {
        return services.journal();
    }

    @Override
    public Flags flags() {
        return flags;
    }

    @Override
    public Clock clock() {
        return sys.clock();
    }

    /** The profile's {@code timezone}, else {@code TZ}, else the clock's zone (the system's when that is UTC). */
    @Override
    public ZoneId zone() {
        String tz = null;
        if (profiles.requested() != null) {
            ResolvedProfile p = profiles.resolvedOrNull();
            tz = p == null ? null : p.timezone();
        }
        if (tz == null) {
            tz = sys.get("TZ");
        }
        if (tz != null) {
            try {
                return ZoneId.of(tz.startsWith(":") ? tz.substring(1) : tz);
            } catch (DateTimeException e) {
                throw TcliException.config("timezone '" + tz + "' is not a time zone (use e.g. Europe/Berlin or UTC)");
            }
        }
        return sys.clock().getZone().equals(ZoneOffset.UTC) ? ZoneId.systemDefault() : sys.clock().getZone();
    }

    @Override
    public Terminal terminal() {
        return services.terminal();
    }

    @Override
    public PrintWriter stdout() {
        return out;
    }

    @Override
    public PrintWriter stderr() {
        return err;
    }

    @Override
    public InputStream stdin() {
        return sys.in();
    }

    @Override
    public void publish(String event, Map<String, Object> data) {
        for (EventListener l : registry.eventListeners()) {
            try {
                l.on(event, data, this);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DefaultContext.class).warn("listener {} failed on {}: {}",
                        l.getClass().getName(), event, Redactor.redact(String.valueOf(e.getMessage())));
            }
        }
    }

    @Override
    public <T> List<T> services(Class<T> type) {
        if (type == CommandTree.class) {
            // the kernel's own service: the tree a run does not build (it attaches one module)
            return List.of(type.cast((CommandTree) () -> Tcli.fullTree(this)));
        }
        return registry.services(type);
    }

    @Override
    public AutoCloseable onInterrupt(Runnable cleanup) {
        return interrupts.register(cleanup);
    }

    @Override
    public void redact(String secret) {
        Redactor.register(secret);
    }

    @Override
    public String version() {
        return version;
    }

    public ModuleRegistry registry() {
        return registry;
    }

    public SystemEnv system() {
        return sys;
    }

    /** Ends the run: stops built-in profile servers and HTTP threads. */
    public void close() {
        out.flush();
        err.flush();
        services.close();
        profiles.close();
    }
}
