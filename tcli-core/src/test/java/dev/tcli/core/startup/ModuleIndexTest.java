package dev.tcli.core.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.core.ModuleRegistry;
import dev.tcli.core.fixture.EchoModule;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.ModuleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lib/MODULES: the built-in names written at build time, read to run one module without the
 * class-path scan; a stale or broken index is never trusted, and every answer matches the full load.
 */
class ModuleIndexTest {
    @TempDir
    Path tmp;

    Map<String, String> env() {
        return Map.of("HOME", tmp.toString(), "PATH", "");
    }

    @Test
    void theIndexListsTheClassPathsModulesAndIsReadBack() throws Exception {
        Files.writeString(tmp.resolve("a.jar"), "");
        ModuleIndex.write(tmp);
        ModuleIndex index = ModuleIndex.read(tmp.resolve("MODULES"));
        assertNotNull(index);
        assertEquals(EchoModule.class.getName(), index.moduleClass("echo"));
        assertEquals("dev.tcli.core.commands.CoreModules$Plugins", index.moduleClass("plugins"));
        assertNull(index.moduleClass("hello"));
    }

    @Test
    void anIndexMadeFromOtherJarsOrMalformedIsNotUsed() throws Exception {
        Files.writeString(tmp.resolve("a.jar"), "");
        ModuleIndex.write(tmp);
        Files.writeString(tmp.resolve("b.jar"), "");
        assertNull(ModuleIndex.read(tmp.resolve("MODULES")), "a jar was added since");
        Files.delete(tmp.resolve("b.jar"));
        assertNotNull(ModuleIndex.read(tmp.resolve("MODULES")));
        Files.writeString(tmp.resolve("MODULES"), Files.readString(tmp.resolve("MODULES")) + "what is this\n");
        assertNull(ModuleIndex.read(tmp.resolve("MODULES")));
        assertNull(ModuleIndex.read(tmp.resolve("missing")));
    }

    @Test
    void everyServiceTypeAJarRegistersIsIndexedInClassPathOrder() throws Exception {
        // A real jar registering two SPI types, one of them with no provider on this class path.
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(tmp.resolve("a.jar")))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/services/" + ModuleSource.class.getName()));
            zip.write("# a comment\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/services/" + dev.tcli.spi.EventListener.class.getName()));
            zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/services/org.example.NotOurs"));
        }
        ModuleIndex.write(tmp);
        ModuleIndex index = ModuleIndex.read(tmp.resolve("MODULES"));
        assertNotNull(index);
        // What ServiceLoader finds on this (the test) class path, in its order.
        List<String> sources = java.util.ServiceLoader.load(ModuleSource.class).stream().map(p -> p.type().getName()).toList();
        assertEquals(sources, index.services(ModuleSource.class.getName()));
        assertEquals(sources, index.sources());
        assertEquals(java.util.ServiceLoader.load(dev.tcli.spi.EventListener.class).stream().map(p -> p.type().getName()).toList(),
                index.services(dev.tcli.spi.EventListener.class.getName()));
        assertNull(index.services("org.example.NotOurs"), "only tcli's own SPI");
        assertNull(index.services(dev.tcli.spi.ProfileProvider.class.getName()), "no jar registers it: not covered, so the registry asks ServiceLoader");
    }

    @Test
    void servicesComeFromTheIndexAloneAndAPluginJarBringsBackTheServiceLoader() throws Exception {
        ModuleIndex index = new ModuleIndex(Map.of("echo", EchoModule.class.getName()),
                Map.of(ModuleSource.class.getName(), List.of(CountingSource.class.getName())));
        ModuleRegistry r = new ModuleRegistry(tmp.resolve("plugins"), env(), index);
        List<ModuleSource> sources = r.services(ModuleSource.class);
        assertEquals(1, sources.size());
        assertEquals(CountingSource.class, sources.get(0).getClass(), "not registered as a service: only the index names it");
        assertEquals(List.of("echo"), r.javaModules().stream().map(ModuleRegistry.Entry::name).toList(),
                "the built-ins are the index's, not the class path's (which has more)");

        Files.createDirectories(tmp.resolve("plugins"));
        Files.writeString(tmp.resolve("plugins/other.jar"), "not a jar");
        ModuleRegistry withJar = new ModuleRegistry(tmp.resolve("plugins"), env(), index);
        assertTrue(withJar.services(ModuleSource.class).stream().noneMatch(CountingSource.class::isInstance));
        assertTrue(withJar.javaModules().size() > 1, "the class path's built-ins, found by ServiceLoader");
    }

    @Test
    void anIndexedClassThatFailsFallsBackToTheServiceLoaderPass() {
        ModuleIndex index = new ModuleIndex(Map.of("echo", "dev.tcli.NoSuchModule"),
                Map.of(ModuleSource.class.getName(), List.of("dev.tcli.NoSuchSource")));
        ModuleRegistry r = new ModuleRegistry(tmp.resolve("plugins"), env(), index);
        assertEquals(EchoModule.class, r.javaModule("echo").orElseThrow().module().getClass());
        assertTrue(r.services(ModuleSource.class).stream().noneMatch(s -> s.getClass().getName().contains("NoSuch")));
    }

    @Test
    void notRunningFromADistributionThereIsNoIndex() {
        assertNull(ModuleIndex.forThisInstall(), "tcli-core's classes come from target/classes here");
    }

    @Test
    void aBuiltInIsResolvedFromTheIndexAloneAndMatchesTheFullLoad() {
        ModuleIndex index = new ModuleIndex(Map.of("echo", EchoModule.class.getName()), Map.of());
        ModuleRegistry quick = new ModuleRegistry(tmp.resolve("plugins"), env(), index);
        ModuleRegistry.Entry e = quick.resolve("echo").orElseThrow();
        ModuleRegistry.Entry full = new ModuleRegistry(tmp.resolve("plugins"), env(), null).resolve("echo").orElseThrow();
        assertEquals(full.name(), e.name());
        assertEquals(full.description(), e.description());
        assertEquals(ModuleRegistry.BUILT_IN, e.group());
        assertEquals(EchoModule.class, e.module().getClass());
    }

    @Test
    void aBrokenIndexEntryFallsBackToTheFullLoad() {
        ModuleIndex index = new ModuleIndex(Map.of("echo", "dev.tcli.NoSuchModule", "config", EchoModule.class.getName()),
                Map.of(ModuleSource.class.getName(), List.of("dev.tcli.NoSuchSource")));
        ModuleRegistry r = new ModuleRegistry(tmp.resolve("plugins"), env(), index);
        assertEquals(EchoModule.class, r.resolve("echo").orElseThrow().module().getClass());
        assertEquals("config", r.resolve("config").orElseThrow().name(), "the class says another name: not trusted");
        assertTrue(r.resolve("nothing").isEmpty());
    }

    @Test
    void aNameNoBuiltInHasGoesToTheSourcesUnlessAPluginJarCouldClaimIt() throws Exception {
        CountingSource.finds.set(0);
        ModuleIndex index = new ModuleIndex(Map.of(), Map.of(ModuleSource.class.getName(), List.of(CountingSource.class.getName())));
        ModuleRegistry r = new ModuleRegistry(tmp.resolve("plugins"), env(), index);
        ModuleRegistry.Entry e = r.resolve("hello").orElseThrow();
        assertEquals("counted", e.group());
        assertEquals("a description read late", e.description());
        assertEquals(1, CountingSource.finds.get());

        // A jar in the plugin directory may provide 'hello' itself: the full load decides (and
        // finds no CountingSource there, it is not registered as a service).
        Files.createDirectories(tmp.resolve("plugins"));
        Files.writeString(tmp.resolve("plugins/other.jar"), "not a jar");
        ModuleRegistry withJar = new ModuleRegistry(tmp.resolve("plugins"), env(), index);
        assertTrue(withJar.resolve("hello").isEmpty());
        assertTrue(withJar.warnings().stream().anyMatch(w -> w.contains("other.jar")), withJar.warnings().toString());
    }

    @Test
    void nothingIsLoadedUntilAsked() {
        ModuleRegistry r = new ModuleRegistry(tmp.resolve("plugins"), env(), null);
        Optional<ModuleRegistry.Entry> echo = r.javaModule("echo");
        assertTrue(echo.isPresent());
        assertSame(echo.get(), r.resolve("echo").orElseThrow(), "the full load's entry once loaded");
    }

    /** A module source that is not registered as a service: reachable only through an index. */
    public static final class CountingSource implements ModuleSource {
        static final AtomicInteger finds = new AtomicInteger();

        @Override
        public String group() {
            return "counted";
        }

        @Override
        public Discovery discover(Map<String, String> env) {
            throw new AssertionError("running one module must not discover them all");
        }

        @Override
        public Optional<ExternalModule> find(String name, Map<String, String> env) {
            finds.incrementAndGet();
            return Optional.of(new ExternalModule() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public String description() {
                    return "a description read late";
                }

                @Override
                public String origin() {
                    return "test";
                }

                @Override
                public int run(List<String> args, ModuleContext ctx) {
                    return 0;
                }
            });
        }
    }
}
