package dev.tcli.core;

import dev.tcli.spi.Paths;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.output.SafeText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The personal config file ({@code --config}, {@code TCLI_CONFIG}, else the XDG one), read once
 * on first use. A missing file is no error unless the user named it.
 */
final class PersonalConfig {
    private final SystemEnv sys;
    private final GlobalOptions globals;
    private final Supplier<Paths> paths;
    private final PrintWriter err;
    private TomlFile config;
    private List<String> problems = List.of();
    private boolean loaded;

    PersonalConfig(SystemEnv sys, GlobalOptions globals, Supplier<Paths> paths, PrintWriter err) {
        this.sys = sys;
        this.globals = globals;
        this.paths = paths;
        this.err = err;
    }

    /** The file, or null when there is none (and none was asked for explicitly). */
    synchronized TomlFile file() {
        if (!loaded) {
            Path file = paths.get().configFile();
            boolean explicit = globals.config != null || sys.get("TCLI_CONFIG") != null;
            if (Files.exists(file)) {
                config = TomlFile.read(file, display(file));
                problems = ConfigSchema.problems(config, Set.of());
                if (!globals.quiet) {
                    // a typo'd key is named, never silently ignored (the default it falls back to may be the public API)
                    for (String p : problems) {
                        err.println("warning: " + SafeText.escape(p));
                    }
                }
            } else if (explicit) {
                throw TcliException.config("config file " + file + " does not exist; run 'tcli config init --config "
                        + file + "' to create it");
            }
            loaded = true;
        }
        return config;
    }

    /** Unknown keys and sections of the file (each with FILE:LINE and a did-you-mean), after {@link #file()}. */
    synchronized List<String> problems() {
        file();
        return problems;
    }

    /** {@code ~/...} for a file under the home directory, as messages show it. */
    String display(Path file) {
        Path home = paths.get().home();
        return file.startsWith(home) ? "~/" + home.relativize(file) : file.toString();
    }
}
