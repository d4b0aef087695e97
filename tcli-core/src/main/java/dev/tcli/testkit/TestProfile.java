package dev.tcli.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test profile that extends the built-in sandbox, as TOML for {@link TcliHarness#config}: the
 * emulators' settings come from the sandbox, the test overrides what it is about (a bad token, a
 * page size, how patient the retries are).
 *
 * <pre>{@code
 * t.config(TestProfile.toml(TestProfile.fast("fast"),
 *         TestProfile.of("badtoken").set("pagerduty", "token", "not-the-token")));
 * }</pre>
 */
public final class TestProfile {
    private final String name;
    private final Map<String, Object> top = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> sections = new LinkedHashMap<>();

    private TestProfile(String name) {
        this.name = name;
        top.put("extends", "sandbox");
    }

    /** The sandbox as it is, under another name. */
    public static TestProfile of(String name) {
        return new TestProfile(name);
    }

    /** Retries that do not slow a test down: 10 ms apart, at most two. */
    public static TestProfile fast(String name) {
        return of(name).retries("10ms", 2);
    }

    public TestProfile retries(String backoff, int max) {
        return set("http", "retry_backoff", backoff).set("http", "max_retries", max);
    }

    /** A key of the profile itself, e.g. {@code timezone}. */
    public TestProfile top(String key, Object value) {
        top.put(key, value);
        return this;
    }

    /** {@code [profiles.NAME.SECTION] KEY = VALUE}; strings are quoted, numbers and booleans not. */
    public TestProfile set(String section, String key, Object value) {
        sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(key, value);
        return this;
    }

    public String toml() {
        StringBuilder b = new StringBuilder("[profiles.").append(name).append("]\n");
        top.forEach((k, v) -> b.append(k).append(" = ").append(value(v)).append('\n'));
        sections.forEach((section, keys) -> {
            b.append("[profiles.").append(name).append('.').append(section).append("]\n");
            keys.forEach((k, v) -> b.append(k).append(" = ").append(value(v)).append('\n'));
        });
        return b.toString();
    }

    /** Several profiles as one config file's text. */
    public static String toml(TestProfile... profiles) {
        StringBuilder b = new StringBuilder();
        for (TestProfile p : profiles) {
            b.append(p.toml());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return toml();
    }

    private static String value(Object v) {
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return '"' + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
