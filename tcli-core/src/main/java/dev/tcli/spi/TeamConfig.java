package dev.tcli.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The team's {@code tcli-team.toml} from its control repo (docs/design.md §5). Modules read
 * their own part ({@code environments}, {@code services}, {@code logs}, {@code web},
 * {@code onboard}) from {@link #node()}.
 */
public interface TeamConfig {
    /** True when a team repo is configured and its file was read. */
    boolean present();

    /** The checkout, when configured. */
    Optional<Path> repo();

    /** The {@code tcli-team.toml} file, when configured. */
    Optional<Path> file();

    /** The whole document (an empty object when absent). */
    JsonNode node();

    /** {@code node().at(pointer)}, e.g. {@code /environments/live}. */
    default JsonNode at(String pointer) {
        return node().at(pointer);
    }

    /**
     * Where the repo setting came from, e.g. {@code TCLI_TEAM_DIR}, {@code [team] repo in ~/.config/tcli/config.toml},
     * {@code the sandbox's practice team}; empty when none is configured.
     */
    default String source() {
        return "";
    }

    /**
     * Why there is no team file, for a one-line message: "no team repo configured: ...", or, when one is
     * configured, that it is missing or holds no {@code tcli-team.toml}, naming the directory and its source.
     */
    default String whyAbsent() {
        return "no team repo configured: set [team] repo in your config file, or TCLI_TEAM_DIR";
    }

    /** Where a dotted key was defined (file:line), for error messages. */
    String where(String dottedKey);

    /** No team file: what a module sees before a team repo is configured, or when it failed to load. */
    static TeamConfig absent() {
        return new TeamConfig() {
            @Override
            public boolean present() {
                return false;
            }

            @Override
            public Optional<Path> repo() {
                return Optional.empty();
            }

            @Override
            public Optional<Path> file() {
                return Optional.empty();
            }

            @Override
            public JsonNode node() {
                return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            }

            @Override
            public String where(String dottedKey) {
                return "tcli-team.toml";
            }
        };
    }
}
