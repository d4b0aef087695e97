package dev.tcli.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.spi.ModuleSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running {@code tcli NAME} looks up one name ({@link ExecModuleSource#find}) instead of
 * listing PATH: it must pick exactly the executable a listing would show under that name.
 */
class FindTest {
    @TempDir
    Path tmp;

    @Test
    void findPicksWhatTheListingShowsForEveryName() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        Scripts.write(a, "tcli-chmod", "#!/bin/sh\n", "rw-r--r--"); // not executable: the next one counts
        Scripts.executable(b, "tcli-chmod", "exit 0\n");
        Files.createDirectories(a.resolve("tcli-dir"));
        Scripts.executable(c, "tcli-dir", "exit 0\n"); // a directory earlier on PATH is no plugin
        Files.createSymbolicLink(a.resolve("tcli-gone"), tmp.resolve("nowhere"));
        Scripts.executable(a, "tcli-twice", "exit 0\n");
        Scripts.executable(c, "tcli-twice", "exit 0\n");
        Scripts.executable(c, "tcli-Bad_Name", "exit 0\n");
        Scripts.executable(c, "tcli-only-c", "# tcli-description: from c\nexit 0\n");
        Scripts.executable(tmp.resolve("rel"), "tcli-relative", "exit 0\n");
        String path = String.join(":", a.toString(), "", "rel", b.toString(), c.toString(), a.toString());
        Map<String, String> env = Map.of("PATH", path);

        ExecModuleSource source = new ExecModuleSource();
        List<ModuleSource.ExternalModule> listed = source.discover(env).modules();
        for (String name : List.of("chmod", "dir", "gone", "twice", "Bad_Name", "bad-name", "only-c", "relative", "none", "")) {
            Optional<String> expected = listed.stream().filter(m -> m.name().equals(name)).map(ModuleSource.ExternalModule::origin)
                    .findFirst();
            assertEquals(expected, source.find(name, env).map(ModuleSource.ExternalModule::origin), name);
        }
        assertEquals(b.resolve("tcli-chmod").toString(), source.find("chmod", env).orElseThrow().origin());
        assertEquals("from c", source.find("only-c", env).orElseThrow().description(), "read when asked");
        assertTrue(source.find("hello", Map.of()).isEmpty(), "no PATH at all");
    }

    @Test
    void aSigtermWhileThePluginStartsStillStopsIt() throws Exception {
        // The shutdown hook runs before start() has returned: it waits for the process and stops it.
        PluginProcess.ProcessHolder holder = new PluginProcess.ProcessHolder();
        Thread hook = new Thread(holder::destroy);
        hook.start();
        Process p = new ProcessBuilder("sleep", "60").start();
        holder.set(p);
        hook.join(10_000);
        assertFalse(hook.isAlive());
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the plugin was left running");
    }

    @Test
    void aPluginThatNeverStartedHasNothingToStop() throws Exception {
        PluginProcess.ProcessHolder holder = new PluginProcess.ProcessHolder();
        holder.set(null);
        holder.destroy(); // returns at once, nothing thrown
    }
}
