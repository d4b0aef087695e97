package dev.tcli.core;

import dev.tcli.core.startup.ModuleIndex;
import dev.tcli.spi.EventListener;
import dev.tcli.spi.ModuleSource;
import dev.tcli.spi.ProfileProvider;
import dev.tcli.spi.TcliModule;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds modules: Java ones with {@link ServiceLoader} on the class path ("built-in") and in
 * {@code $XDG_DATA_HOME/tcli/plugins/*.jar} ("plugins (jar)"), then, only when asked, the
 * {@link ModuleSource}s such as PATH executables. A built-in always wins a name; a jar that
 * fails to load is reported and the others still load.
 *
 * <p>Nothing is loaded until asked. Running one module ({@link #resolve}) finds just that name:
 * with the distribution's {@link ModuleIndex} a built-in is one class instantiated, and a PATH
 * plugin one {@code stat} per PATH directory; listings ({@link #all}) find everything. With the
 * index and no plugin jar, nothing goes through {@link ServiceLoader}: the built-ins and the other
 * services are the classes the index names.
 */
public final class ModuleRegistry {
    public static final String BUILT_IN = "built-in";
    public static final String JAR = "plugins (jar)";

    /** One module as listed by {@code tcli --help} and {@code tcli plugins list}. */
    public record Entry(String name, String description, String group, String origin, TcliModule module,
            ModuleSource.ExternalModule external) {
        /** One line, or empty; an external module's is read when first asked (running one never asks). */
        @Override
        public String description() {
            return description != null ? description : external != null ? external.description() : "";
        }
    }

    private final Path pluginDir;
    private final Map<String, String> env;
    private final Map<String, Entry> java = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<ClassLoader> loaders = new ArrayList<>();
    private final ModuleIndex index;
    private boolean loaded;
    private Map<String, Entry> external;
    private List<Path> jars;

    public ModuleRegistry(Path pluginDir, Map<String, String> env) {
        this(pluginDir, env, ModuleIndex.forThisInstall());
    }

    /** With {@code index} (null: none) instead of the one beside tcli's jar. */
    public ModuleRegistry(Path pluginDir, Map<String, String> env, ModuleIndex index) {
        this.pluginDir = pluginDir;
        this.env = env;
        this.index = index;
    }

    /**
     * The module {@code name} as a run of {@code tcli NAME ...} would use it, finding no more
     * than that: the same answer as {@link #javaModule} then {@link #externalModules}, without
     * the listings' work (every module instantiated, every PATH directory read, every
     * description). Empty when there is no such module.
     */
    public synchronized Optional<Entry> resolve(String name) {
        if (!loaded && index != null) {
            Optional<Entry> quick = fromIndex(name);
            if (quick.isPresent()) {
                return quick;
            }
        }
        load();
        Entry j = java.get(name);
        if (j != null) {
            return Optional.of(j);
        }
        if (external != null) {
            return Optional.ofNullable(external.get(name));
        }
        for (ModuleSource source : services(ModuleSource.class)) {
            Optional<ModuleSource.ExternalModule> m = source.find(name, env);
            if (m.isPresent()) {
                return Optional.of(externalEntry(source, m.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code name} from the index: the built-in of that name, or, when no built-in and no plugin
     * jar can claim it, a module source's. Empty means "ask the slow way" (which also reports
     * whatever is broken).
     */
    private Optional<Entry> fromIndex(String name) {
        ClassLoader app = ModuleRegistry.class.getClassLoader();
        String builtIn = index.moduleClass(name);
        if (builtIn != null) {
            TcliModule m = instantiate(builtIn, TcliModule.class, app);
            if (m != null && m.name().equals(name)) {
                return Optional.of(new Entry(name, m.description(), BUILT_IN, BUILT_IN, m, null));
            }
            return Optional.empty(); // the full load reports it
        }
        if (!jars().isEmpty()) {
            return Optional.empty(); // a plugin jar may provide the name, or another module source
        }
        for (String cls : index.sources()) {
            ModuleSource source = instantiate(cls, ModuleSource.class, app);
            if (source == null) {
                return Optional.empty();
            }
            try {
                Optional<ModuleSource.ExternalModule> m = source.find(name, env);
                if (m.isPresent()) {
                    return Optional.of(externalEntry(source, m.get()));
                }
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Entry externalEntry(ModuleSource source, ModuleSource.ExternalModule m) {
        return new Entry(m.name(), null, source.group(), m.origin(), null, m);
    }

    /** The Java modules, built-in and from plugin jars, all of them: once. */
    private synchronized void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        ClassLoader app = ModuleRegistry.class.getClassLoader();
        loaders.add(app);
        if (!loadFromIndex(app)) {
            load(app, null);
        }
        for (Path jar : jars()) {
            try {
                URLClassLoader cl = new URLClassLoader(new URL[] {jar.toUri().toURL()}, app);
                loaders.add(cl);
                load(cl, jar);
            } catch (IOException | RuntimeException | ServiceConfigurationError | LinkageError e) {
                warnings.add("plugin jar " + jar + " failed to load: " + e.getMessage());
            }
        }
    }

    /**
     * The built-ins as the index names them, when there is an index and no plugin jar; false
     * (and nothing added) when any of them cannot be made or says another name, so that the
     * {@link ServiceLoader} pass runs and reports it as it always has.
     */
    private boolean loadFromIndex(ClassLoader app) {
        if (!indexed()) {
            return false;
        }
        Map<String, Entry> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : index.modules().entrySet()) {
            TcliModule m = instantiate(e.getValue(), TcliModule.class, app);
            if (m == null || !m.name().equals(e.getKey())) {
                return false;
            }
            found.put(m.name(), new Entry(m.name(), m.description(), BUILT_IN, BUILT_IN, m, null));
        }
        java.putAll(found);
        return true;
    }

    /** There is an index for this install, and no plugin jar that could add to what it says. */
    private boolean indexed() {
        return index != null && jars().isEmpty();
    }

    private static <S> S instantiate(String className, Class<S> type, ClassLoader cl) {
        try {
            return type.cast(Class.forName(className, true, cl).getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private synchronized List<Path> jars() {
        if (jars == null) {
            jars = listJars();
        }
        return jars;
    }

    private List<Path> listJars() {
        List<Path> out = new ArrayList<>();
        if (pluginDir == null || !Files.isDirectory(pluginDir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(pluginDir, "*.jar")) {
            ds.forEach(out::add);
        } catch (IOException e) {
            warnings.add("cannot read the plugin directory " + pluginDir + ": " + e.getMessage());
        }
        out.sort(null);
        return out;
    }

    private void load(ClassLoader cl, Path jar) {
        var it = ServiceLoader.load(TcliModule.class, cl).stream().iterator();
        boolean any = false;
        while (true) {
            ServiceLoader.Provider<TcliModule> p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                warnings.add((jar == null ? "a built-in module" : "plugin jar " + jar) + " failed to load: " + e.getMessage());
                break;
            }
            if (jar != null && p.type().getClassLoader() != cl) {
                continue; // found again through the parent: it is a built-in
            }
            try {
                TcliModule m = p.get();
                any = true;
                Entry prior = java.get(m.name());
                if (prior != null) {
                    warnings.add((jar == null ? "module class " + p.type().getName() : "plugin jar " + jar)
                            + " provides '" + m.name() + "', already provided by " + prior.origin() + "; ignored");
                    continue;
                }
                java.put(m.name(), new Entry(m.name(), m.description(), jar == null ? BUILT_IN : JAR,
                        jar == null ? BUILT_IN : jar.toString(), m, null));
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                warnings.add((jar == null ? "module " + p.type().getName() : "plugin jar " + jar)
                        + " failed to load: " + e.getMessage());
            }
        }
        if (jar != null && !any) {
            warnings.add("plugin jar " + jar + " provides no tcli module (META-INF/services/dev.tcli.spi.TcliModule)");
        }
    }

    public synchronized Optional<Entry> javaModule(String name) {
        load();
        return Optional.ofNullable(java.get(name));
    }

    public synchronized List<Entry> javaModules() {
        load();
        return List.copyOf(java.values());
    }

    /** Modules of every {@link ModuleSource}; asked once, on demand. Names taken by Java modules are reported as shadowed. */
    public synchronized Map<String, Entry> externalModules() {
        load();
        if (external == null) {
            external = new LinkedHashMap<>();
            for (ModuleSource source : services(ModuleSource.class)) {
                ModuleSource.Discovery d = source.discover(env);
                warnings.addAll(d.warnings());
                for (ModuleSource.ExternalModule m : d.modules()) {
                    Entry j = java.get(m.name());
                    if (j != null) {
                        warnings.add(m.origin() + " is shadowed by the " + (j.group().equals(BUILT_IN) ? "built-in" : "jar")
                                + " module '" + m.name() + "' (the " + (j.group().equals(BUILT_IN) ? "built-in" : "jar")
                                + " always wins); rename it to use it");
                        continue;
                    }
                    external.putIfAbsent(m.name(), externalEntry(source, m));
                }
            }
        }
        return external;
    }

    public synchronized List<Entry> all() {
        load();
        List<Entry> out = new ArrayList<>(java.values());
        out.addAll(externalModules().values());
        return out;
    }

    public synchronized List<String> warnings() {
        load();
        return List.copyOf(warnings);
    }

    public List<ProfileProvider> profileProviders() {
        return services(ProfileProvider.class);
    }

    public List<EventListener> eventListeners() {
        return services(EventListener.class);
    }

    /** Providers of a service from the class path and the plugin jars, each once. */
    public synchronized <S> List<S> services(Class<S> type) {
        List<S> indexed = servicesFromIndex(type);
        if (indexed != null) {
            return indexed;
        }
        load();
        List<S> out = new ArrayList<>();
        List<Class<?>> seen = new ArrayList<>();
        for (ClassLoader cl : loaders) {
            try {
                for (ServiceLoader.Provider<S> p : ServiceLoader.load(type, cl).stream().toList()) {
                    if (!seen.contains(p.type())) {
                        seen.add(p.type());
                        out.add(p.get());
                    }
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                warnings.add("a " + type.getSimpleName() + " failed to load: " + e.getMessage());
            }
        }
        return out;
    }

    /** The providers the index names, or null when it cannot say (no index, a plugin jar, a type it does not list, a class that fails). */
    private <S> List<S> servicesFromIndex(Class<S> type) {
        List<String> classes = indexed() ? index.services(type.getName()) : null;
        if (classes == null) {
            return null;
        }
        List<S> out = new ArrayList<>();
        for (String cls : classes) {
            S s = instantiate(cls, type, ModuleRegistry.class.getClassLoader());
            if (s == null) {
                return null; // the ServiceLoader pass reports it
            }
            out.add(s);
        }
        return out;
    }
}
