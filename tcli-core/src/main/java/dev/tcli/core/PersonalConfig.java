package dev.tcli.core;

import dev.tcli.spi.Paths;
import dev.tcli.spi.TcliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The personal config file ({@code --config}, {@code TCLI_CONFIG}, else the XDG one), read once
 * on first use. A missing file is no error unless the user named it.
 */
final class PersonalConfig {
    private final SystemEnv sys;
    private final GlobalOptions globals;
    private final Supplier<Paths> paths;
    private TomlFile config;
    private boolean loaded;

    PersonalConfig(SystemEnv sys, GlobalOptions globals, Supplier<Paths> paths) {
        this.sys = sys;
        this.globals = globals;
        this.paths = paths;
    }

    /** The file, or null when there is none (and none was asked for explicitly). */
    synchronized TomlFile file() {
        if (!loaded) {
            Path file = paths.get().configFile();
            boolean explicit = globals.config != null || sys.get("TCLI_CONFIG") != null;
            if (Files.exists(file)) {
                config = TomlFile.read(file, display(file));
            } else if (explicit) {
                throw TcliException.config("config file " + file + " does not exist; run 'tcli config init --config "
                        + file + "' to create it");
            }
            loaded = true;
        }
        return config;
    }

    /** {@code ~/...} for a file under the home directory, as messages show it. */
    String display(Path file) {
        Path home = paths.get().home();
        return file.startsWith(home) ? "~/" + home.relativize(file) : file.toString();
    }
}
