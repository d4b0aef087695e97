package dev.tcli.ssh;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.Mappers;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.SshNames;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The environments and nodes of the team file (docs/design.md §5): {@code [environments.E]}
 * with its static {@code [[environments.E.nodes]]} and, when set, the nodes printed by
 * {@code inventory_cmd} (run in the team repo with a timeout, cached for a few minutes).
 */
public final class Inventory {
    static final Duration INVENTORY_TIMEOUT = Duration.ofSeconds(20);
    static final Duration INVENTORY_CACHE = Duration.ofMinutes(5);

    private final ModuleContext ctx;
    private final Map<String, Environment> loaded = new LinkedHashMap<>();

    private Inventory(ModuleContext ctx) {
        this.ctx = ctx;
    }

    public static Inventory of(ModuleContext ctx) {
        return new Inventory(ctx);
    }

    /** A node and the environment it belongs to. */
    public record Target(Environment environment, Node node) {
    }

    /** Names of the environments in the team file. */
    public List<String> environmentNames() {
        List<String> names = new ArrayList<>();
        environments().fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * The environment named by {@code --env}, else the profile's {@code [ssh] environment},
     * else the only one there is.
     */
    public Environment environment(String requested) {
        String name = requested != null ? requested : defaultEnvironment()
                .orElseThrow(() -> TcliException.usage("several environments (" + String.join(", ", environmentNames())
                        + "): pass --env NAME or set environment in [profiles." + ctx.profile() + ".ssh]"));
        return load(name);
    }

    /**
     * Finds a node by name: in {@code --env} when given; otherwise in the default environment,
     * then in any environment (node names are unique in practice; an ambiguous name needs --env).
     */
    public Target find(String nodeName, String requestedEnv) {
        if (requestedEnv != null) {
            Environment env = environment(requestedEnv);
            return new Target(env, env.node(nodeName).orElseThrow(() -> unknownNode(nodeName, env.name())));
        }
        Optional<String> def = defaultEnvironment();
        if (def.isPresent()) {
            Environment env = load(def.get());
            Optional<Node> n = env.node(nodeName);
            if (n.isPresent()) {
                return new Target(env, n.get());
            }
        }
        List<Target> found = new ArrayList<>();
        for (String name : environmentNames()) {
            if (def.isPresent() && def.get().equals(name)) {
                continue;
            }
            Environment env = load(name);
            env.node(nodeName).ifPresent(n -> found.add(new Target(env, n)));
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.size() > 1) {
            throw TcliException.usage("node " + nodeName + " is in several environments ("
                    + String.join(", ", found.stream().map(t -> t.environment().name()).toList()) + "): pass --env");
        }
        throw unknownNode(nodeName, def.orElse(String.join(", ", environmentNames())));
    }

    private TcliException unknownNode(String nodeName, String envName) {
        return TcliException.notFound("no node " + nodeName + " in environment " + envName
                + " ('tcli ssh hosts" + (envName.contains(",") ? "" : " --env " + envName) + "' lists them)");
    }

    private Optional<String> defaultEnvironment() {
        Optional<String> configured = ctx.settings("ssh").string("environment");
        if (configured.isPresent()) {
            return configured;
        }
        List<String> names = environmentNames();
        return names.size() == 1 ? Optional.of(names.get(0)) : Optional.empty();
    }

    private JsonNode environments() {
        if (!ctx.team().present() && ctx.team().repo().isPresent()) {
            throw TcliException.config(ctx.team().whyAbsent());
        }
        if (!ctx.team().present()) {
            throw TcliException.config("no team file: set [team] repo in " + ctx.paths().configFile()
                    + " (or TCLI_TEAM_DIR) to the control repo holding tcli-team.toml");
        }
        JsonNode envs = ctx.team().at("/environments");
        if (!envs.isObject() || envs.isEmpty()) {
            throw TcliException.config("no [environments.NAME] in " + ctx.team().where("environments")
                    + ": add one with jump_host and nodes (see docs/ssh.md)");
        }
        return envs;
    }

    private synchronized Environment load(String name) {
        Environment cached = loaded.get(name);
        if (cached != null) {
            return cached;
        }
        JsonNode e = environments().get(name);
        if (e == null || !e.isObject()) {
            throw TcliException.notFound("no environment " + name + " in the team file (known: "
                    + String.join(", ", environmentNames()) + ")");
        }
        String key = "environments." + name;
        var ssh = ctx.settings("ssh");
        JumpHost jump = jumpHost(ctx, name, e);
        String identity = ssh.string("identity_file").orElse(text(e, "identity_file", null));
        if (identity != null) {
            identity = ctx.paths().expand(identity).toString();
        }
        String sudo = text(e, "sudo", "");
        List<String> sudoWords = sudo.isBlank() ? List.of() : List.of(sudo.trim().split("\\s+"));
        if (e.hasNonNull("user")) {
            checked(ctx, SshNames.userProblem(text(e, "user", null)), "user", key + ".user", null);
        }
        String defaultUser = text(e, "user", ctx.env().getOrDefault("USER", "root"));
        List<Node> nodes = new ArrayList<>();
        JsonNode staticNodes = e.path("nodes");
        for (int i = 0; i < staticNodes.size(); i++) {
            nodes.add(node(staticNodes.get(i), defaultUser, key + ".nodes[" + i + "]", null));
        }
        if (e.hasNonNull("inventory_cmd")) {
            Duration timeout = INVENTORY_TIMEOUT;
            if (e.hasNonNull("inventory_timeout")) {
                try {
                    timeout = Times.parseDuration(text(e, "inventory_timeout", null));
                } catch (TcliException bad) {
                    throw TcliException.config("bad inventory_timeout '" + text(e, "inventory_timeout", null) + "' at "
                            + ctx.team().where(key + ".inventory_timeout") + ": a duration such as 20s or 1m");
                }
            }
            for (JsonNode n : inventoryCommand(name, text(e, "inventory_cmd", null), timeout)) {
                Node node = node(n, defaultUser, key + ".inventory_cmd", "the inventory_cmd of environment " + name);
                if (nodes.stream().noneMatch(x -> x.name().equals(node.name()))) {
                    nodes.add(node);
                }
            }
        }
        Environment env = new Environment(name, jump, identity, sudoWords, nodes);
        loaded.put(name, env);
        return env;
    }

    /**
     * The environment's jump host, or null without {@code jump_host}; its host and user checked
     * against {@link SshNames} like every node's (onboard reads it here too).
     */
    public static JumpHost jumpHost(ModuleContext ctx, String envName, JsonNode e) {
        String key = "environments." + envName;
        checked(ctx, SshNames.nameProblem(envName), "environment name", key, null);
        if (!e.hasNonNull("jump_host")) {
            return null;
        }
        var profileUser = ctx.settings("ssh").string("user");
        String user = profileUser.orElse(text(e, "jump_user", ctx.env().getOrDefault("USER", "root")));
        String host = text(e, "jump_host", null);
        checked(ctx, SshNames.hostProblem(host), "jump_host", key + ".jump_host", null);
        if (profileUser.isPresent()) {
            userFromProfile(ctx, user);
        } else {
            checked(ctx, SshNames.userProblem(user), "jump_user", key + (e.hasNonNull("jump_user") ? ".jump_user" : ""),
                    e.hasNonNull("jump_user") ? null : "$USER");
        }
        return new JumpHost(host, port(ctx, e, "jump_port", key), user);
    }

    private static void userFromProfile(ModuleContext ctx, String user) {
        SshNames.userProblem(user).ifPresent(p -> {
            throw TcliException.config("bad user in [profiles." + ctx.profile() + ".ssh] of " + ctx.paths().configFile() + ": "
                    + p + "; fix it there");
        });
    }

    /**
     * Refuses a team-file value that ssh would misread (exit 3), naming the entry and where it
     * came from: FILE:LINE for the team file, the command for inventory_cmd output.
     */
    private static void checked(ModuleContext ctx, java.util.Optional<String> problem, String what, String key, String source) {
        problem.ifPresent(p -> {
            String from = source != null ? source : ctx.team().where(key) + " (" + key + ")";
            throw TcliException.config(from + ": refusing " + what + ": " + p
                    + "; fix the team file ('tcli team validate' lists every such entry)");
        });
    }

    private Node node(JsonNode n, String defaultUser, String where, String source) {
        String nodeName = text(n, "name", null);
        String host = text(n, "host", nodeName);
        if (nodeName == null || host == null) {
            throw TcliException.config("a node without name in " + (source != null ? source : ctx.team().where(where))
                    + ": every node needs name and host");
        }
        checked(ctx, SshNames.nameProblem(nodeName), "node name", where + ".name", source);
        checked(ctx, SshNames.hostProblem(host), "host of node " + nodeName, where + (n.hasNonNull("host") ? ".host" : ".name"), source);
        if (n.hasNonNull("user")) {
            checked(ctx, SshNames.userProblem(text(n, "user", null)), "user of node " + nodeName, where + ".user", source);
        } else {
            checked(ctx, SshNames.userProblem(defaultUser), "user of node " + nodeName, where, source == null ? "$USER or the environment's user" : source);
        }
        List<String> roles = new ArrayList<>();
        n.path("roles").forEach(r -> roles.add(r.asText()));
        int port = n.path("port").asInt(22);
        int gateway = n.path("gateway_port").asInt(Node.DEFAULT_GATEWAY_PORT);
        return new Node(nodeName, host, port, text(n, "user", defaultUser), roles, gateway);
    }

    private static int port(ModuleContext ctx, JsonNode e, String field, String key) {
        JsonNode p = e.get(field);
        if (p == null) {
            return 22;
        }
        if (!p.canConvertToInt() || p.asInt() <= 0 || p.asInt() > 65535) {
            throw TcliException.config("bad " + field + " '" + p.asText() + "' at " + ctx.team().where(key + "." + field)
                    + ": a TCP port number");
        }
        return p.asInt();
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    /** Runs inventory_cmd in the team repo, or reuses its answer of the last few minutes. */
    private JsonNode inventoryCommand(String envName, String command, Duration timeout) {
        // keyed by the command too: an edited inventory_cmd must not be answered from the old one's cache
        String key = envName.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + Integer.toHexString(command.hashCode());
        Path cache = ctx.paths().cacheDir().resolve("ssh").resolve("inventory-" + key + ".json");
        try {
            if (Files.isRegularFile(cache)
                    && Files.getLastModifiedTime(cache).toInstant().isAfter(Instant.now(ctx.clock()).minus(INVENTORY_CACHE))) {
                return parseInventory(Files.readString(cache), command);
            }
        } catch (IOException | TcliException e) {
            // a damaged cache is just a miss
        }
        String output = runInventory(command, timeout);
        JsonNode nodes = parseInventory(output, command);
        try {
            dev.tcli.spi.PrivateFiles.replace(cache, output);
        } catch (IOException e) {
            ctx.out().note("could not cache the inventory: " + e.getMessage());
        }
        return nodes;
    }

    private static JsonNode parseInventory(String output, String command) {
        try {
            JsonNode n = Mappers.json().readTree(output);
            if (n != null && n.isObject() && n.has("nodes")) {
                n = n.get("nodes");
            }
            if (n == null || !n.isArray()) {
                throw TcliException.config("inventory_cmd '" + command + "' did not print a JSON array of nodes");
            }
            return n;
        } catch (IOException e) {
            throw TcliException.config("inventory_cmd '" + command + "' printed invalid JSON (" + dev.tcli.spi.http.ApiException.describe(output) + ")");
        }
    }

    @SuppressWarnings("try") // the resource is a Ctrl-C guard: held for the block, never read
    private String runInventory(String command, Duration timeout) {
        Path dir = ctx.team().repo().orElse(ctx.paths().home());
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(ctx.env());
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw TcliException.config("cannot run inventory_cmd '" + command + "': " + e.getMessage());
        }
        // own threads, not the common pool: a hung command's children may hold the pipes open forever
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        Thread o = drain(p.getInputStream(), out);
        Thread e = drain(p.getErrorStream(), err);
        try (AutoCloseable onCtrlC = ctx.onInterrupt(() -> kill(p))) {
            p.getOutputStream().close();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new TcliException(ExitCode.UNAVAILABLE, "inventory_cmd '" + command + "' did not finish within "
                        + seconds(timeout) + " (inventory_timeout of the environment); run it by hand to see why");
            }
            o.join(2000);
            e.join(2000);
            if (p.exitValue() != 0) {
                String why = err.toString().strip();
                throw TcliException.config("inventory_cmd '" + command + "' failed (exit " + p.exitValue() + ")"
                        + (why.isEmpty() ? "" : ": " + why.lines().reduce((a, b) -> b).orElse("")));
            }
            synchronized (out) {
                return out.toString();
            }
        } catch (InterruptedException ex) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new TcliException(ExitCode.INTERRUPTED, "interrupted while running inventory_cmd");
        } catch (TcliException ex) {
            throw ex;
        } catch (Exception ex) {
            kill(p);
            throw TcliException.config("cannot run inventory_cmd '" + command + "': " + ex.getMessage());
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** The command and whatever it started (a script's curl or ssh). */
    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static Thread drain(InputStream in, StringBuilder to) {
        Thread t = new Thread(() -> {
            String s = readAll(in);
            synchronized (to) {
                to.append(s);
            }
        }, "inventory-cmd");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
