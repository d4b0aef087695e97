package dev.tcli.core;

import dev.tcli.spi.ExitCode;
import dev.tcli.spi.Settings;
import dev.tcli.spi.TcliException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * docs/design.md §6: environment variable, then {@code <key>_cmd}, then a literal in a file
 * only its owner can read. Secrets never go on the command line, and nothing here puts one in a
 * message.
 */
final class Secrets {
    private static final long CMD_TIMEOUT_SECONDS = 30;

    private final SystemEnv sys;

    Secrets(SystemEnv sys) {
        this.sys = sys;
    }

    static String envName(String section, String key) {
        return ("TCLI_" + section + "_" + key).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * @param literalFile the config file a literal came from, or null when the settings are built in
     */
    Optional<String> resolve(String section, String key, Settings settings, Path literalFile, String profile, boolean useEnv) {
        String fromEnv = useEnv ? sys.get(envName(section, key)) : null;
        if (fromEnv != null) {
            Redactor.register(fromEnv);
            return Optional.of(fromEnv);
        }
        Optional<String> cmd = settings.string(key + "_cmd");
        if (cmd.isPresent()) {
            String value = run(cmd.get(), settings.where(key + "_cmd"), key + "_cmd");
            Redactor.register(value);
            return Optional.of(value);
        }
        Optional<String> literal = settings.string(key);
        if (literal.isPresent()) {
            if (literalFile != null && readableByOthers(literalFile)) {
                throw TcliException.config("refusing the literal " + key + " in [profiles." + profile + "." + section + "] ("
                        + settings.where(key) + "): the file is readable by others; run 'chmod 600 " + literalFile
                        + "' or use " + key + "_cmd");
            }
            Redactor.register(literal.get());
            return literal;
        }
        return Optional.empty();
    }

    private static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    /** Runs a user's secret command through sh (it is their own config, like git's credential helpers). */
    private String run(String command, String where, String key) {
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", command);
        pb.environment().clear();
        pb.environment().putAll(sys.env());
        pb.directory(sys.cwd().toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        try {
            Process p = pb.start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            Thread t1 = pump(p.getInputStream(), out);
            Thread t2 = pump(p.getErrorStream(), err);
            if (!p.waitFor(CMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw TcliException.config(key + " (" + where + ") did not finish within " + CMD_TIMEOUT_SECONDS
                        + "s: '" + command + "'");
            }
            t1.join();
            t2.join();
            String value = out.toString(StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                String msg = err.toString(StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
                throw TcliException.config(key + " (" + where + ") failed with exit " + p.exitValue() + ": '"
                        + command + "'" + (msg.isEmpty() ? "" : ": " + Redactor.redact(msg)));
            }
            if (value.isEmpty()) {
                throw TcliException.config(key + " (" + where + ") printed nothing: '" + command + "'");
            }
            // pass and friends print the secret on the first line, metadata after it
            return value.lines().findFirst().orElse(value).strip();
        } catch (IOException e) {
            throw TcliException.config(key + " (" + where + ") could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TcliException(ExitCode.INTERRUPTED, "interrupted");
        }
    }

    private static Thread pump(InputStream in, ByteArrayOutputStream out) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the process went away
            }
        }, "secret-cmd-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
