package dev.tcli.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * {@code ~/.ssh/known_hosts} of {@code $HOME} (plain and hashed entries, via jsch's parser),
 * plus a record of what the server presented so a refusal can name the fingerprint. New keys
 * are appended as one plain line, never by rewriting the user's file.
 */
final class KnownHostsFile {
    private final Path file;

    KnownHostsFile(Path file) {
        this.file = file;
    }

    Path path() {
        return file;
    }

    private HostKeyRepository parsed;
    private String parsedVersion;

    /**
     * A view of the file for one connection attempt, recording the server's key. The parsed file
     * is shared while it is unchanged and replaced (never refilled in place) when it changes: a
     * parallel connection reloading a shared copy would empty it under another's check, and a
     * known key would look unknown.
     */
    synchronized Check check() {
        try {
            String version = Files.isRegularFile(file) ? Files.getLastModifiedTime(file) + "/" + Files.size(file) : "none";
            if (parsed == null || !version.equals(parsedVersion)) {
                JSch loader = new JSch();
                if (version.equals("none")) {
                    loader.setKnownHosts(new ByteArrayInputStream(new byte[0]));
                } else {
                    loader.setKnownHosts(file.toString());
                }
                parsed = loader.getHostKeyRepository();
                parsedVersion = version;
            }
        } catch (JSchException | IOException e) {
            throw dev.tcli.spi.TcliException.config("cannot read " + file + ": " + e.getMessage());
        }
        return new Check(parsed);
    }

    /** Appends {@code host key} (the name jsch checked, e.g. {@code [10.0.1.12]:2222}). */
    synchronized void accept(String host, String type, String base64Key) throws IOException {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        boolean created = !Files.exists(file);
        String prefix = !created && Files.size(file) > 0 && !endsWithNewline() ? "\n" : "";
        Files.writeString(file, prefix + host + " " + type + " " + base64Key + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (created) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private boolean endsWithNewline() throws IOException {
        byte[] all = Files.readAllBytes(file);
        return all.length == 0 || all[all.length - 1] == '\n';
    }

    /** OpenSSH's fingerprint form: {@code SHA256:} and unpadded base64 of the key blob's hash. */
    static String fingerprint(String base64Key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(base64Key));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delegates to jsch's known_hosts logic and remembers the verdict. */
    static final class Check implements HostKeyRepository {
        private final HostKeyRepository delegate;
        volatile int result = -1;
        volatile String host;
        volatile HostKey presented;

        Check(HostKeyRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public int check(String host, byte[] key) {
            int r = delegate.check(host, key);
            this.host = host;
            this.result = r;
            try {
                this.presented = new HostKey(host, key);
            } catch (JSchException e) {
                this.presented = null;
            }
            return r;
        }

        @Override
        public void add(HostKey hostkey, UserInfo ui) {
            // never written by jsch: StrictHostKeyChecking is always yes, we append ourselves
        }

        @Override
        public void remove(String host, String type) {
        }

        @Override
        public void remove(String host, String type, byte[] key) {
        }

        @Override
        public String getKnownHostsRepositoryID() {
            return delegate.getKnownHostsRepositoryID();
        }

        @Override
        public HostKey[] getHostKey() {
            return delegate.getHostKey();
        }

        @Override
        public HostKey[] getHostKey(String host, String type) {
            return delegate.getHostKey(host, type);
        }
    }
}
