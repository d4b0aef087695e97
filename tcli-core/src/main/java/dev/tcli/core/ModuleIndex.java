package dev.tcli.core;

import dev.tcli.spi.ModuleSource;
import dev.tcli.spi.TcliModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * The built-in modules and module sources of a distribution, written into {@code lib/MODULES}
 * when the distribution is built, so that running one module need not open every jar on the
 * class path (the first {@link ServiceLoader} pass: 15–20 ms of every start) nor instantiate every
 * module to learn its name. The index also names the jars it was made from: one jar more or less
 * in {@code lib/} and it is not used. Without an index (tests, a development class path) the
 * registry uses {@link ServiceLoader} as always.
 *
 * <pre>
 * jars annotations-13.0.jar jackson-core-2.22.4.jar ...
 * module oncall dev.tcli.oncall.OncallModule
 * source dev.tcli.exec.ExecModuleSource
 * </pre>
 */
public final class ModuleIndex {
    static final String FILE = "MODULES";

    private final Map<String, String> modules;
    private final List<String> sources;

    ModuleIndex(Map<String, String> modules, List<String> sources) {
        this.modules = modules;
        this.sources = sources;
    }

    /** The provider class of the built-in module {@code name}, or null when no built-in has that name. */
    String moduleClass(String name) {
        return modules.get(name);
    }

    /** The {@link ModuleSource} provider classes, in class path order. */
    List<String> sources() {
        return sources;
    }

    /**
     * The index beside the jar this class came from, or null: not running from a distribution's
     * {@code lib/}, no index there, or one made from other jars.
     */
    static ModuleIndex forThisInstall() {
        try {
            CodeSource cs = ModuleIndex.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null || !"file".equals(cs.getLocation().getProtocol())) {
                return null;
            }
            Path jar = Path.of(cs.getLocation().toURI());
            if (!jar.getFileName().toString().endsWith(".jar")) {
                return null; // target/classes: a development class path
            }
            return read(jar.resolveSibling(FILE));
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The index in {@code file}, or null when it is missing, unreadable, malformed or not made from the jars beside it. */
    static ModuleIndex read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Map<String, String> modules = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        String jars = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            if (f[0].equals("jars")) {
                jars = line.substring(4).strip();
            } else if (f[0].equals("module") && f.length == 3) {
                modules.putIfAbsent(f[1], f[2]);
            } else if (f[0].equals("source") && f.length == 2) {
                sources.add(f[1]);
            } else {
                return null;
            }
        }
        try {
            if (jars == null || !jars.equals(jarNames(file.getParent()))) {
                return null;
            }
        } catch (RuntimeException e) {
            return null;
        }
        return new ModuleIndex(modules, sources);
    }

    /**
     * Writes {@code dir/MODULES} for the class path this JVM runs with, which must be the jars
     * in {@code dir}: the distribution build calls this. Fails on two built-ins with one name
     * (the index could not say which one wins).
     */
    public static void write(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Built-in tcli modules and module sources of this distribution (dev.tcli.core.ModuleIndex).\n");
        sb.append("jars ").append(jarNames(dir)).append('\n');
        Map<String, String> seen = new LinkedHashMap<>();
        for (ServiceLoader.Provider<TcliModule> p : ServiceLoader.load(TcliModule.class).stream().toList()) {
            String name = p.get().name();
            String prior = seen.putIfAbsent(name, p.type().getName());
            if (prior != null) {
                throw new IllegalStateException("two built-in modules named '" + name + "': " + prior + ", " + p.type().getName());
            }
            sb.append("module ").append(name).append(' ').append(p.type().getName()).append('\n');
        }
        for (ServiceLoader.Provider<ModuleSource> p : ServiceLoader.load(ModuleSource.class).stream().toList()) {
            sb.append("source ").append(p.type().getName()).append('\n');
        }
        Files.writeString(dir.resolve(FILE), sb.toString(), StandardCharsets.UTF_8);
    }

    /** The jar files in {@code dir}, sorted, space-separated. */
    static String jarNames(Path dir) {
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.endsWith(".jar")) {
                    names.add(n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return String.join(" ", names);
    }
}
