package dev.tcli.core.startup;

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The built-in modules and the kernel's other services (module sources, profile providers,
 * event listeners...) of a distribution, written into {@code lib/MODULES} when the distribution is
 * built, so that a run need not open every jar on the class path (a {@link ServiceLoader} pass:
 * 15–20 ms of a start) nor instantiate every module to learn its name. The index also names the
 * jars it was made from: one jar more or less in {@code lib/} and it is not used. Without an
 * index (tests, a development class path), for a service type it does not list, or with plugin
 * jars installed, the registry uses {@link ServiceLoader} as always.
 *
 * <pre>
 * jars annotations-13.0.jar jackson-core-2.22.4.jar ...
 * module oncall dev.tcli.oncall.OncallModule
 * service dev.tcli.spi.ModuleSource dev.tcli.exec.ExecModuleSource
 * service dev.tcli.spi.EventListener dev.tcli.status.StatusReminder
 * </pre>
 */
public final class ModuleIndex {
    static final String FILE = "MODULES";

    /** The service types tcli-core looks up; {@link TcliModule} is indexed by name instead ({@code module} lines). */
    static final String SPI_PACKAGE = "dev.tcli.spi.";

    private final Map<String, String> modules;
    private final Map<String, List<String>> services;

    /**
     * @param modules built-in module name to provider class
     * @param services service type (class name) to its provider classes in class path order; a
     *     type that is absent is not covered by the index
     */
    public ModuleIndex(Map<String, String> modules, Map<String, List<String>> services) {
        this.modules = modules;
        this.services = services;
    }

    /** Every built-in module: name to provider class. */
    public Map<String, String> modules() {
        return modules;
    }

    /** The provider class of the built-in module {@code name}, or null when no built-in has that name. */
    public String moduleClass(String name) {
        return modules.get(name);
    }

    /** The {@link ModuleSource} provider classes, in class path order. */
    public List<String> sources() {
        return services.getOrDefault(ModuleSource.class.getName(), List.of());
    }

    /** The provider classes of {@code type} in class path order, or null when the index does not cover that type. */
    public List<String> services(String type) {
        return services.get(type);
    }

    /**
     * The index beside the jar this class came from, or null: not running from a distribution's
     * {@code lib/}, no index there, or one made from other jars.
     */
    public static ModuleIndex forThisInstall() {
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
    public static ModuleIndex read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        Map<String, String> modules = new LinkedHashMap<>();
        Map<String, List<String>> services = new LinkedHashMap<>();
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
            } else if (f[0].equals("service") && f.length >= 2 && f[1].startsWith(SPI_PACKAGE)) {
                services.put(f[1], List.of(f).subList(2, f.length));
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
        return new ModuleIndex(modules, services);
    }

    /**
     * Writes {@code dir/MODULES} for the class path this JVM runs with, which must be the jars
     * in {@code dir}: the distribution build calls this. Every service type of tcli's SPI that a
     * jar registers ({@code META-INF/services/dev.tcli.spi.*}) is listed, so a new SPI type is
     * indexed without a change here. Fails on two built-ins with one name (the index could not
     * say which one wins).
     */
    public static void write(Path dir) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# Built-in tcli modules and services of this distribution (dev.tcli.core.startup.ModuleIndex).\n");
        sb.append("jars ").append(jarNames(dir)).append('\n');
        Map<String, String> seen = new LinkedHashMap<>();
        for (ServiceLoader.Provider<TcliModule> p : inLaunchOrder(dir, ServiceLoader.load(TcliModule.class))) {
            String name = p.get().name();
            String prior = seen.putIfAbsent(name, p.type().getName());
            if (prior != null) {
                throw new IllegalStateException("two built-in modules named '" + name + "': " + prior + ", " + p.type().getName());
            }
            sb.append("module ").append(name).append(' ').append(p.type().getName()).append('\n');
        }
        for (String type : serviceTypes(dir)) {
            sb.append("service ").append(type);
            Class<?> spi;
            try {
                spi = Class.forName(type);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("a jar registers providers of " + type + ", which tcli-core does not have");
            }
            for (ServiceLoader.Provider<?> p : inLaunchOrder(dir, ServiceLoader.load(spi))) {
                sb.append(' ').append(p.type().getName());
            }
            sb.append('\n');
        }
        Files.writeString(dir.resolve(FILE), sb.toString(), StandardCharsets.UTF_8);
    }

    /**
     * The providers in the order {@link ServiceLoader} finds them when tcli runs: the launcher puts
     * {@code lib/*.jar} on the class path in name order, which need not be this build's class path
     * order. Providers from the same jar keep their order; any not from a jar in {@code dir} go last.
     */
    static <S> List<ServiceLoader.Provider<S>> inLaunchOrder(Path dir, ServiceLoader<S> loader) {
        List<String> jars = List.of(jarNames(dir).split(" "));
        List<ServiceLoader.Provider<S>> providers = new ArrayList<>(loader.stream().toList());
        providers.sort(Comparator.comparingInt(p -> {
            int i = jars.indexOf(jarOf(p.type()));
            return i < 0 ? jars.size() : i;
        }));
        return providers;
    }

    private static String jarOf(Class<?> type) {
        try {
            CodeSource cs = type.getProtectionDomain().getCodeSource();
            return cs == null ? "" : Path.of(cs.getLocation().toURI()).getFileName().toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "";
        }
    }

    /** The SPI types (other than modules) that the jars in {@code dir} provide, sorted. */
    static Set<String> serviceTypes(Path dir) throws IOException {
        Set<String> types = new TreeSet<>();
        String prefix = "META-INF/services/" + SPI_PACKAGE;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path jar : ds) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    zip.stream().map(ZipEntry::getName).filter(n -> n.startsWith(prefix) && !n.endsWith("/"))
                            .map(n -> n.substring("META-INF/services/".length()))
                            .filter(t -> !t.equals(TcliModule.class.getName()))
                            .forEach(types::add);
                } catch (ZipException e) {
                    // not a jar after all (a test's placeholder): it provides nothing
                }
            }
        }
        return types;
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
