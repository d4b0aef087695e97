package dev.tcli.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.core.http.OkHttpLayer;
import dev.tcli.spi.EventListener;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.Flags;
import dev.tcli.spi.Journal;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.Paths;
import dev.tcli.spi.ProfileProvider;
import dev.tcli.spi.Settings;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.TeamConfig;
import dev.tcli.spi.Terminal;
import dev.tcli.spi.http.Http;
import dev.tcli.spi.output.Output;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ModuleContext} of one run. Everything profile-dependent is resolved on first use,
 * after picocli has parsed the whole command line.
 */
public final class DefaultContext implements ModuleContext, Flags {
    static final String NO_CONFIG = "no configuration yet: run 'tcli config init' to set up your accounts, "
            + "or try tcli out with '--profile sandbox' (built in, no setup)";

    private final SystemEnv sys;
    private final GlobalOptions globals;
    private final ModuleRegistry registry;
    private final Interrupts interrupts;
    private final String version;
    private final PrintWriter out;
    private final PrintWriter err;

    private XdgPaths paths;
    private TomlFile config;
    private boolean configLoaded;
    private String profile;
    private ObjectNode profileNode;
    private TomlFile profileSource;
    private ProfileProvider.OpenProfile openProfile;
    private TeamFile team;
    private OkHttpLayer http;
    private Renderer renderer;
    private Journal journal;
    private Terminal terminal;
    private Secrets secrets;

    public DefaultContext(SystemEnv sys, GlobalOptions globals, ModuleRegistry registry, Interrupts interrupts,
            String version) {
        this.sys = sys;
        this.globals = globals;
        this.registry = registry;
        this.interrupts = interrupts;
        this.version = version;
        this.out = new PrintWriter(sys.out(), false);
        this.err = new PrintWriter(sys.err(), true);
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
    public synchronized TomlFile config() {
        if (!configLoaded) {
            Path file = paths().configFile();
            boolean explicit = globals.config != null || sys.get("TCLI_CONFIG") != null;
            if (Files.exists(file)) {
                config = TomlFile.read(file, display(file));
            } else if (explicit) {
                throw TcliException.config("config file " + file + " does not exist; run 'tcli config init --config "
                        + file + "' to create it");
            }
            configLoaded = true;
        }
        return config;
    }

    String display(Path file) {
        Path home = paths().home();
        return file.startsWith(home) ? "~/" + home.relativize(file) : file.toString();
    }

    /** The global {@code --profile} option exactly as given on the command line; null when absent. */
    public String profileOption() {
        return globals.profile;
    }

    /** True when {@code name} is a built-in profile (a {@code ProfileProvider}, e.g. the sandbox). */
    public boolean builtInProfile(String name) {
        return provider(name) != null;
    }

    /** The profile name asked for, without resolving it; null when none. */
    public String requestedProfile() {
        if (globals.profile != null) {
            return globals.profile;
        }
        if (sys.get("TCLI_PROFILE") != null) {
            return sys.get("TCLI_PROFILE");
        }
        TomlFile c = config();
        if (c != null && c.root().hasNonNull("default_profile")) {
            return c.root().get("default_profile").asText();
        }
        return null;
    }

    @Override
    public synchronized String profile() {
        if (profile == null) {
            String name = requestedProfile();
            if (name == null) {
                throw TcliException.config(config() == null ? NO_CONFIG
                        : "no profile chosen: pass --profile NAME or set default_profile in " + config().display()
                                + " (profiles: " + String.join(", ", profileNames()) + ")");
            }
            TomlFile c = config();
            JsonNode node = c == null ? null : c.root().path("profiles").get(name);
            String builtIn = name;
            if (node != null && node.isObject()) {
                profileNode = (ObjectNode) node;
                profileSource = c;
                JsonNode ext = node.get("extends");
                builtIn = ext != null && ext.isTextual() ? ext.asText() : null;
            }
            if (builtIn != null) {
                ProfileProvider provider = provider(builtIn);
                if (provider == null) {
                    throw TcliException.config((profileNode != null ? c.where("profiles." + name + ".extends") + ": " : "")
                            + "unknown profile '" + builtIn + "'"
                            + (c == null ? "" : " in " + c.display()) + "; profiles: " + String.join(", ", profileNames()));
                }
                try {
                    openProfile = provider.open(new ProfileProvider.ProfileEnv() {
                        @Override
                        public Paths paths() {
                            return DefaultContext.this.paths();
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
                profileNode = profileNode == null ? openProfile.settings() : overlay(openProfile.settings(), profileNode);
            }
            profile = name;
        }
        return profile;
    }

    /** A config profile with {@code extends = "sandbox"}: the built-in settings, then the file's on top, table by table. */
    private static ObjectNode overlay(ObjectNode base, ObjectNode top) {
        ObjectNode out = base.deepCopy();
        top.fields().forEachRemaining(f -> {
            JsonNode existing = out.get(f.getKey());
            if (existing instanceof ObjectNode eo && f.getValue() instanceof ObjectNode to) {
                eo.setAll(to);
            } else {
                out.set(f.getKey(), f.getValue());
            }
        });
        return out;
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
    public List<String> profileNames() {
        List<String> names = new ArrayList<>();
        TomlFile c = config();
        if (c != null) {
            Iterator<String> it = c.root().path("profiles").fieldNames();
            it.forEachRemaining(names::add);
        }
        for (ProfileProvider p : registry.profileProviders()) {
            if (!names.contains(p.name())) {
                names.add(p.name());
            }
        }
        return names;
    }

    /** The active profile's whole effective table (built-in settings with the file's on top). */
    public ObjectNode profileTable() {
        profile();
        return profileNode;
    }

    @Override
    public boolean sandbox() {
        if (requestedProfile() == null) {
            return false; // no profile at all is not the sandbox (and commands that need none keep working)
        }
        profile();
        return openProfile != null;
    }

    @Override
    public Settings settings(String section) {
        String name = profile();
        JsonNode node = profileNode.get(section);
        String prefix = "profiles." + name + "." + section;
        if (node != null && !node.isObject()) {
            throw TcliException.config((profileSource != null ? profileSource.where(prefix) : "profile " + name)
                    + ": " + prefix + " must be a table ([" + prefix + "])");
        }
        return new TomlSettings(section, node, prefix, profileSource,
                profileSource != null ? profileSource.display() : "the built-in '" + name + "' profile");
    }

    /** Settings of the active profile if one resolves; empty settings otherwise (HTTP defaults). */
    private Settings settingsOrEmpty(String section) {
        try {
            return settings(section);
        } catch (TcliException e) {
            return new TomlSettings(section, null, "profiles.?." + section, null, "defaults");
        }
    }

    @Override
    public String secret(String section, String key) {
        return optionalSecret(section, key).orElseThrow(() -> TcliException.config("no " + section + " " + key
                + " for profile '" + profile() + "': set " + key + "_cmd (or " + key + ") in [profiles." + profile() + "."
                + section + "]" + (profileSource != null ? " of " + profileSource.display() : "") + ", or "
                + Secrets.envName(section, key)));
    }

    @Override
    public Optional<String> optionalSecret(String section, String key) {
        Settings s = settings(section);
        synchronized (this) {
            if (secrets == null) {
                secrets = new Secrets(sys);
            }
        }
        // a sandbox profile never takes a secret from the environment: TCLI_PAGERDUTY_TOKEN and the like are the
        // user's real credentials, set for live profiles; the sandbox has its own (or the extending profile's file)
        return secrets.resolve(section, key, s, profileSource != null ? profileSource.path() : null, profile(), openProfile == null);
    }

    @Override
    public synchronized TeamConfig team() {
        if (team == null) {
            Path repo = null;
            String source = "";
            if (sys.get("TCLI_TEAM_DIR") != null) {
                repo = paths().expand(sys.get("TCLI_TEAM_DIR"));
                source = "TCLI_TEAM_DIR";
            } else {
                TomlFile c = config();
                JsonNode r = c == null ? null : c.root().path("team").get("repo");
                if (r != null && r.isTextual()) {
                    repo = paths().expand(r.asText());
                    source = "[team] repo in " + c.display();
                } else if (requestedProfile() != null) {
                    profile();
                    if (openProfile != null) {
                        repo = openProfile.teamRepo().orElse(null);
                        source = "the '" + profile + "' profile's own team repo";
                    }
                }
            }
            team = repo == null ? TeamFile.none() : TeamFile.of(sys.cwd().resolve(repo), source);
            warnIfStale(team);
        }
        return team;
    }

    /**
     * DESIGN.md section 5: no command blocks on the network to check for team updates; a team
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
                java.time.Instant synced = Files.getLastModifiedTime(marker).toInstant();
                long days = java.time.Duration.between(synced, sys.clock().instant()).toDays();
                if (days >= 7) {
                    err.println("tcli: the team repo " + t.repo().get() + " was last synced " + days
                            + " days ago; run 'tcli team sync'");
                }
            }
        } catch (java.io.IOException e) {
            // an unreadable checkout is reported by the commands that need it
        }
    }

    // ---- services --------------------------------------------------------------------------

    @Override
    public Map<String, String> env() {
        return sys.env();
    }

    @Override
    public synchronized Http http() {
        if (http == null) {
            http = new OkHttpLayer(() -> settingsOrEmpty("http"), sys.env(), version, globals.dryRun, out,
                    p -> paths().expand(p));
        }
        return http;
    }

    @Override
    public synchronized Output out() {
        if (renderer == null) {
            renderer = new Renderer(output(), out, err, color(), globals.quiet, terminal().width(), this::zone);
        }
        return renderer;
    }

    @Override
    public synchronized Journal journal() {
        if (journal == null) {
            // cron and some containers leave USER and LOGNAME unset; the JVM reads the account itself
            String user = sys.get("USER") != null ? sys.get("USER")
                    : sys.get("LOGNAME") != null ? sys.get("LOGNAME") : System.getProperty("user.name", "unknown");
            journal = new JsonlJournal(paths().stateDir().resolve("journal.jsonl"), this::profileOrNone, user, sys.clock());
        }
        return journal;
    }

    private String profileOrNone() {
        try {
            return profile();
        } catch (TcliException e) {
            return null;
        }
    }

    @Override
    public Flags flags() {
        return this;
    }

    @Override
    public Clock clock() {
        return sys.clock();
    }

    @Override
    public ZoneId zone() {
        String tz = null;
        if (requestedProfile() != null) {
            try {
                profile();
                JsonNode z = profileNode.get("timezone");
                tz = z == null ? null : z.asText();
            } catch (TcliException e) {
                tz = null;
            }
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
        return sys.clock().getZone().equals(java.time.ZoneOffset.UTC) ? ZoneId.systemDefault() : sys.clock().getZone();
    }

    @Override
    public synchronized Terminal terminal() {
        if (terminal == null) {
            terminal = new ConsoleTerminal(sys, this, err);
        }
        return terminal;
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
        if (http != null) {
            http.close();
        }
        if (openProfile != null) {
            try {
                openProfile.close();
            } catch (RuntimeException e) {
                // closing is best effort at exit
            }
        }
    }

    // ---- Flags ----------------------------------------------------------------------------

    @Override
    public boolean yes() {
        return globals.yes;
    }

    @Override
    public boolean dryRun() {
        return globals.dryRun;
    }

    @Override
    public int verbosity() {
        return globals.verbosity();
    }

    @Override
    public boolean quiet() {
        return globals.quiet;
    }

    @Override
    public boolean color() {
        return sys.stdoutTty() && !globals.noColor && sys.get("NO_COLOR") == null && !"dumb".equals(sys.get("TERM"));
    }

    @Override
    public OutputFormat output() {
        if (globals.output != null) {
            return globals.output;
        }
        return OutputFormat.TABLE;
    }

    static ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
