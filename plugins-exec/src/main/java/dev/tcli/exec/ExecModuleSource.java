package dev.tcli.exec;

import dev.tcli.spi.ModuleSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns every {@code tcli-NAME} executable on PATH into a module {@code NAME}, the way git turns
 * {@code git-foo} into {@code git foo}. The first one on PATH wins; later ones with the same
 * name, and {@code tcli-*} files that cannot be executed, become warnings for
 * {@code tcli plugins list} and {@code tcli --help}. Listing never runs a plugin: the
 * description comes from a comment near the top of the file.
 */
public final class ExecModuleSource implements ModuleSource {
    static final String GROUP = "plugins (PATH)";
    static final String PREFIX = "tcli-";
    /** Module names a user can type: lower case, digits, dashes; no dots, so {@code tcli-x.bak} is not a module. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public Discovery discover(Map<String, String> env) {
        Map<String, ExecPlugin> found = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Path dir : directories(env.get("PATH"))) {
            for (Path file : candidates(dir)) {
                String name = file.getFileName().toString().substring(PREFIX.length());
                if (!Files.isRegularFile(file)) {
                    continue; // a directory, a broken symlink, a socket: not a plugin, not worth a warning
                }
                if (!NAME.matcher(name).matches()) {
                    if (Files.isExecutable(file) && !looksLikeLeftover(name)) {
                        warnings.add(file + " is not a usable module name (lower-case letters, digits and '-' only);"
                                + " rename it, e.g. to " + dir.resolve(PREFIX + suggestName(name)));
                    }
                    continue;
                }
                if (!Files.isExecutable(file)) {
                    warnings.add(file.getFileName() + " in " + dir + " is not executable; run 'chmod +x " + file
                            + "' to use it as 'tcli " + name + "'");
                    continue;
                }
                ExecPlugin first = found.get(name);
                if (first == null) {
                    found.put(name, new ExecPlugin(name, file));
                } else if (!sameFile(first.path(), file)) {
                    warnings.add(file.getFileName() + " in " + dir + " is shadowed by " + first.path() + " (earlier on PATH)");
                }
            }
        }
        List<ExternalModule> modules = new ArrayList<>(found.values());
        modules.sort(Comparator.comparing(ExternalModule::name));
        return new Discovery(modules, warnings);
    }

    /**
     * The first {@code tcli-NAME} on PATH that {@link #discover} would also have chosen: a
     * regular, executable file, in the first directory that has one. One {@code stat} per PATH
     * entry instead of listing every directory, and no description read: this runs a plugin,
     * it does not list it.
     */
    @Override
    public Optional<ExternalModule> find(String name, Map<String, String> env) {
        String path = env.get("PATH");
        if (path == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        for (String entry : path.split(java.io.File.pathSeparator, -1)) {
            Path file;
            try {
                Path dir = Path.of(entry);
                if (entry.isEmpty() || !dir.isAbsolute()) {
                    continue; // as in directories(): never the current directory
                }
                file = dir.resolve(PREFIX + name);
            } catch (RuntimeException e) {
                continue;
            }
            if (Files.isRegularFile(file) && Files.isExecutable(file)) {
                return Optional.of(new ExecPlugin(name, file));
            }
        }
        return Optional.empty();
    }

    /**
     * The PATH directories in order, each once. Empty entries mean "the current directory" to a
     * POSIX shell, and so do relative ones in effect: both are skipped, so that running tcli
     * inside a freshly cloned repository can never pick up a {@code tcli-*} file from it.
     * {@code /bin} and {@code /usr/bin} are often one directory; it is scanned once.
     */
    static List<Path> directories(String path) {
        List<Path> dirs = new ArrayList<>();
        if (path == null) {
            return dirs;
        }
        Set<Path> seen = new HashSet<>();
        for (String entry : path.split(java.io.File.pathSeparator, -1)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path dir;
            try {
                dir = Path.of(entry);
            } catch (RuntimeException e) {
                continue;
            }
            if (!dir.isAbsolute() || !Files.isDirectory(dir)) {
                continue;
            }
            Path key;
            try {
                key = dir.toRealPath();
            } catch (IOException e) {
                key = dir.normalize();
            }
            if (seen.add(key)) {
                dirs.add(dir);
            }
        }
        return dirs;
    }

    /**
     * The {@code tcli-*} entries of a directory, sorted; an unreadable directory has none (as for
     * a shell). {@code File.list} with a prefix test rather than a glob stream: /usr/bin holds
     * a thousand names, and a glob (a regex per name) and a Path per name cost {@code tcli --help}
     * milliseconds of its few dozen.
     */
    private static List<Path> candidates(Path dir) {
        String[] names;
        try {
            names = dir.toFile().list((d, n) -> n.length() > PREFIX.length() && n.startsWith(PREFIX));
        } catch (RuntimeException e) {
            names = null;
        }
        List<Path> out = new ArrayList<>();
        if (names == null) {
            return out;
        }
        Arrays.sort(names);
        for (String n : names) {
            out.add(dir.resolve(n));
        }
        return out;
    }

    /** Editor backups and package-manager leftovers are not worth a warning. */
    private static boolean looksLikeLeftover(String name) {
        return name.endsWith("~") || name.endsWith(".bak") || name.endsWith(".orig") || name.endsWith(".dpkg-old")
                || name.endsWith(".dpkg-new") || name.startsWith(".");
    }

    static String suggestName(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("\\.[a-z0-9]+$", "").replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+", "");
        return s.isEmpty() ? "my-plugin" : s;
    }

    /** The same executable reached twice (a symlink in another PATH directory) is not shadowing. */
    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
