package dev.tcli.ssh.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Two real OpenSSH servers on loopback, started as the current user for one test class: a
 * jump host and a node. Tests address the node only through the jump (the jump's
 * {@code LogLevel DEBUG3} log shows each forwarded {@code direct-tcpip} channel). The node's
 * sessions get {@code PATH} with stand-in {@code hab}, {@code systemctl}, {@code journalctl}
 * and {@code sudo} first, and {@code HAB_STANDIN} pointing at their state directory.
 *
 * <pre>{@code
 * @RegisterExtension static SshdFixture sshd = new SshdFixture();
 * ... sshd.nodePort(), sshd.clientKey(), sshd.knownHosts(), sshd.state() ...
 * }</pre>
 *
 * <p>Without {@code sshd} the tests are skipped with the reason, except under {@code CI=true}
 * where they fail: CI must not silently lose them. Both servers are killed after the class,
 * whatever happened.
 */
public final class SshdFixture implements BeforeAllCallback, AfterAllCallback {
    private static final Path[] SSHD = {Path.of("/usr/sbin/sshd"), Path.of("/usr/local/sbin/sshd"), Path.of("/usr/bin/sshd")};
    private static final List<String> STANDINS = List.of("hab", "systemctl", "journalctl", "sudo");

    private Path dir;
    private Server jump;
    private Server node;
    private Path clientKey;
    private Path otherKey;
    private int nodeAltPort;

    /** One running sshd. */
    public record Server(String name, int port, Process process, Path log, Path hostKey) {
        /** The known_hosts line for this server as addressed on loopback. */
        public String knownHostsLine() {
            try {
                String[] pub = Files.readString(Path.of(hostKey + ".pub")).trim().split("\\s+");
                return "[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1];
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String logText() {
            try {
                return Files.readString(log, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /** Starts both servers (skips or, under CI=true, fails when sshd is missing). */
    public void start() throws IOException, InterruptedException {
        Path sshd = Stream.of(SSHD).filter(Files::isExecutable).findFirst().orElse(null);
        if (sshd == null || !onPath("ssh-keygen")) {
            missing("OpenSSH server not installed (need /usr/sbin/sshd and ssh-keygen; apt-get install openssh-server)", System.getenv());
        }
        privilegeSeparationDir();
        dir = Files.createTempDirectory("tcli-sshd-");
        clientKey = keygen("client");
        otherKey = keygen("stranger");
        Files.copy(Path.of(clientKey + ".pub"), dir.resolve("authorized_keys"));
        Path bin = Files.createDirectories(dir.resolve("node-bin"));
        for (String s : STANDINS) {
            try (InputStream in = SshdFixture.class.getResourceAsStream("/standins/" + s)) {
                Files.copy(in, bin.resolve(s));
            }
            Files.setPosixFilePermissions(bin.resolve(s), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path state = Files.createDirectories(dir.resolve("node-state"));
        Files.createDirectories(state.resolve("services"));
        Files.writeString(state.resolve("journal"), "");
        Path nodeHome = Files.createDirectories(dir.resolve("node-home"));
        try {
            // DEBUG1 is enough for the forwarded direct-tcpip channels, and much less to write
            jump = launch(sshd, "jump", "LogLevel DEBUG1\n");
            nodeAltPort = deadPort();
            node = launch(sshd, "node", "LogLevel VERBOSE\nPort " + nodeAltPort + "\n"
                    + "SetEnv PATH=" + bin + ":/usr/local/bin:/usr/bin:/bin HAB_STANDIN=" + state + " HOME=" + nodeHome + "\n");
        } catch (IOException | RuntimeException | InterruptedException | Error e) {
            stop();
            throw e;
        }
    }

    /** Skips the tests, or fails them under {@code CI=true}: CI must not silently lose them. */
    public static void missing(String why, java.util.Map<String, String> env) {
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            throw new AssertionError("CI=true and " + why + ": the SSH tests must run in CI (.ci/run installs it)");
        }
        Assumptions.abort(why);
    }

    /** Kills both servers and removes the temp directory. */
    public void stop() {
        for (Server s : new Server[] {jump, node}) {
            if (s != null) {
                s.process().destroy();
                try {
                    if (!s.process().waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                        s.process().destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    s.process().destroyForcibly();
                    Thread.currentThread().interrupt();
                }
            }
        }
        jump = null;
        node = null;
        if (dir != null && !Boolean.getBoolean("tcli.keepSshd")) {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // temp dir cleanup is best effort
            }
        }
    }

    public Server jump() {
        return jump;
    }

    public Server node() {
        return node;
    }

    public int jumpPort() {
        return jump.port();
    }

    public int nodePort() {
        return node.port();
    }

    /**
     * A second port of the same node sshd: a node entry on it is "another node" to tcli, and the
     * stand-ins can tell it apart ({@code $SSH_CONNECTION}), e.g. {@code write("delay@" + port, "5")}
     * makes only that node slow.
     */
    public int nodeAltPort() {
        return nodeAltPort;
    }

    /** The private key the servers accept (OpenSSH format, ed25519, no passphrase). */
    public Path clientKey() {
        return clientKey;
    }

    /**
     * A further key the servers accept: {@code type} as ssh-keygen spells it (ecdsa, rsa,
     * ed25519), in the PEM format instead of OpenSSH's with {@code pem}, encrypted with
     * {@code passphrase} unless it is empty.
     */
    public Path authorizedKey(String type, boolean pem, String passphrase) {
        try {
            Path key = dir.resolve("client-" + type + (pem ? "-pem" : "") + (passphrase.isEmpty() ? "" : "-locked"));
            if (!Files.exists(key)) {
                List<String> argv = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "tcli-test", "-f", key.toString()));
                if (pem) {
                    argv.addAll(List.of("-m", "PEM"));
                }
                if (type.equals("rsa")) {
                    argv.addAll(List.of("-b", "2048"));
                }
                run(argv.toArray(String[]::new));
                Files.writeString(dir.resolve("authorized_keys"), Files.readString(Path.of(key + ".pub")),
                        java.nio.file.StandardOpenOption.APPEND);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A valid key the servers do not accept. */
    public Path strangerKey() {
        return otherKey;
    }

    /** The stand-ins' state directory ({@code $HAB_STANDIN} on the node). */
    public Path state() {
        return dir.resolve("node-state");
    }

    public Path dir() {
        return dir;
    }

    /** known_hosts content trusting both servers (the node on both its ports). */
    public String knownHosts() {
        return jump.knownHostsLine() + "\n" + node.knownHostsLine() + "\n"
                + node.knownHostsLine().replace("]:" + node.port() + " ", "]:" + nodeAltPort + " ") + "\n";
    }

    /** Adds a service to the node's supervisor stand-in. */
    public void service(String ident, String state) {
        String[] parts = ident.split("/");
        String name = parts[1];
        long now = System.currentTimeMillis() / 1000;
        String pid = state.equals("up") ? String.valueOf(1000 + Math.abs(name.hashCode() % 30000)) : "<none>";
        write("services/" + name, ident + " standalone " + state + " " + state + " " + (now - 100) + " " + pid + " " + name + ".default\n");
    }

    /** Writes a file of the stand-ins' state (e.g. {@code delay}, {@code delay@PORT}, {@code old}, {@code journal}). */
    public void write(String file, String content) {
        try {
            Path p = state().resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the stand-ins were asked to do, one line per call: {@code hab [svc] [stop] [core/redis]}. */
    public List<String> calls() {
        try {
            Path log = state().resolve("calls.log");
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the stand-ins' state (services, calls, flags) between tests. */
    public void reset() {
        try (Stream<Path> all = Files.walk(state())) {
            all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(state())).forEach(p -> p.toFile().delete());
            Files.createDirectories(state().resolve("services"));
            Files.writeString(state().resolve("journal"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on (a dead node). */
    public static int deadPort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path keygen(String name) throws IOException, InterruptedException {
        Path key = dir.resolve(name);
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "tcli-test-" + name, "-f", key.toString());
        return key;
    }

    private Server launch(Path sshd, String name, String extra) throws IOException, InterruptedException {
        Path hostKey = keygen(name + "-hostkey");
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = deadPort();
            Path cfg = dir.resolve(name + "-sshd_config");
            Files.writeString(cfg, "Port " + port + "\n"
                    + "ListenAddress 127.0.0.1\n"
                    + "HostKey " + hostKey + "\n"
                    + "PermitRootLogin prohibit-password\n"
                    + "PubkeyAuthentication yes\n"
                    + "PasswordAuthentication no\n"
                    + "KbdInteractiveAuthentication no\n"
                    + "StrictModes no\n"
                    + "UsePAM no\n"
                    + "PidFile none\n"
                    + "AuthorizedKeysFile " + dir.resolve("authorized_keys") + "\n"
                    + "AllowTcpForwarding yes\n"
                    + "MaxStartups 200\n"
                    + "MaxSessions 200\n"
                    + "UseDNS no\n"
                    + extra);
            Path log = dir.resolve(name + "-sshd.log");
            Process p = new ProcessBuilder(sshd.toString(), "-D", "-e", "-f", cfg.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (awaitListening(p, port)) {
                return new Server(name, port, p, log, hostKey);
            }
            p.destroyForcibly();
            last = new IOException("sshd (" + name + ") did not start on port " + port + ": " + Files.readString(log));
        }
        throw last;
    }

    private static boolean awaitListening(Process p, int port) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                return false;
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                Thread.sleep(20);
            }
        }
        return false;
    }

    private static void privilegeSeparationDir() {
        Path run = Path.of("/run/sshd");
        if (!Files.isDirectory(run)) {
            try {
                Files.createDirectories(run, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            } catch (IOException | UnsupportedOperationException e) {
                // sshd will say what it misses in its log
            }
        }
    }

    private void run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + out);
        }
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }

    /** Lines of a team file environment whose nodes are this fixture's node (reached via the jump). */
    public String teamEnvironment(String env, String sudo, List<String> extraNodeLines) {
        StringBuilder b = new StringBuilder();
        b.append("[environments.").append(env).append("]\n")
                .append("jump_host = \"127.0.0.1\"\n")
                .append("jump_port = ").append(jumpPort()).append('\n')
                .append("jump_user = \"").append(System.getProperty("user.name")).append("\"\n")
                .append("identity_file = \"~/.ssh/tcli-test\"\n")
                .append("sudo = \"").append(sudo).append("\"\n");
        for (String line : extraNodeLines) {
            b.append(line).append('\n');
        }
        return b.toString();
    }

    /** A {@code [[environments.ENV.nodes]]} entry for the fixture's node under another name. */
    public String nodeEntry(String env, String name, List<String> roles) {
        return nodeEntry(env, name, nodePort(), roles, null);
    }

    public String nodeEntry(String env, String name, int port, List<String> roles, Integer gatewayPort) {
        List<String> quoted = new ArrayList<>();
        roles.forEach(r -> quoted.add("\"" + r + "\""));
        return "[[environments." + env + ".nodes]]\n"
                + "name = \"" + name + "\"\n"
                + "host = \"127.0.0.1\"\n"
                + "port = " + port + "\n"
                + "user = \"" + System.getProperty("user.name") + "\"\n"
                + "roles = [" + String.join(", ", quoted) + "]\n"
                + (gatewayPort == null ? "" : "gateway_port = " + gatewayPort + "\n");
    }

    /**
     * Sets up a tcli home for these servers: the client key as {@code ~/.ssh/tcli-test},
     * known_hosts trusting both servers (unless {@code trust} is false), and the team repo
     * with {@code teamToml} wired through {@code [team] repo} in the personal config.
     */
    public void install(Path home, String teamToml, boolean trust) {
        try {
            Path ssh = Files.createDirectories(home.resolve(".ssh"));
            Files.copy(clientKey, ssh.resolve("tcli-test"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(ssh.resolve("tcli-test"), PosixFilePermissions.fromString("rw-------"));
            if (trust) {
                Files.writeString(ssh.resolve("known_hosts"), knownHosts());
            }
            Path repo = Files.createDirectories(home.resolve("team"));
            Files.writeString(repo.resolve("tcli-team.toml"), teamToml);
            Path cfg = home.resolve(".config/tcli/config.toml");
            Files.createDirectories(cfg.getParent());
            Files.writeString(cfg, "default_profile = \"live\"\n[team]\nrepo = \"~/team\"\n[profiles.live.ssh]\nconnect_timeout = \"5s\"\n");
            Files.setPosixFilePermissions(cfg, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
