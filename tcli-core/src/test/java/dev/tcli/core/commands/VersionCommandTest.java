package dev.tcli.core.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.TcliHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VersionCommandTest {
    @TempDir
    Path tmp;

    @Test
    void reportsTheLaunchersStartupCacheState() {
        {
            TcliHarness t = new TcliHarness(tmp);
            t.env("TCLI_STARTUP_CACHE", "aot /cache/tcli.aot");
            var json = t.run("version", "-o", "json");
            assertEquals(0, json.exit(), json.toString());
            assertTrue(json.json().get("startup_cache").asText().startsWith("aot /cache/tcli.aot"), json.stdout());
            assertTrue(json.json().get("jdk").asText().contains(Runtime.version().toString()), json.stdout());
            var table = t.run("version");
            assertTrue(table.stdout().contains("startup_cache: aot /cache/tcli.aot"), table.stdout());
        }
    }

    @Test
    void withoutTheLauncherSaysSo() {
        {
            TcliHarness t = new TcliHarness(tmp);
            var r = t.run("version", "-o", "json");
            assertTrue(r.json().get("startup_cache").asText().startsWith("none"), r.stdout());
        }
    }

    @Test
    void aCacheTheJvmCouldNotMapIsReportedAsNotInUse() {
        assertEquals("aot /c/tcli.aot", VersionCommand.cacheState("aot /c/tcli.aot", "mixed mode, sharing"));
        assertTrue(VersionCommand.cacheState("cds /c/tcli.jsa", "mixed mode").contains("NOT in use"));
        assertEquals("off (TCLI_STARTUP=off)", VersionCommand.cacheState("off (TCLI_STARTUP=off)", "mixed mode"));
        assertTrue(VersionCommand.cacheState(null, "mixed mode, sharing").startsWith("none"));
    }

    @Test
    void commitComesFromTheDistributionWhenTheCoreJarHasNone() throws Exception {
        Files.writeString(tmp.resolve("BUILD_INFO"), "build_id=0.1.0-abc\ncommit=1234567890ab\n");
        Properties dist = VersionCommand.distInfo(tmp);
        assertEquals("0.1.0-abc", dist.getProperty("build_id"));
        assertEquals("1234567890ab", VersionCommand.commit("unknown", dist));
        assertEquals("feedface", VersionCommand.commit("feedface", dist));
        assertEquals("unknown", VersionCommand.commit("unknown", VersionCommand.distInfo(tmp.resolve("nowhere"))));
        assertEquals("unknown", VersionCommand.commit("unknown", VersionCommand.distInfo(null)));
    }
}
