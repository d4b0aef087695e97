package dev.tcli.core;

import dev.tcli.spi.Paths;
import java.nio.file.Path;

/** docs/design.md §5: {@code ~} is {@code $HOME}; XDG variables when set. */
final class XdgPaths implements Paths {
    private final SystemEnv sys;
    private final Path home;
    private final String configOption;

    XdgPaths(SystemEnv sys, String configOption) {
        this.sys = sys;
        String h = sys.get("HOME");
        this.home = Path.of(h != null ? h : System.getProperty("user.home"));
        this.configOption = configOption;
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public Path configFile() {
        if (configOption != null) {
            return sys.cwd().resolve(expand(configOption));
        }
        String env = sys.get("TCLI_CONFIG");
        if (env != null) {
            return sys.cwd().resolve(expand(env));
        }
        return xdg("XDG_CONFIG_HOME", ".config").resolve("config.toml");
    }

    @Override
    public Path stateDir() {
        return xdg("XDG_STATE_HOME", ".local/state");
    }

    @Override
    public Path dataDir() {
        return xdg("XDG_DATA_HOME", ".local/share");
    }

    @Override
    public Path cacheDir() {
        return xdg("XDG_CACHE_HOME", ".cache");
    }

    private Path xdg(String variable, String fallback) {
        String v = sys.get(variable);
        Path base = v != null && Path.of(v).isAbsolute() ? Path.of(v) : home.resolve(fallback);
        return base.resolve("tcli");
    }

    @Override
    public Path expand(String path) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2));
        }
        return Path.of(path);
    }
}
