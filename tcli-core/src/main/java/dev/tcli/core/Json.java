package dev.tcli.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The process's Jackson mappers, created on first use (never by {@code --help}). */
public final class Json {
    private Json() {
    }

    /** For API bodies: field names exactly as written. */
    public static ObjectMapper mapper() {
        return Holder.API;
    }

    /** For tcli's own JSON output: snake_case field names, ISO-8601 times. */
    public static ObjectMapper output() {
        return Holder.OUTPUT;
    }

    private static final class Holder {
        static final ObjectMapper API = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
        static final ObjectMapper OUTPUT = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .build();
    }
}
