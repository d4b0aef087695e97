package dev.tcli.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.ConnectException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * SSH to the nodes of one environment, always through its jump host (jsch has no ProxyJump:
 * each node session runs over a {@code direct-tcpip} channel of the one jump session). Host
 * keys of both hops are checked against {@code $HOME/.ssh/known_hosts}; an unknown key is
 * refused with its fingerprint unless {@link HostKeyPolicy#ACCEPT_NEW} and the user confirms;
 * a changed key is always refused.
 *
 * <p>Thread-safe: {@code hab status} runs many nodes in parallel over one client.
 */
public final class SshClient implements AutoCloseable {
    /** What to do with a host key that known_hosts does not have. */
    public enum HostKeyPolicy { STRICT, ACCEPT_NEW }

    /** A finished remote command's output. */
    public record Captured(int exit, String stdout, String stderr) {
    }

    private final ModuleContext ctx;
    private final Environment env;
    private final HostKeyPolicy policy;
    private final JSch jsch = new JSch();
    private final KnownHostsFile knownHosts;
    private final int timeoutMillis;
    private final Map<String, Session> nodeSessions = new ConcurrentHashMap<>();
    private final Map<String, Object> nodeLocks = new ConcurrentHashMap<>();
    private Session jump;
    private boolean identityLoaded;

    private SshClient(ModuleContext ctx, Environment env, HostKeyPolicy policy) {
        this.ctx = ctx;
        this.env = env;
        this.policy = policy;
        this.knownHosts = new KnownHostsFile(ctx.paths().home().resolve(".ssh").resolve("known_hosts"));
        Duration t = ctx.settings("ssh").duration("connect_timeout").orElse(Duration.ofSeconds(10));
        this.timeoutMillis = (int) Math.max(1, t.toMillis());
    }

    public static SshClient open(ModuleContext ctx, Environment env, HostKeyPolicy policy) {
        SandboxHosts.require(ctx, env);
        return new SshClient(ctx, env, policy);
    }

    public Environment environment() {
        return env;
    }

    /** Runs a command on the node, streaming its output; returns the remote exit code. Ctrl-C stops it remotely. */
    public int exec(Node node, RemoteCommand command, Writer out, Writer err) {
        return exec(node, command, out, err, false);
    }

    /**
     * Like {@link #exec(Node, RemoteCommand, Writer, Writer)}; with {@code terminal} the command
     * gets a pseudo-terminal (stderr then arrives on stdout), so that ending the session hangs it
     * up: the way to stop an endless command ({@code journalctl --follow}) on servers that refuse
     * signal requests (OpenSSH does for root logins).
     */
    @SuppressWarnings("try") // the resource is a Ctrl-C guard: held for the block, never read
    public int exec(Node node, RemoteCommand command, Writer out, Writer err, boolean terminal) {
        // registered before the command starts: a Ctrl-C between start and registration would be lost
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicReference<ChannelExec> running = new AtomicReference<>();
        try (AutoCloseable onCtrlC = ctx.onInterrupt(() -> {
            interrupted.set(true);
            ChannelExec c = running.get();
            if (c != null) {
                stop(c);
            }
        })) {
            Started started = start(node, command, terminal);
            ChannelExec ch = started.channel();
            running.set(ch);
            try {
                if (interrupted.get()) {
                    stop(ch);
                }
                Thread e = pump(started.err(), err);
                try {
                    copy(started.out(), out);
                } catch (IOException ex) {
                    if (!interrupted.get()) {
                        throw ex;
                    }
                }
                e.join(interrupted.get() ? 1000 : 0);
                if (interrupted.get()) {
                    throw new TcliException(ExitCode.INTERRUPTED, "interrupted; stopped '" + command + "' on " + node.name());
                }
                return exitStatus(ch, node, command);
            } catch (InterruptedException ex) {
                stop(ch);
                Thread.currentThread().interrupt();
                throw new TcliException(ExitCode.INTERRUPTED, "interrupted; stopped '" + command + "' on " + node.name());
            } finally {
                ch.disconnect();
            }
        } catch (IOException ex) {
            throw lost(node, ex);
        } catch (RuntimeException ex) {
            throw ex;
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Runs a command and collects its output; gives up (exit 6) after {@code timeout}. */
    public Captured run(Node node, RemoteCommand command, Duration timeout) {
        Started started = start(node, command, false);
        ChannelExec ch = started.channel();
        try {
            var err = new java.io.StringWriter();
            var out = new java.io.StringWriter();
            Thread e = pump(started.err(), err);
            Thread o = pump(started.out(), out);
            o.join(timeout.toMillis());
            if (o.isAlive()) {
                stop(ch);
                throw new TcliException(ExitCode.UNAVAILABLE, node.name() + ": '" + command + "' did not answer within "
                        + timeout.toSeconds() + "s");
            }
            e.join(1000);
            return new Captured(exitStatus(ch, node, command), out.toString(), err.toString());
        } catch (InterruptedException ex) {
            stop(ch);
            Thread.currentThread().interrupt();
            throw new TcliException(ExitCode.INTERRUPTED, "interrupted");
        } finally {
            ch.disconnect();
        }
    }

    /** A local port forwarded through the node's session to {@code remoteHost:remotePort} as the node sees it. */
    public record Forward(int localPort, Runnable closer) implements AutoCloseable {
        @Override
        public void close() {
            closer.run();
        }
    }

    /**
     * Listens on {@code 127.0.0.1:localPort} (0 picks a free port) and forwards each connection
     * through the node's SSH session.
     */
    public Forward forward(Node node, int localPort, String remoteHost, int remotePort) {
        Session s = session(node);
        try {
            int port = s.setPortForwardingL("127.0.0.1", localPort, remoteHost, remotePort);
            return new Forward(port, () -> {
                try {
                    s.delPortForwardingL("127.0.0.1", port);
                } catch (JSchException e) {
                    // already gone with the session
                }
            });
        } catch (JSchException e) {
            throw new TcliException(ExitCode.FAILED, "cannot listen on 127.0.0.1:" + localPort + ": " + e.getMessage()
                    + " (is the port in use? pick another LOCAL port)");
        }
    }

    /** True when the node can open a TCP connection to {@code host:port} (e.g. its supervisor gateway). */
    public boolean canReach(Node node, String host, int port) {
        Session s = session(node);
        Channel ch = null;
        try {
            ch = s.getStreamForwarder(host, port);
            ch.connect(timeoutMillis);
            return ch.isConnected();
        } catch (JSchException e) {
            return false;
        } finally {
            if (ch != null) {
                ch.disconnect();
            }
        }
    }

    /**
     * RFC 6761: a name under {@code .invalid} never resolves, so asking DNS (and waiting on a slow
     * resolver) is pointless. Such hosts are placeholders, like the sandbox's practice nodes.
     */
    public static void requireResolvable(String label, String host, int port) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.endsWith(".invalid") || h.endsWith(".invalid.") || h.equals("invalid")) {
            throw new TcliException(ExitCode.UNAVAILABLE, "cannot reach " + label + " at " + host + ":" + port
                    + ": .invalid names never resolve (a placeholder host; the sandbox's practice nodes exist only by name)");
        }
    }

    /** The node's SSH session, connected through the jump host on first use. */
    public Session session(Node node) {
        Object lock = nodeLocks.computeIfAbsent(node.name(), k -> new Object());
        synchronized (lock) {
            Session s = nodeSessions.get(node.name());
            if (s != null && s.isConnected()) {
                return s;
            }
            String label = "node " + node.name();
            requireResolvable(label, node.host(), node.port());
            Session jumpSession = jump();
            s = connect(label, node.user(), node.host(), node.port(),
                    jumpSession == null ? null : () -> new JumpChannel(jumpSession, node, env.jump()));
            nodeSessions.put(node.name(), s);
            return s;
        }
    }

    private synchronized Session jump() {
        if (env.jump() == null) {
            return null;
        }
        if (jump == null || !jump.isConnected()) {
            JumpHost j = env.jump();
            requireResolvable("jump host " + j.host(), j.host(), j.port());
            jump = connect("jump host " + j.host(), j.user(), j.host(), j.port(), null);
        }
        return jump;
    }

    private record Started(ChannelExec channel, InputStream out, InputStream err) {
    }

    private Started start(Node node, RemoteCommand command, boolean terminal) {
        Session s = session(node);
        try {
            ChannelExec ch = (ChannelExec) s.openChannel("exec");
            ch.setCommand(command.line());
            if (terminal) {
                ch.setPty(true);
                ch.setPtyType("dumb");
                // ONLCR off (opcode 72 = 0): keep the remote's \n line ends
                ch.setTerminalMode(new byte[] {72, 0, 0, 0, 0, 0});
            }
            ch.setInputStream(null);
            // before connect: output (and its EOF) arriving earlier would otherwise be lost
            InputStream out = ch.getInputStream();
            InputStream err = ch.getErrStream();
            ch.connect(timeoutMillis);
            return new Started(ch, out, err);
        } catch (IOException e) {
            throw new TcliException(ExitCode.UNAVAILABLE, node.name() + ": could not start '" + command + "': " + e.getMessage());
        } catch (JSchException e) {
            throw new TcliException(ExitCode.UNAVAILABLE, node.name() + ": could not start '" + command + "': " + e.getMessage());
        }
    }

    private int exitStatus(ChannelExec ch, Node node, RemoteCommand command) throws InterruptedException {
        // the exit-status message arrives just before the channel closes
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!ch.isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        int status = ch.getExitStatus();
        if (status < 0) {
            throw new TcliException(ExitCode.FAILED, node.name() + ": '" + command + "' ended without an exit status (killed by a signal or the connection dropped)");
        }
        return status;
    }

    private static void stop(ChannelExec ch) {
        try {
            ch.sendSignal("TERM");
        } catch (Exception e) {
            // the channel may already be closed
        }
        ch.disconnect();
    }

    private static Thread pump(InputStream in, Writer to) {
        Thread t = new Thread(() -> {
            try {
                copy(in, to);
            } catch (IOException e) {
                // the channel closed under us: nothing more to print
            }
        }, "ssh-stderr");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void copy(InputStream in, Writer to) throws IOException {
        Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
        char[] buf = new char[8192];
        int n;
        while ((n = r.read(buf)) >= 0) {
            synchronized (to) {
                to.write(buf, 0, n);
                to.flush();
            }
        }
    }

    private TcliException lost(Node node, IOException e) {
        return new TcliException(ExitCode.UNAVAILABLE, "lost the connection to " + node.name() + ": " + e.getMessage(), e);
    }

    // ---- connecting ---------------------------------------------------------------------------

    private Session connect(String label, String user, String host, int port, java.util.function.Supplier<Proxy> proxy) {
        loadIdentity();
        for (int attempt = 0;; attempt++) {
            KnownHostsFile.Check check = knownHosts.check();
            Session s;
            try {
                s = jsch.getSession(user, host, port);
            } catch (JSchException e) {
                throw TcliException.config("bad " + label + " address " + user + "@" + host + ":" + port + ": " + e.getMessage());
            }
            s.setHostKeyRepository(check);
            s.setConfig("StrictHostKeyChecking", "yes");
            s.setConfig("PreferredAuthentications", "publickey");
            if (proxy != null) {
                s.setProxy(proxy.get());
            }
            try {
                s.setServerAliveInterval(15_000);
                s.connect(timeoutMillis);
                return s;
            } catch (JSchException e) {
                s.disconnect();
                if (check.result == HostKeyRepository.CHANGED) {
                    throw changedKey(label, check);
                }
                if (check.result == HostKeyRepository.NOT_INCLUDED && check.presented != null) {
                    if (policy == HostKeyPolicy.ACCEPT_NEW && attempt == 0) {
                        acceptNewKey(label, check);
                        continue;
                    }
                    throw unknownKey(label, check);
                }
                throw translate(label, user, host, port, e);
            }
        }
    }

    /**
     * Trusts an unknown key after a human compared its fingerprint: on a terminal only (--yes is
     * not enough: nobody would have seen the fingerprint). One question at a time, and none when
     * another thread (hab status over many nodes) has just accepted the same key.
     */
    private synchronized void acceptNewKey(String label, KnownHostsFile.Check check) {
        if (knownHosts.check().check(check.host, Base64.getDecoder().decode(check.presented.getKey())) == HostKeyRepository.OK) {
            return;
        }
        String fp = KnownHostsFile.fingerprint(check.presented.getKey());
        if (!ctx.terminal().stdinIsTty()) {
            throw TcliException.usage("--accept-new asks on a terminal and there is none: the " + label + " (" + check.host
                    + ") presents " + check.presented.getType() + " key " + fp + "; rerun on a terminal, or add the key to "
                    + knownHosts.path() + " yourself after checking the fingerprint");
        }
        String answer = ctx.terminal().prompt("The " + label + " (" + check.host + ") presents an unknown " + check.presented.getType()
                + " key " + fp + ". Trust it and add it to " + knownHosts.path() + "? [y/N] ").strip().toLowerCase(java.util.Locale.ROOT);
        if (!answer.equals("y") && !answer.equals("yes")) {
            throw new TcliException(ExitCode.CONFIG, "host key of the " + label + " not accepted; nothing was added to " + knownHosts.path());
        }
        try {
            knownHosts.accept(check.host, check.presented.getType(), check.presented.getKey());
        } catch (IOException e) {
            throw TcliException.config("cannot add the key to " + knownHosts.path() + ": " + e.getMessage());
        }
        ctx.out().note("added " + check.host + " " + check.presented.getType() + " " + fp + " to " + knownHosts.path());
    }

    private TcliException unknownKey(String label, KnownHostsFile.Check check) {
        String fp = KnownHostsFile.fingerprint(check.presented.getKey());
        return TcliException.config("the " + label + " (" + check.host + ") is not in " + knownHosts.path() + "; it presents "
                + check.presented.getType() + " key " + fp + ". Compare the fingerprint with the one your team publishes, "
                + "then rerun with --accept-new to trust it");
    }

    private TcliException changedKey(String label, KnownHostsFile.Check check) {
        String fp = check.presented == null ? "?" : KnownHostsFile.fingerprint(check.presented.getKey());
        return TcliException.config("WARNING: THE HOST KEY OF THE " + label.toUpperCase(java.util.Locale.ROOT) + " (" + check.host
                + ") HAS CHANGED: it now presents " + (check.presented == null ? "" : check.presented.getType() + " ") + fp
                + ", not the key in " + knownHosts.path() + ". Someone may be intercepting the connection; refusing. "
                + "If the host was really rebuilt, confirm the new fingerprint with your team, run "
                + "ssh-keygen -R '" + check.host + "' -f " + knownHosts.path() + " and reconnect with --accept-new");
    }

    private TcliException translate(String label, String user, String host, int port, JSchException e) {
        String msg = String.valueOf(e.getMessage());
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof JumpChannel.Unreachable u) {
                return new TcliException(ExitCode.UNAVAILABLE, label + " (" + host + ":" + port + ") is unreachable from jump host "
                        + env.jump().host() + ": " + u.getMessage(), e);
            }
            if (c instanceof ConnectException || c instanceof UnknownHostException || c instanceof SocketTimeoutException) {
                return new TcliException(ExitCode.UNAVAILABLE, "cannot reach " + label + " at " + host + ":" + port + ": "
                        + c.getMessage(), e);
            }
        }
        if (msg.startsWith("Auth fail") || msg.startsWith("Auth cancel")) {
            return new TcliException(ExitCode.AUTH, label + " rejected the key for " + user + "@" + host + " ("
                    + identityDescription + "): check identity_file in the team file or your ssh-agent, and that the key is authorized", e);
        }
        if (msg.contains("timeout") || msg.contains("timed out")) {
            return new TcliException(ExitCode.UNAVAILABLE, label + " at " + host + ":" + port + " did not answer in time: " + msg, e);
        }
        return new TcliException(ExitCode.UNAVAILABLE, "cannot connect to " + label + " at " + host + ":" + port + ": " + msg, e);
    }

    private String identityDescription = "no key";

    /** The identity file of the environment, else the ssh-agent, else the default keys of $HOME/.ssh. */
    private synchronized void loadIdentity() {
        if (identityLoaded) {
            return;
        }
        identityLoaded = true;
        if (env.identityFile() != null) {
            addIdentity(Path.of(env.identityFile()), true);
            return;
        }
        String agent = ctx.env().get("SSH_AUTH_SOCK");
        if (agent != null && !agent.isBlank() && Files.exists(Path.of(agent))) {
            try {
                jsch.setIdentityRepository(new AgentIdentityRepository(new SSHAgentConnector(Path.of(agent))));
                identityDescription = "keys of the ssh-agent at " + agent;
                return;
            } catch (AgentProxyException e) {
                ctx.out().note("ssh-agent at " + agent + " is not usable (" + e.getMessage() + "); trying ~/.ssh keys");
            }
        }
        for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            Path p = ctx.paths().home().resolve(".ssh").resolve(name);
            if (Files.isRegularFile(p)) {
                addIdentity(p, false);
                return;
            }
        }
        throw TcliException.config("no SSH key: set identity_file in [environments." + env.name()
                + "] of the team file (or [profiles." + ctx.profile() + ".ssh] identity_file), or start an ssh-agent");
    }

    private void addIdentity(Path file, boolean configured) {
        if (!Files.isRegularFile(file)) {
            throw TcliException.config("identity file " + file + " does not exist"
                    + (configured ? " (identity_file of environment " + env.name() + ")" : ""));
        }
        try {
            KeyPair kp = KeyPair.load(jsch, file.toString());
            byte[] passphrase = null;
            if (kp.isEncrypted()) {
                if (!ctx.terminal().stdinIsTty()) {
                    throw TcliException.config("identity file " + file + " is protected by a passphrase and there is no terminal "
                            + "to ask for it: load it into ssh-agent (ssh-add " + file + ")");
                }
                char[] chars = ctx.terminal().promptSecret("Passphrase for " + file + ": ");
                passphrase = new String(chars).getBytes(StandardCharsets.UTF_8);
                Arrays.fill(chars, '\0');
                if (!kp.decrypt(passphrase)) {
                    throw new TcliException(ExitCode.AUTH, "wrong passphrase for " + file);
                }
            }
            kp.dispose();
            jsch.addIdentity(file.toString(), passphrase);
            if (passphrase != null) {
                Arrays.fill(passphrase, (byte) 0);
            }
            identityDescription = "identity file " + file;
        } catch (JSchException e) {
            throw TcliException.config("cannot use identity file " + file + ": " + e.getMessage()
                    + " (OpenSSH or PEM ed25519, ecdsa or rsa keys work)");
        }
    }

    @Override
    public void close() {
        nodeSessions.values().forEach(Session::disconnect);
        nodeSessions.clear();
        synchronized (this) {
            if (jump != null) {
                jump.disconnect();
            }
        }
    }

    /**
     * A jsch {@link Proxy} that is a {@code direct-tcpip} channel of the jump session: the node's
     * SSH session runs inside it, end to end encrypted, and the jump host only sees bytes.
     */
    static final class JumpChannel implements Proxy {
        static final class Unreachable extends IOException {
            private static final long serialVersionUID = 1L;

            Unreachable(String message, Throwable cause) {
                super(message, cause);
            }
        }

        private final Session jump;
        private final Node node;
        private final JumpHost jumpHost;
        private Channel channel;
        private InputStream in;
        private OutputStream out;

        JumpChannel(Session jump, Node node, JumpHost jumpHost) {
            this.jump = jump;
            this.node = node;
            this.jumpHost = jumpHost;
        }

        @Override
        public void connect(SocketFactory socketFactory, String host, int port, int timeout) throws Exception {
            try {
                channel = jump.getStreamForwarder(host, port);
                in = channel.getInputStream();
                out = channel.getOutputStream();
                channel.connect(timeout);
            } catch (JSchException e) {
                throw new Unreachable(e.getMessage() + " (the jump host " + jumpHost.host() + " could not open a connection to "
                        + host + ":" + port + "; is " + node.name() + " up?)", e);
            }
        }

        @Override
        public InputStream getInputStream() {
            return in;
        }

        @Override
        public OutputStream getOutputStream() {
            return out;
        }

        @Override
        public Socket getSocket() {
            return null;
        }

        @Override
        public void close() {
            if (channel != null) {
                channel.disconnect();
            }
        }
    }
}
