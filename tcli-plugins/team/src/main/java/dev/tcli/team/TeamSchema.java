package dev.tcli.team;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.Times;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of {@code tcli-team.toml} (DESIGN.md section 5 and each module's docs): which
 * tables exist, the type of every key, the references between them. Wrong types, missing
 * required keys and dangling references are errors; keys nobody reads are warnings (a typo, or
 * a key a newer tcli knows).
 */
public final class TeamSchema {
    /** Top-level tables and the module that reads each. */
    public static final Map<String, String> TABLES = tables();

    private static final Set<String> ENVIRONMENT_KEYS = Set.of("jump_host", "jump_port", "jump_user", "identity_file", "sudo",
            "inventory_cmd", "user", "nodes");
    private static final Set<String> NODE_KEYS = Set.of("name", "host", "port", "user", "roles", "gateway_port");
    private static final Set<String> CHECK_KEYS = Set.of("name", "run", "hint", "shell", "timeout");

    private final String file;
    private final TomlLines lines;
    private final List<Problem> problems = new ArrayList<>();

    private TeamSchema(String file, TomlLines lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Validates a parsed team file; {@code lines} gives the line of each key. */
    public static List<Problem> check(JsonNode root, String file, TomlLines lines) {
        TeamSchema s = new TeamSchema(file, lines);
        s.root(root);
        // in file order, as an editor or a CI log reads them
        List<Problem> sorted = new ArrayList<>(s.problems);
        sorted.sort(java.util.Comparator.comparingInt(Problem::line));
        return sorted;
    }

    private static Map<String, String> tables() {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("environments", "ssh, hab, onboard");
        t.put("services", "hab");
        t.put("logs", "logs");
        t.put("web", "web");
        t.put("onboard", "onboard");
        t.put("status", "status");
        return t;
    }

    private void root(JsonNode root) {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            var e = it.next();
            String name = e.getKey();
            JsonNode v = e.getValue();
            if (!TABLES.containsKey(name)) {
                error(name, "unknown table (known: " + String.join(", ", TABLES.keySet()) + ")");
            } else if (!v.isObject()) {
                error(name, "must be a table ([" + name + "])");
            }
        }
        if (table(root, "environments")) {
            root.get("environments").fields().forEachRemaining(e -> environment(e.getKey(), e.getValue()));
        }
        if (table(root, "services")) {
            services(root.get("services"));
        }
        if (table(root, "logs")) {
            logs(root.get("logs"));
        }
        if (table(root, "web")) {
            root.get("web").fields().forEachRemaining(e -> bookmark("web." + e.getKey(), e.getValue()));
        }
        if (table(root, "onboard")) {
            onboard(root.get("onboard"));
        }
    }

    private static boolean table(JsonNode root, String name) {
        return root.path(name).isObject();
    }

    private void environment(String name, JsonNode env) {
        String key = "environments." + name;
        if (!env.isObject()) {
            error(key, "must be a table ([environments." + name + "])");
            return;
        }
        unknownKeys(key, env, ENVIRONMENT_KEYS);
        for (String s : List.of("jump_host", "jump_user", "identity_file", "sudo", "inventory_cmd", "user")) {
            string(key, env, s);
        }
        port(key, env, "jump_port");
        if (env.has("jump_host") && env.get("jump_host").isTextual() && env.get("jump_host").asText().isBlank()) {
            error(key + ".jump_host", "is empty");
        }
        JsonNode nodes = env.get("nodes");
        if (nodes == null) {
            if (!env.has("inventory_cmd")) {
                warning(key, "no nodes and no inventory_cmd: tcli ssh hosts will list nothing");
            }
            return;
        }
        if (!nodes.isArray()) {
            error(key + ".nodes", "must be an array of tables ([[environments." + name + ".nodes]])");
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String nk = key + ".nodes[" + i + "]";
            JsonNode n = nodes.get(i);
            if (!n.isObject()) {
                error(nk, "must be a table with name and host");
                continue;
            }
            unknownKeys(nk, n, NODE_KEYS);
            for (String req : List.of("name", "host")) {
                if (!n.hasNonNull(req)) {
                    error(nk, "missing " + req + " (every node needs name and host)");
                }
            }
            string(nk, n, "name");
            string(nk, n, "host");
            string(nk, n, "user");
            port(nk, n, "port");
            port(nk, n, "gateway_port");
            strings(nk, n, "roles");
            if (n.path("name").isTextual() && !names.add(n.get("name").asText())) {
                error(nk + ".name", "duplicate node name " + n.get("name").asText() + " in environment " + name);
            }
        }
    }

    private void services(JsonNode services) {
        services.fields().forEachRemaining(e -> {
            String key = "services." + e.getKey();
            JsonNode svc = e.getValue();
            if (!svc.isObject()) {
                error(key, "must be a table ([services." + e.getKey() + "])");
                return;
            }
            unknownKeys(key, svc, Set.of("requires"));
            if (strings(key, svc, "requires")) {
                for (JsonNode r : svc.get("requires")) {
                    if (r.asText().equals(e.getKey())) {
                        error(key + ".requires", "a service cannot require itself");
                    } else if (!services.has(r.asText())) {
                        error(key + ".requires", "unknown service " + r.asText() + " (add [services." + r.asText() + "])");
                    }
                }
            }
        });
        cycles(services);
    }

    /** A restart order cannot be computed around a cycle of requires. */
    private void cycles(JsonNode services) {
        Map<String, Integer> state = new LinkedHashMap<>();
        services.fieldNames().forEachRemaining(s -> visit(services, s, state, new ArrayList<>()));
    }

    private void visit(JsonNode services, String s, Map<String, Integer> state, List<String> path) {
        Integer st = state.get(s);
        if (st != null && st == 2) {
            return;
        }
        if (st != null && st == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(s), path.size()));
            cycle.add(s);
            if (cycle.size() > 2) {
                error("services." + s + ".requires", "requires form a cycle: " + String.join(" -> ", cycle));
            }
            return;
        }
        state.put(s, 1);
        path.add(s);
        for (JsonNode r : services.path(s).path("requires")) {
            if (r.isTextual() && services.has(r.asText()) && !r.asText().equals(s)) {
                visit(services, r.asText(), state, path);
            }
        }
        path.remove(path.size() - 1);
        state.put(s, 2);
    }

    private void logs(JsonNode logs) {
        unknownKeys("logs", logs, Set.of("saved"));
        JsonNode saved = logs.get("saved");
        if (saved == null) {
            return;
        }
        if (!saved.isObject()) {
            error("logs.saved", "must be a table of searches ([logs.saved.NAME])");
            return;
        }
        saved.fields().forEachRemaining(e -> {
            String key = "logs.saved." + e.getKey();
            JsonNode s = e.getValue();
            if (!s.isObject()) {
                error(key, "must be a table with query and since");
                return;
            }
            unknownKeys(key, s, Set.of("query", "since", "description"));
            if (!s.hasNonNull("query")) {
                error(key, "missing query");
            }
            string(key, s, "query");
            string(key, s, "description");
            if (string(key, s, "since") && s.has("since")) {
                try {
                    Times.parseDuration(s.get("since").asText());
                } catch (RuntimeException ex) {
                    error(key + ".since", "not a duration such as \"15m\" or \"2h\": " + s.get("since").asText());
                }
            }
        });
    }

    private void bookmark(String key, JsonNode v) {
        if (v.isTextual()) {
            url(key, v.asText());
        } else if (v.isObject()) {
            unknownKeys(key, v, Set.of("url", "description"));
            if (!v.hasNonNull("url")) {
                error(key, "missing url");
            } else if (string(key, v, "url")) {
                url(key + ".url", v.get("url").asText());
            }
            string(key, v, "description");
        } else {
            error(key, "must be a URL string (or a table with url and description)");
        }
    }

    private void url(String key, String text) {
        try {
            URI u = new URI(text);
            if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) {
                error(key, "not an http(s) URL: " + text);
            } else if (u.getHost() == null || u.getHost().isEmpty()) {
                error(key, "URL without a host: " + text);
            }
        } catch (URISyntaxException e) {
            error(key, "not a URL: " + e.getReason());
        }
    }

    private void onboard(JsonNode onboard) {
        unknownKeys("onboard", onboard, Set.of("checks", "tools"));
        strings("onboard", onboard, "tools");
        JsonNode checks = onboard.get("checks");
        if (checks == null) {
            return;
        }
        if (!checks.isArray()) {
            error("onboard.checks", "must be an array of tables ([[onboard.checks]])");
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < checks.size(); i++) {
            String key = "onboard.checks[" + i + "]";
            JsonNode c = checks.get(i);
            if (!c.isObject()) {
                error(key, "must be a table with name, run and hint");
                continue;
            }
            unknownKeys(key, c, CHECK_KEYS);
            for (String req : List.of("name", "run")) {
                if (!c.hasNonNull(req)) {
                    error(key, "missing " + req + " (every check needs name and run)");
                }
            }
            string(key, c, "name");
            string(key, c, "hint");
            if (string(key, c, "run") && c.path("run").isTextual() && c.get("run").asText().isBlank()) {
                error(key + ".run", "is empty");
            }
            if (c.has("shell") && !c.get("shell").isBoolean()) {
                error(key + ".shell", "must be true or false");
            }
            if (c.has("timeout")) {
                timeout(key + ".timeout", c.get("timeout"));
            }
            if (c.path("name").isTextual() && !names.add(c.get("name").asText().toLowerCase())) {
                error(key + ".name", "duplicate check name " + c.get("name").asText());
            }
        }
    }

    private void timeout(String key, JsonNode t) {
        if (t.isIntegralNumber() && t.asLong() > 0) {
            return;
        }
        try {
            if (t.isTextual() && !Times.parseDuration(t.asText()).isNegative()) {
                return;
            }
        } catch (RuntimeException e) {
            // reported below
        }
        error(key, "not a duration such as \"30s\" or a number of seconds: " + t.asText());
    }

    // ---- types -----------------------------------------------------------------------------

    private boolean string(String parent, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v != null && !v.isTextual()) {
            error(parent + "." + field, "must be a string, not " + type(v));
            return false;
        }
        return true;
    }

    private void port(String parent, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null) {
            return;
        }
        if (!v.isIntegralNumber()) {
            error(parent + "." + field, "must be a port number, not " + type(v));
        } else if (v.asLong() < 1 || v.asLong() > 65535) {
            error(parent + "." + field, "port out of range (1-65535): " + v.asLong());
        }
    }

    private boolean strings(String parent, JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null) {
            return false;
        }
        if (!v.isArray()) {
            error(parent + "." + field, "must be an array of strings, not " + type(v));
            return false;
        }
        for (JsonNode x : v) {
            if (!x.isTextual()) {
                error(parent + "." + field, "must be an array of strings, found " + type(x));
                return false;
            }
        }
        return true;
    }

    private void unknownKeys(String parent, JsonNode n, Set<String> known) {
        n.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                warning(parent + "." + f, "unknown key (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }

    private static String type(JsonNode v) {
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isIntegralNumber()) {
            return "an integer";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "a table";
        }
        return v.getNodeType().name().toLowerCase();
    }

    private void error(String key, String problem) {
        problems.add(new Problem(file, lines.line(key), key, problem, "error"));
    }

    private void warning(String key, String problem) {
        problems.add(new Problem(file, lines.line(key), key, problem, "warning"));
    }
}
