package dev.tcli.spi;

import java.nio.file.Path;

/**
 * Where tcli keeps things. Every path derives from {@code $HOME} (never Java's
 * {@code user.home} unless {@code $HOME} is unset) and the XDG variables.
 */
public interface Paths {
    /** {@code $HOME}. */
    Path home();

    /** The personal config file: {@code --config}, {@code $TCLI_CONFIG}, or {@code $XDG_CONFIG_HOME/tcli/config.toml}. */
    Path configFile();

    /** {@code $XDG_STATE_HOME/tcli} ({@code ~/.local/state/tcli}): journal, sandbox state, caches of last good answers. */
    Path stateDir();

    /** {@code $XDG_DATA_HOME/tcli} ({@code ~/.local/share/tcli}): plugin jars. */
    Path dataDir();

    /** {@code $XDG_CACHE_HOME/tcli} ({@code ~/.cache/tcli}). */
    Path cacheDir();

    /** Expands a leading {@code ~} against {@link #home()}; relative paths stay relative. */
    Path expand(String path);
}
