package dev.tcli.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The process's Jackson mappers, one of each, shared by the kernel and every module. Each is built
 * on first use in its own holder class, so a command that never touches JSON or TOML (--help,
 * --version, completion) never pays for Jackson's start-up (docs/performance.md).
 *
 * <p>A mapper is thread-safe once configured; never reconfigure a shared one, copy it
 * ({@code json().copy()}) if a caller really needs different settings.
 */
public final class Mappers {
    private Mappers() {
    }

    /** For API bodies, state and cache files: field names exactly as written, ISO-8601 times. */
    public static ObjectMapper json() {
        return Api.MAPPER;
    }

    /** For tcli's own JSON output ({@code -o json}): snake_case field names, ISO-8601 times. */
    public static ObjectMapper output() {
        return Output.MAPPER;
    }

    /** For TOML files (config, team file): read as a tree. */
    public static TomlMapper toml() {
        return Toml.MAPPER;
    }

    private static final class Api {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    private static final class Output {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
    }

    private static final class Toml {
        static final TomlMapper MAPPER = new TomlMapper();
    }
}
