package dev.tcli.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One table of the active profile, e.g. {@code [profiles.live.pagerduty]}. Getters that find a
 * value of the wrong type throw exit 3 naming the file, line and key.
 */
public interface Settings {
    /** The section name, e.g. {@code pagerduty}. */
    String section();

    /** True when the profile has this table at all. */
    boolean present();

    Optional<String> string(String key);

    /** A required string: exit 3 naming the key and the file when missing. */
    String require(String key);

    default String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    Optional<Integer> integer(String key);

    Optional<Boolean> bool(String key);

    /** A duration such as {@code "30s"}, {@code "2m"}, or a number of seconds. */
    Optional<Duration> duration(String key);

    List<String> strings(String key);

    /** The raw table (an empty object when absent). */
    JsonNode node();

    /** Where a key was defined, e.g. {@code ~/.config/tcli/config.toml:12}, for error messages. */
    String where(String key);

    /** The table these settings come from, e.g. {@code profiles.live.http}, for messages that say where to change one. */
    default String table() {
        return "profiles.NAME." + section();
    }
}
