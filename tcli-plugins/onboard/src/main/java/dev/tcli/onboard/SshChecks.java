package dev.tcli.onboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TeamConfig;
import dev.tcli.ssh.Environment;
import dev.tcli.ssh.JumpHost;
import dev.tcli.ssh.Node;
import dev.tcli.ssh.SshClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * Can I reach production: my identity file, the jump host on the network (the VPN check), its
 * host key in known_hosts, and a batch-mode login (no prompts) through the ssh module's client.
 * The environment is read from the team file the way the ssh module reads it, without running
 * its inventory command (node lists are not needed to log in to the jump host).
 */
public final class SshChecks {
    public static final List<String> NAMES = List.of("identity-file", "jump-host", "known-hosts", "ssh-login");

    private final ModuleContext ctx;
    private final TeamConfig team;

    public SshChecks(ModuleContext ctx, TeamConfig team) {
        this.ctx = ctx;
        this.team = team;
    }

    /** The checks for environment {@code requested} (else the profile's, else the only one). */
    public List<Check> all(String requested) {
        JsonNode envs = team.at("/environments");
        List<String> names = new ArrayList<>();
        envs.fieldNames().forEachRemaining(names::add);
        String name = requested != null ? requested : ctx.settings("ssh").string("environment").orElse(names.size() == 1 ? names.get(0) : null);
        if (names.isEmpty()) {
            return skipAll(team.present() ? "no [environments.NAME] in the team file" : "no team file, so no environments to reach");
        }
        if (name == null) {
            return skipAll("several environments (" + String.join(", ", names) + "): pass --env NAME or set environment in [profiles."
                    + ctx.profile() + ".ssh]");
        }
        JsonNode e = envs.get(name);
        if (e == null || !e.isObject()) {
            throw dev.tcli.spi.TcliException.usage("no environment " + name + " in the team file (known: " + String.join(", ", names) + ")");
        }
        String identity = ctx.settings("ssh").string("identity_file").orElse(text(e, "identity_file"));
        Path key = identity == null ? null : ctx.paths().expand(identity);
        // the ssh module's reading, with its checks of host and user (a team file must not reach ssh unchecked)
        JumpHost jump = dev.tcli.ssh.Inventory.jumpHost(ctx, name, e);
        List<Check> out = new ArrayList<>();
        out.add(identityFile(key));
        if (jump == null) {
            String why = "environment " + name + " has no jump_host";
            for (String n : NAMES.subList(1, NAMES.size())) {
                out.add(Check.skipped(n, why));
            }
            return out;
        }
        if (ctx.sandbox() && !dev.tcli.ssh.SandboxHosts.practice(jump.host())) {
            // a team repo the user configured, with a real jump host: the sandbox connects to no real machine
            for (String n : NAMES.subList(1, NAMES.size())) {
                out.add(Check.skipped(n, "the sandbox connects to no real machine (jump host " + jump.host() + ")"));
            }
            return out;
        }
        out.add(reachable(jump));
        out.add(knownHost(jump));
        out.add(login(name, jump, key));
        return out;
    }

    private static List<Check> skipAll(String why) {
        return NAMES.stream().map(n -> Check.skipped(n, why)).toList();
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    Check identityFile(Path key) {
        if (key == null) {
            return Check.skipped("identity-file", "no identity_file in the environment or [ssh]: SSH uses your ssh-agent or ~/.ssh keys");
        }
        return Check.of("identity-file", "get the team's key (see the runbook), save it as " + key + " and run: chmod 600 " + key, t -> {
            if (!Files.isRegularFile(key)) {
                return Outcome.fail(key + " does not exist");
            }
            var perms = Files.getPosixFilePermissions(key);
            if (LocalChecks.openToOthers(perms) || perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                return Outcome.fail(key + " has mode " + PosixFilePermissions.toString(perms) + " (ssh refuses keys others can read)",
                        "chmod 600 " + key);
            }
            KeyPair kp;
            try {
                kp = KeyPair.load(new JSch(), key.toString());
            } catch (JSchException e) {
                return Outcome.fail(key + " does not load as a private key: " + e.getMessage(),
                        "use an OpenSSH or PEM ed25519, ecdsa or rsa private key (not the .pub file)");
            }
            String type = kp.getKeyTypeString();
            boolean encrypted = kp.isEncrypted();
            kp.dispose();
            return Outcome.pass(key + ": mode " + PosixFilePermissions.toString(perms) + ", " + type + " key loads"
                    + (encrypted ? " (passphrase-protected: keep it in ssh-agent)" : ""));
        });
    }

    /** DNS, then a TCP connection to the SSH port, then the server's banner: the VPN check. */
    Check reachable(JumpHost jump) {
        return Check.of("jump-host", "connect to the VPN (the jump host is only reachable from it), then try again", t -> {
            InetAddress addr;
            try {
                addr = InetAddress.getByName(jump.host());
            } catch (UnknownHostException e) {
                return Outcome.fail("cannot resolve " + jump.host());
            }
            int ms = (int) Math.max(1, Math.min(Integer.MAX_VALUE, t.toMillis()));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(addr, jump.port()), ms);
                s.setSoTimeout(ms);
                String banner = banner(s.getInputStream());
                if (!banner.startsWith("SSH-")) {
                    return Outcome.fail(jump.host() + ":" + jump.port() + " answers, but not as an SSH server (" + banner + ")");
                }
                return Outcome.pass(jump.host() + " (" + addr.getHostAddress() + ") port " + jump.port() + " answers: " + banner);
            } catch (IOException e) {
                return Outcome.fail(jump.host() + " (" + addr.getHostAddress() + ") port " + jump.port() + " does not answer: " + e.getMessage());
            }
        });
    }

    private static String banner(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && b.length() < 255) {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return new String(b.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** known_hosts of $HOME has a key for the jump host under the name ssh looks it up by. */
    Check knownHost(JumpHost jump) {
        Path file = ctx.paths().home().resolve(".ssh").resolve("known_hosts");
        String entry = jump.port() == 22 ? jump.host() : "[" + jump.host() + "]:" + jump.port();
        return Check.of("known-hosts", "compare the jump host's fingerprint with the one your team publishes, then connect once "
                + "with 'ssh -p " + jump.port() + " " + jump.user() + "@" + jump.host() + "' and accept it", t -> {
                    if (!Files.isRegularFile(file)) {
                        return Outcome.fail(file + " does not exist");
                    }
                    JSch jsch = new JSch();
                    jsch.setKnownHosts(file.toString());
                    HostKey[] keys = jsch.getHostKeyRepository().getHostKey(entry, null);
                    if (keys == null || keys.length == 0) {
                        return Outcome.fail("no key for " + entry + " in " + file);
                    }
                    List<String> types = new ArrayList<>();
                    for (HostKey k : keys) {
                        types.add(k.getType());
                    }
                    return Outcome.pass(entry + ": " + String.join(", ", types) + " in " + file);
                });
    }

    /**
     * Logs in to the jump host with the ssh module's client: publickey only, strict host keys,
     * no prompt. A passphrase-protected key is used through the ssh-agent, never asked for.
     */
    Check login(String envName, JumpHost jump, Path key) {
        return Check.of("ssh-login", "ask the team to authorize your public key for " + jump.user() + " on " + jump.host()
                + " (and check identity_file and known_hosts above)", t -> {
                    Path use = key;
                    if (key != null && Files.isRegularFile(key) && encrypted(key)) {
                        String agent = ctx.env().get("SSH_AUTH_SOCK");
                        if (agent == null || agent.isBlank()) {
                            return Outcome.fail(key + " is passphrase-protected and no ssh-agent is running: batch mode cannot ask",
                                    "start ssh-agent and run: ssh-add " + key);
                        }
                        use = null;
                    }
                    Environment direct = new Environment(envName, null, use == null ? null : use.toString(), List.of(), List.of());
                    Node node = new Node("jump-host", jump.host(), jump.port(), jump.user(), List.of(), Node.DEFAULT_GATEWAY_PORT);
                    try (SshClient client = SshClient.open(ctx, direct, SshClient.HostKeyPolicy.STRICT)) {
                        client.session(node);
                        return Outcome.pass("logged in as " + jump + " (batch mode, " + (use != null ? use.getFileName() : "ssh-agent/default keys") + ")");
                    }
                });
    }

    private static boolean encrypted(Path key) {
        try {
            KeyPair kp = KeyPair.load(new JSch(), key.toString());
            boolean e = kp.isEncrypted();
            kp.dispose();
            return e;
        } catch (JSchException e) {
            return false;
        }
    }
}
