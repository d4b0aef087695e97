package dev.tcli.ssh;

import dev.tcli.spi.SshNames;
import dev.tcli.spi.TcliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * OpenSSH {@code Host} blocks for an environment, and the managed region of
 * {@code ~/.ssh/config} between {@code # BEGIN tcli ENV} and {@code # END tcli ENV}: only that
 * region is ever replaced, so the user's own entries survive.
 */
public final class SshConfigFile {
    /**
     * Where {@code tcli ssh config --write} writes: {@code ~/.ssh/config}, except under the sandbox, which writes
     * no file outside tcli's state directory: there it is {@code sandbox/ssh_config}, for {@code ssh -F}.
     */
    public static Path target(dev.tcli.spi.ModuleContext ctx) {
        if (ctx.sandbox()) {
            return ctx.paths().stateDir().resolve("sandbox").resolve("ssh_config");
        }
        return ctx.paths().home().resolve(".ssh").resolve("config");
    }

    private SshConfigFile() {
    }

    public static String begin(String env) {
        return "# BEGIN tcli " + env;
    }

    public static String end(String env) {
        return "# END tcli " + env;
    }

    /** The alias of the jump host inside the block, used by every node's ProxyJump. */
    public static String jumpAlias(Environment env) {
        return "tcli-" + env.name() + "-jump";
    }

    /** The whole managed block, markers included, ending with a newline. */
    public static String block(Environment env, Path home) {
        StringBuilder b = new StringBuilder();
        b.append(begin(env.name())).append('\n');
        b.append("# Written by 'tcli ssh config --env ").append(env.name()).append(" --write'; changes inside this block are replaced.\n");
        String identity = env.identityFile() == null ? null : tilde(env.identityFile(), home);
        if (env.jump() != null) {
            b.append("Host ").append(alias(jumpAlias(env))).append('\n');
            b.append("  HostName ").append(word(env.jump().host())).append('\n');
            b.append("  Port ").append(env.jump().port()).append('\n');
            b.append("  User ").append(word(env.jump().user())).append('\n');
            if (identity != null) {
                b.append("  IdentityFile ").append(word(identity)).append('\n');
            }
        }
        for (Node n : env.nodes()) {
            b.append("Host ").append(alias(n.name())).append('\n');
            b.append("  HostName ").append(word(n.host())).append('\n');
            b.append("  Port ").append(n.port()).append('\n');
            b.append("  User ").append(word(n.user())).append('\n');
            if (identity != null) {
                b.append("  IdentityFile ").append(word(identity)).append('\n');
            }
            if (env.jump() != null) {
                b.append("  ProxyJump ").append(word(jumpAlias(env))).append('\n');
            }
        }
        b.append(end(env.name())).append('\n');
        return b.toString();
    }

    /** {@code existing} with the environment's block replaced, or put first (OpenSSH: first match wins). */
    public static String merge(String existing, String env, String block) {
        List<String> lines = existing.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(existing.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        int from = lines.indexOf(begin(env));
        int to = from < 0 ? -1 : lines.subList(from, lines.size()).indexOf(end(env));
        if (from >= 0 && to < 0) {
            throw TcliException.config("~/.ssh/config has '" + begin(env) + "' but no '" + end(env)
                    + "' line: fix the file by hand, then rerun");
        }
        List<String> blockLines = List.of(block.substring(0, block.length() - 1).split("\n", -1));
        if (from >= 0) {
            List<String> out = new ArrayList<>(lines.subList(0, from));
            out.addAll(blockLines);
            out.addAll(lines.subList(from + to + 1, lines.size()));
            return String.join("\n", out) + "\n";
        }
        List<String> out = new ArrayList<>(blockLines);
        if (!lines.isEmpty()) {
            out.add("");
            out.addAll(lines);
        }
        return String.join("\n", out) + "\n";
    }

    /** Outcome of {@link #write}. */
    public record Written(boolean changed, Path backup) {
    }

    /** Writes the merged config atomically with mode 0600, keeping a backup of the previous file. */
    public static Written write(Path config, String env, String block) {
        try {
            String existing = Files.isRegularFile(config) ? Files.readString(config) : "";
            String merged = merge(existing, env, block);
            if (merged.equals(existing)) {
                return new Written(false, null);
            }
            Path dir = config.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path backup = null;
            if (Files.isRegularFile(config)) {
                backup = config.resolveSibling(config.getFileName() + ".tcli-backup");
                Files.copy(config, backup, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            Path tmp = Files.createTempFile(dir, ".config", ".tcli-tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(tmp, merged);
                Files.move(tmp, config, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
            return new Written(true, backup);
        } catch (IOException e) {
            throw TcliException.config("cannot write " + config + ": " + e.getMessage());
        }
    }

    /**
     * A Host line's alias: never a word ssh reads as a pattern ({@code *}, {@code ?}, {@code !},
     * a list), whatever reached this point (Inventory already refuses such names).
     */
    private static String alias(String name) {
        SshNames.nameProblem(name).ifPresent(p -> {
            throw TcliException.config("refusing to write Host " + p + " into ~/.ssh/config: fix the team file");
        });
        return name;
    }

    private static String tilde(String path, Path home) {
        String h = home.toString();
        return path.startsWith(h + "/") ? "~" + path.substring(h.length()) : path;
    }

    /** One config value: quoted when it has blanks; refused when it could break out of its line. */
    private static String word(String value) {
        if (value.contains("\n") || value.contains("\r") || value.contains("\"")) {
            throw TcliException.config("refusing to write '" + value.replace("\n", "\\n") + "' into ~/.ssh/config: newline or quote in a team file value");
        }
        return value.matches(".*\\s.*") ? "\"" + value + "\"" : value;
    }
}
