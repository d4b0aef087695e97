package dev.tcli.spi;

import dev.tcli.spi.http.Http;
import dev.tcli.spi.output.Output;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Everything a module gets from the core. Commands receive it through their constructor and
 * never reach for globals ({@code System.getenv}, {@code System.out}, {@code user.home}), which
 * is what lets every command run in-process in a test against a temp home.
 *
 * <p>Profile-dependent parts ({@link #profile()}, {@link #settings}, {@link #secret}) resolve
 * on first use, after the whole command line has been parsed, so {@code --profile} may appear
 * anywhere.
 */
public interface ModuleContext {

    /** The active profile's name: {@code --profile}, else {@code TCLI_PROFILE}, else {@code default_profile}. */
    String profile();

    /**
     * The profile asked for ({@code --profile}, {@code TCLI_PROFILE}, {@code default_profile}),
     * by name only and without resolving it: unlike {@link #profile()} this never starts a
     * built-in profile's servers and never fails for a name the config does not define. Empty
     * when none is asked for. For handing the name on (an exec plugin's {@code TCLI_PROFILE}).
     *
     * @throws TcliException exit 3 when the config file cannot be read
     */
    default java.util.Optional<String> requestedProfile() {
        return java.util.Optional.ofNullable(profile());
    }

    /** True when the active profile is a built-in practice profile (the sandbox). */
    boolean sandbox();

    /** The {@code [profiles.<active>.<section>]} table; empty settings when absent. */
    Settings settings(String section);

    /**
     * A secret, resolved as docs/design.md §6 says: {@code TCLI_<SECTION>_<KEY>} from the
     * environment, else {@code <key>_cmd} (its stdout, trimmed), else a literal {@code <key>}
     * in a config file nobody else can read.
     *
     * @throws TcliException exit 3 when missing or refused, naming what to set
     */
    String secret(String section, String key);

    /** Like {@link #secret} but empty when nothing is configured at all. */
    java.util.Optional<String> optionalSecret(String section, String key);

    /** The team control repo's {@code tcli-team.toml}; empty when none is configured. */
    TeamConfig team();

    /** Directories and files of this run, all derived from {@code $HOME} and XDG variables. */
    Paths paths();

    /** The process environment (a test passes its own). */
    Map<String, String> env();

    /** The shared HTTP client. */
    Http http();

    /** Where results go: table, json, jsonl or csv. */
    Output out();

    /** The append-only action journal. */
    Journal journal();

    /** Global flags: --yes, --dry-run, -v, -q, --no-color, -o. */
    Flags flags();

    Clock clock();

    /** The profile's {@code timezone} setting, else the system zone. */
    ZoneId zone();

    /** Is stdin / stdout a terminal; prompts. */
    Terminal terminal();

    PrintWriter stdout();

    PrintWriter stderr();

    InputStream stdin();

    /** Publishes a cross-module event to every {@link EventListener}. */
    void publish(String event, Map<String, Object> data);

    /**
     * Every installed implementation of a cross-module service such as {@link IncidentHistory}
     * (registered in {@code META-INF/services}, built-ins first, then plugin jars): how one module
     * reads through another without importing it. Empty when none is installed. The kernel adds
     * its own services in front: {@link CommandTree}.
     */
    default <T> List<T> services(Class<T> type) {
        return List.of();
    }

    /**
     * Registers cleanup to run if the user interrupts the command (Ctrl-C), e.g. deleting a
     * server-side search job. Close the returned handle once the work is done.
     */
    AutoCloseable onInterrupt(Runnable cleanup);

    /**
     * Registers a value that must never be shown: from now on it is masked ({@code ****}) in
     * stderr, logs, dry runs, error messages and the journal, like the secrets {@link #secret}
     * resolves. For secrets a module obtains another way, e.g. a PagerDuty routing key printed by
     * a command or read from an API, which travels in a request body rather than a header.
     */
    void redact(String secret);

    /** The tcli version string. */
    String version();
}
