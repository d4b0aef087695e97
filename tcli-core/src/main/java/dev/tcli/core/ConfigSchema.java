package dev.tcli.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keys of the personal {@code config.toml} that tcli reads (docs/configuration.md). A key
 * or section nobody reads is a typo until proven otherwise: {@code base_urll} would send the
 * token to the default public API and the error would talk about DNS. {@link #problems} names
 * each with its line and a did-you-mean; the kernel prints them as warnings on every command
 * that reads the config (not with {@code -q}), {@code tcli config show --check} fails on them.
 */
public final class ConfigSchema {
    static final Set<String> TOP = Set.of("default_profile", "team", "profiles");
    static final Set<String> TEAM = Set.of("repo");
    static final Set<String> PROFILE = Set.of("timezone", "extends");
    static final Map<String, Set<String>> SECTIONS = Map.ofEntries(
            Map.entry("oncall", Set.of("provider")),
            Map.entry("pagerduty", Set.of("base_url", "events_url", "token", "token_cmd", "email")),
            Map.entry("victorops", Set.of("base_url", "api_id", "api_key", "api_key_cmd", "username", "org", "team")),
            Map.entry("statuspage", Set.of("base_url", "page_id", "token", "token_cmd", "per_page")),
            Map.entry("sumologic", Set.of("base_url", "access_id", "access_key", "access_key_cmd", "page_size", "poll_interval")),
            Map.entry("ssh", Set.of("environment", "user", "identity_file", "connect_timeout")),
            Map.entry("http", Set.of("timeout", "connect_timeout", "max_retries", "retry_backoff", "max_retry_time", "max_body", "ca_file")),
            Map.entry("hab", Set.of("command_timeout", "gateway", "gateway_timeout", "parallel", "poll_interval", "restart_timeout")),
            Map.entry("web", Set.of("opener")));

    private ConfigSchema() {
    }

    /**
     * {@code FILE:LINE: key: unknown ... (did you mean X?)} for every key and section no module
     * reads. A section no built-in module reads and no known section resembles is left alone: a
     * plugin of that name may read it.
     */
    public static List<String> problems(TomlFile file, Set<String> moduleNames) {
        List<String> out = new ArrayList<>();
        JsonNode root = file.root();
        root.fieldNames().forEachRemaining(k -> {
            if (!TOP.contains(k)) {
                out.add(file.where(k) + ": unknown key '" + k + "'" + suggest(k, TOP));
            }
        });
        JsonNode team = root.path("team");
        if (team.isObject()) {
            team.fieldNames().forEachRemaining(k -> {
                if (!TEAM.contains(k)) {
                    out.add(file.where("team." + k) + ": unknown key '" + k + "' in [team]" + suggest(k, TEAM));
                }
            });
        }
        JsonNode profiles = root.path("profiles");
        profiles.properties().forEach(p -> {
            String prefix = "profiles." + p.getKey();
            if (!p.getValue().isObject()) {
                return;
            }
            p.getValue().properties().forEach(e -> {
                String k = e.getKey();
                if (e.getValue().isObject()) {
                    Set<String> keys = SECTIONS.get(k);
                    if (keys == null) {
                        String near = suggest(k, SECTIONS.keySet());
                        if (!near.isEmpty() && !moduleNames.contains(k)) {
                            out.add(file.where(prefix + "." + k) + ": unknown section [" + prefix + "." + k + "]" + near);
                        }
                        return;
                    }
                    e.getValue().fieldNames().forEachRemaining(key -> {
                        if (!keys.contains(key)) {
                            out.add(file.where(prefix + "." + k + "." + key) + ": unknown key '" + key + "' in [" + prefix + "." + k + "]"
                                    + suggest(key, keys));
                        }
                    });
                } else if (!PROFILE.contains(k)) {
                    out.add(file.where(prefix + "." + k) + ": unknown key '" + k + "' in [" + prefix + "]"
                            + suggest(k, union(PROFILE, SECTIONS.keySet())));
                }
            });
        });
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> u = new java.util.TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    /** " (did you mean X?)" for the closest known name within two edits, else "". */
    static String suggest(String typo, Set<String> known) {
        String best = null;
        int bestD = 3;
        for (String k : known) {
            int d = distance(typo.toLowerCase(Locale.ROOT), k);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
