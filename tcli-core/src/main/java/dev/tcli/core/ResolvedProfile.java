package dev.tcli.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.spi.ProfileProvider;
import dev.tcli.spi.Settings;
import dev.tcli.spi.TcliException;
import java.util.Map;

/**
 * The active profile once resolved: its name, its effective table (a built-in profile's settings
 * with the config file's on top), the file it came from (null for a purely built-in profile) and
 * the built-in profile it opened (null for a plain config profile).
 */
record ResolvedProfile(String name, ObjectNode table, TomlFile source, ProfileProvider.OpenProfile open) {

    /** The {@code [profiles.NAME.SECTION]} table; a section that is not a table is a config error. */
    Settings settings(String section) {
        JsonNode node = table.get(section);
        String prefix = "profiles." + name + "." + section;
        if (node != null && !node.isObject()) {
            throw TcliException.config((source != null ? source.where(prefix) : "profile " + name)
                    + ": " + prefix + " must be a table ([" + prefix + "])");
        }
        return new TomlSettings(section, node, prefix, source,
                source != null ? source.display() : "the built-in '" + name + "' profile");
    }

    /** The profile's {@code timezone} setting, or null. */
    String timezone() {
        JsonNode z = table.get("timezone");
        return z == null ? null : z.asText();
    }

    /**
     * A config profile with {@code extends = "sandbox"}: the built-in settings, then the file's on
     * top, table by table (a table of the file replaces keys, not the whole built-in table).
     */
    static ObjectNode overlay(ObjectNode base, ObjectNode top) {
        ObjectNode out = base.deepCopy();
        for (Map.Entry<String, JsonNode> f : top.properties()) {
            JsonNode existing = out.get(f.getKey());
            if (existing instanceof ObjectNode eo && f.getValue() instanceof ObjectNode to) {
                eo.setAll(to);
            } else {
                out.set(f.getKey(), f.getValue());
            }
        }
        return out;
    }
}
