package dev.tcli.team;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.SshNames;
import dev.tcli.spi.Times;
import dev.tcli.spi.TomlLines;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The shape of {@code tcli-team.toml} (docs/design.md §5 and each module's docs): which
 * tables exist, the type of every key, the references between them. Wrong types, missing
 * required keys and dangling references are errors; keys nobody reads are warnings (a typo, or
 * a key a newer tcli knows).
 */
public final class TeamSchema {
    /** Top-level tables and the module that reads each. */
    public static final Map<String, String> TABLES = tables();

    private static final Set<String> ENVIRONMENT_KEYS = Set.of("jump_host", "jump_port", "jump_user", "identity_file", "sudo",
            "inventory_cmd", "inventory_timeout", "user", "nodes");
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
        t.put("tcli", "tcli itself: min_version, release_url");
        return t;
    }

    private void root(JsonNode root) {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.properties().iterator(); it.hasNext();) {
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
            root.get("environments").properties().forEach(e -> environment(e.getKey(), e.getValue()));
        }
        if (table(root, "services")) {
            services(root.get("services"));
        }
        if (table(root, "logs")) {
            logs(root.get("logs"));
        }
        if (table(root, "web")) {
            root.get("web").properties().forEach(e -> bookmark("web." + e.getKey(), e.getValue()));
        }
        if (table(root, "onboard")) {
            onboard(root.get("onboard"));
        }
        if (table(root, "tcli")) {
            tcli(root.get("tcli"));
        }
    }

    /** {@code [tcli]}: the version the team runs (docs/install.md, "Updating"). */
    private void tcli(JsonNode t) {
        unknownKeys("tcli", t, Set.of("min_version", "release_url"));
        if (string("tcli", t, "min_version") && t.has("min_version") && !t.get("min_version").asText().matches("\\d+(\\.\\d+){0,3}")) {
            error("tcli.min_version", "must be a version such as \"0.2.0\", not \"" + t.get("min_version").asText() + "\"");
        }
        string("tcli", t, "release_url");
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
        SshNames.nameProblem(name).ifPresent(p -> error(key, "environment name " + p));
        for (String s : List.of("jump_host", "jump_user", "identity_file", "sudo", "inventory_cmd", "user")) {
            string(key, env, s);
        }
        sshValue(key, env, "jump_host", SshNames::hostProblem);
        sshValue(key, env, "jump_user", SshNames::userProblem);
        sshValue(key, env, "user", SshNames::userProblem);
        port(key, env, "jump_port");
        // read by the ssh module as a duration string (docs/ssh.md): a bare number has no unit
        JsonNode inventoryTimeout = env.get("inventory_timeout");
        if (inventoryTimeout != null && !inventoryTimeout.isTextual()) {
            error(key + ".inventory_timeout", "must be a duration string such as \"20s\", not " + type(inventoryTimeout)
                    + (inventoryTimeout.isNumber() ? " (here inventory_timeout = \"" + inventoryTimeout.asText() + "s\")" : ""));
        } else if (inventoryTimeout != null) {
            positiveDuration(key + ".inventory_timeout", inventoryTimeout.asText(), "\"20s\" or \"1m\"");
        }
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
            if (string(nk, n, "name")) {
                sshValue(nk, n, "name", SshNames::nameProblem);
            }
            if (string(nk, n, "host")) {
                sshValue(nk, n, "host", SshNames::hostProblem);
            }
            if (string(nk, n, "user")) {
                sshValue(nk, n, "user", SshNames::userProblem);
            }
            port(nk, n, "port");
            port(nk, n, "gateway_port");
            strings(nk, n, "roles");
            if (n.path("name").isTextual() && !names.add(n.get("name").asText())) {
                error(nk + ".name", "duplicate node name " + n.get("name").asText() + " in environment " + name);
            }
        }
    }

    private void services(JsonNode services) {
        services.properties().forEach(e -> {
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
        saved.properties().forEach(e -> {
            String key = "logs.saved." + e.getKey();
            JsonNode s = e.getValue();
            if (!s.isObject()) {
                error(key, "must be a table with query and since");
                return;
            }
            unknownKeys(key, s, Set.of("query", "since", "description"));
            if (!s.hasNonNull("query")) {
                error(key, "missing query");
            } else if (string(key, s, "query") && s.get("query").asText().isBlank()) {
                // tcli logs refuses a blank query as a missing one
                error(key + ".query", "is empty: write the search, e.g. query = \"_sourceCategory=live/api error\"");
            }
            string(key, s, "description");
            if (string(key, s, "since") && s.has("since")) {
                try {
                    // tcli logs gives since to the one time syntax of --since, not only to durations
                    Times.parse(s.get("since").asText(), ZoneOffset.UTC, Clock.systemUTC());
                } catch (RuntimeException ex) {
                    error(key + ".since", "not a duration or time such as \"15m\", \"2h\" or \"today\": " + s.get("since").asText());
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
            if (c.hasNonNull("run")) {
                run(key + ".run", c.get("run"), c.path("shell").asBoolean(false));
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

    /**
     * A check's command as onboard runs it: a string (split into words, or given to /bin/sh -c
     * with shell = true) or a non-empty array of strings (argv).
     */
    private void run(String key, JsonNode run, boolean shell) {
        if (run.isTextual()) {
            if (run.asText().isBlank()) {
                error(key, "is empty: write the command, e.g. run = \"vault token lookup\"");
            } else if (!shell && unbalancedQuote(run.asText()) != 0) {
                error(key, "unbalanced " + unbalancedQuote(run.asText()) + " (run is split into words like a shell would): close the quote, "
                        + "or write the words as an array, run = [\"vault\", \"token\", \"lookup\"]");
            }
            return;
        }
        if (!run.isArray()) {
            error(key, "must be a string or an array of strings, not " + type(run) + ": run = \"vault token lookup\" or run = [\"vault\", \"token\", \"lookup\"]"
                    + (run.isNumber() ? " (here run = \"" + run.asText() + "\")" : ""));
            return;
        }
        if (run.isEmpty()) {
            error(key, "is an empty array: give the program and its arguments, e.g. run = [\"vault\", \"token\", \"lookup\"]");
            return;
        }
        List<String> quoted = new ArrayList<>();
        String bad = null;
        for (int i = 0; i < run.size(); i++) {
            JsonNode w = run.get(i);
            if (!w.isTextual() && bad == null) {
                bad = "run[" + i + "] is " + type(w) + ", not a string";
            }
            quoted.add(w.isValueNode() ? "\"" + w.asText() + "\"" : "\"...\"");
        }
        if (bad != null) {
            error(key, bad + ": quote every word, run = [" + String.join(", ", quoted) + "]");
        } else if (run.get(0).asText().isBlank()) {
            error(key, "run[0] is empty: the first word is the program to run");
        }
    }

    /** The quote left open at the end of {@code line} (0 if none), with onboard's rules: '...', "..." with \" and \\, and \x. */
    static char unbalancedQuote(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                quote = c == '\'' ? 0 : quote;
            } else if (c == '\\' && i + 1 < line.length()) {
                i++; // outside quotes any character is escaped; inside "..." only the ones that matter for the count
            } else if (c == quote) {
                quote = 0;
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            }
        }
        return quote;
    }

    /** A check's timeout as onboard reads it: "30s", or seconds (fractions too); never zero or less. */
    private void timeout(String key, JsonNode t) {
        if (t.isNumber()) {
            if (Math.round(t.asDouble() * 1000) <= 0) {
                error(key, "must be more than 0 seconds: " + t.asText() + " (e.g. timeout = \"30s\" or timeout = 30)");
            }
            return;
        }
        if (!t.isTextual()) {
            error(key, "not a duration such as \"30s\" or a number of seconds: " + type(t));
            return;
        }
        positiveDuration(key, t.asText(), "\"30s\" or a number of seconds");
    }

    private void positiveDuration(String key, String text, String example) {
        Duration d;
        try {
            d = Times.parseDuration(text);
        } catch (RuntimeException e) {
            error(key, "not a duration such as " + example + ": " + text);
            return;
        }
        if (d.isZero() || d.isNegative()) {
            error(key, "must be more than 0: " + text + " (a duration such as " + example + ")");
        }
    }

    /** A value the ssh module hands to ssh: the rules of {@link SshNames}, the same the module enforces. */
    private void sshValue(String parent, JsonNode n, String field, Function<String, Optional<String>> rule) {
        JsonNode v = n.get(field);
        if (v != null && v.isTextual() && !(field.equals("jump_host") && v.asText().isBlank())) {
            rule.apply(v.asText()).ifPresent(p -> error(parent + "." + field, p));
        }
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
