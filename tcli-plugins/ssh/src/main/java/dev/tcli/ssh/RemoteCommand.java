package dev.tcli.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A command for the node's POSIX shell, built from an argv. SSH only carries one string, which
 * the remote login shell parses; so every word is quoted here and nothing a node name, a
 * service ident or a user's argument contains ({@code ;}, {@code $(...)}, quotes, spaces) can
 * become a second command.
 */
public final class RemoteCommand {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    private final List<String> argv;

    private RemoteCommand(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty remote command");
        }
        this.argv = List.copyOf(argv);
    }

    public static RemoteCommand of(String... argv) {
        return new RemoteCommand(List.of(argv));
    }

    public static RemoteCommand of(List<String> argv) {
        return new RemoteCommand(argv);
    }

    /** The same command behind a prefix such as the environment's {@code sudo}. */
    public RemoteCommand prefixed(List<String> prefix) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(argv);
        return new RemoteCommand(all);
    }

    public List<String> argv() {
        return argv;
    }

    /** The string sent over SSH: each word single-quoted unless it is plainly safe. */
    public String line() {
        StringBuilder b = new StringBuilder();
        for (String word : argv) {
            if (b.isEmpty() && word.contains("=")) {
                // a first word like PATH=/tmp would be an assignment, not the command it names
                b.append("'").append(word.replace("'", "'\\''")).append("'");
                continue;
            }
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(quote(word));
        }
        return b.toString();
    }

    /** Quotes one word for a POSIX shell. */
    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Override
    public String toString() {
        return line();
    }
}
