package dev.tcli.core;

import dev.tcli.core.http.OkHttpLayer;
import dev.tcli.spi.Flags;
import dev.tcli.spi.Journal;
import dev.tcli.spi.Paths;
import dev.tcli.spi.Settings;
import dev.tcli.spi.Terminal;
import dev.tcli.spi.http.Http;
import dev.tcli.spi.output.Output;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The services of a run, each made on first use: a command that never talks HTTP never loads
 * OkHttp, one that prints nothing never builds a renderer (docs/performance.md).
 */
final class RunServices {
    private final SystemEnv sys;
    private final Flags flags;
    private final String version;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Supplier<Paths> paths;
    private final Function<String, Settings> settingsOrDefaults;
    private final Supplier<ZoneId> zone;
    private final Supplier<String> profileOrNone;
    private final Screen screen;
    private final Interrupts interrupts;

    private OkHttpLayer http;
    private Renderer renderer;
    private Journal journal;
    private Terminal terminal;
    private Secrets secrets;

    /**
     * @param settingsOrDefaults a section of the active profile, or empty settings when no profile resolves
     *     (HTTP timeouts and proxies have defaults)
     * @param profileOrNone the active profile's name for the journal, or null
     */
    RunServices(SystemEnv sys, Flags flags, String version, PrintWriter out, PrintWriter err, Supplier<Paths> paths,
            Function<String, Settings> settingsOrDefaults, Supplier<ZoneId> zone, Supplier<String> profileOrNone, Screen screen,
            Interrupts interrupts) {
        this.sys = sys;
        this.flags = flags;
        this.version = version;
        this.out = out;
        this.err = err;
        this.paths = paths;
        this.settingsOrDefaults = settingsOrDefaults;
        this.zone = zone;
        this.profileOrNone = profileOrNone;
        this.screen = screen;
        this.interrupts = interrupts;
    }

    synchronized Http http() {
        if (http == null) {
            http = new OkHttpLayer(() -> settingsOrDefaults.apply("http"), sys.env(), version, flags.dryRun(), out,
                    p -> paths.get().expand(p));
        }
        return http;
    }

    synchronized Output out() {
        if (renderer == null) {
            renderer = new Renderer(flags.output(), out, err, flags.color(), flags.quiet(), screen, zone);
        }
        return renderer;
    }

    synchronized Journal journal() {
        if (journal == null) {
            // cron and some containers leave USER and LOGNAME unset; the JVM reads the account itself
            String user = sys.get("USER") != null ? sys.get("USER")
                    : sys.get("LOGNAME") != null ? sys.get("LOGNAME") : System.getProperty("user.name", "unknown");
            journal = new JsonlJournal(paths.get().stateDir().resolve("journal.jsonl"), profileOrNone, user, sys.clock());
        }
        return journal;
    }

    synchronized Terminal terminal() {
        if (terminal == null) {
            terminal = new ConsoleTerminal(sys, flags, err, screen, interrupts);
        }
        return terminal;
    }

    synchronized Secrets secrets() {
        if (secrets == null) {
            secrets = new Secrets(sys);
        }
        return secrets;
    }

    /** Stops the HTTP client's threads, if it was ever made. */
    synchronized void close() {
        if (http != null) {
            http.close();
        }
    }
}
