package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.core.startup.HelpTextCache;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tcli --help's text kept per build and width: the same text, reused, the module list always fresh. */
class RootHelpTest {
    @TempDir
    Path tmp;

    String help(Path cached, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        SystemEnv sys = new SystemEnv(env, InputStream.nullInputStream(), ps, ps, false, false, false, Clock.systemUTC(), tmp);
        RootHelp.print(new ModuleRegistry(tmp.resolve("plugins"), env), sys, false, cached);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theCachedTextIsThePicocliTextAndIsReused() throws Exception {
        Map<String, String> env = Map.of("HOME", tmp.toString(), "PATH", "");
        String direct = help(null, env);
        Path file = HelpTextCache.file(tmp.resolve("cache"), "0.1.0-abc", "80");
        assertEquals(tmp.resolve("cache/help/help-0.1.0-abc-80.txt"), file);

        assertEquals(direct, help(file, env), "first run: rendered by picocli and kept");
        assertTrue(Files.readString(file).contains("--profile=NAME"));
        assertFalse(Files.readString(file).contains("oncall  "), "the module list is not kept");
        assertEquals(direct, help(file, env), "second run: from the file, same text");

        // Reused indeed: what the file says is what is printed around the module list.
        Files.writeString(file, Files.readString(file).replace("Usage:", "USAGE:"));
        assertTrue(help(file, env).startsWith("USAGE:"));

        // The module list is not in the file but in every output (it is made every run).
        assertTrue(help(file, env).contains("\nBuilt-in:\n"));
        assertFalse(Files.readString(file).contains("Built-in:"));
    }

    @Test
    void anotherBuildReplacesTheOldTextsAndAnUnreadableCacheIsOnlySlower() throws Exception {
        Map<String, String> env = Map.of("HOME", tmp.toString(), "PATH", "");
        String direct = help(null, env);
        Path old = HelpTextCache.file(tmp, "0.1.0-old", "80");
        Path oldWide = HelpTextCache.file(tmp, "0.1.0-old", "120");
        help(old, env);
        help(oldWide, env);
        Path now = HelpTextCache.file(tmp, "0.1.0-new", "80");
        assertEquals(direct, help(now, env));
        assertTrue(Files.exists(now));
        assertFalse(Files.exists(old));
        assertFalse(Files.exists(oldWide));

        Files.writeString(now, "garbage without the marker");
        assertEquals(direct, help(now, env), "a bad file is made again");

        Path blocked = tmp.resolve("file-not-dir");
        Files.writeString(blocked, "");
        assertEquals(direct, help(HelpTextCache.file(blocked, "b", "80"), env), "unwritable: printed anyway");
    }

    @Test
    void noCacheWithoutABuildOrAWidth() {
        assertNull(HelpTextCache.file(tmp, null, "80"));
        assertNull(HelpTextCache.file(tmp, "b", ""));
        assertNull(HelpTextCache.file(tmp, "b", "auto"));
        assertNull(HelpTextCache.file(null, "b", "80"));
        assertNull(HelpTextCache.file(tmp), "tests run from classes, not a distribution");
    }
}
