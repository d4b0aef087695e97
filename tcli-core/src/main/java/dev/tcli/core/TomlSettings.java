package dev.tcli.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tcli.spi.Settings;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@code [profiles.P.SECTION]} table, from a config file or a built-in profile. */
final class TomlSettings implements Settings {
    private final String section;
    private final JsonNode node;
    private final String prefix;
    private final TomlFile source;
    private final String sourceName;

    TomlSettings(String section, JsonNode node, String prefix, TomlFile source, String sourceName) {
        this.section = section;
        this.node = node == null || node.isMissingNode() || node.isNull() ? JsonNodeFactory.instance.objectNode() : node;
        this.prefix = prefix;
        this.source = source;
        this.sourceName = sourceName;
    }

    /** The table these settings come from, e.g. {@code profiles.live.http}, for messages that say where to change one. */
    @Override
    public String table() {
        return prefix;
    }

    @Override
    public String section() {
        return section;
    }

    @Override
    public boolean present() {
        return node.isObject() && node.size() > 0;
    }

    @Override
    public Optional<String> string(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isValueNode()) {
            throw wrongType(key, "a string");
        }
        String s = v.asText();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    @Override
    public String require(String key) {
        return string(key).orElseThrow(() -> TcliException.config(
                "missing " + key + " in [" + prefix + "] of " + sourceName + ": run 'tcli config init' or add it"));
    }

    @Override
    public Optional<Integer> integer(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isIntegralNumber()) {
            return Optional.of(v.intValue());
        }
        if (v.isTextual() && v.asText().matches("-?\\d+")) {
            return Optional.of(Integer.parseInt(v.asText()));
        }
        throw wrongType(key, "a whole number");
    }

    @Override
    public Optional<Boolean> bool(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isBoolean()) {
            return Optional.of(v.booleanValue());
        }
        throw wrongType(key, "true or false");
    }

    @Override
    public Optional<Duration> duration(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isNumber()) {
            return Optional.of(Duration.ofMillis((long) (v.doubleValue() * 1000)));
        }
        if (v.isTextual()) {
            try {
                return Optional.of(Times.parseDuration(v.asText()));
            } catch (TcliException e) {
                throw wrongType(key, "a duration such as \"30s\" or \"2m\"");
            }
        }
        throw wrongType(key, "a duration such as \"30s\" or \"2m\"");
    }

    @Override
    public List<String> strings(String key) {
        JsonNode v = node.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        } else if (v.isValueNode()) {
            out.add(v.asText());
        } else {
            throw wrongType(key, "a list of strings");
        }
        return out;
    }

    @Override
    public JsonNode node() {
        return node;
    }

    @Override
    public String where(String key) {
        return source != null ? source.where(prefix + "." + key) : sourceName;
    }

    private TcliException wrongType(String key, String expected) {
        return TcliException.config(where(key) + ": " + prefix + "." + key + " must be " + expected);
    }
}
