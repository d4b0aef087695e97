package dev.tcli.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/tcli's decisions, seen through a stand-in JDK whose 'java' prints the command line it is
 * given: which cache a command line gets (light: help, listings, version; exec: exec plugins; full:
 * the verbs), the archive flags per JDK version, the newest JDK chosen, JVM logging on stderr.
 */
class LauncherIT {
    static final Path DIST = Path.of("").toAbsolutePath().resolve("target/tcli");

    @TempDir
    Path tmp;
    Path home;
    Path bin;

    @BeforeEach
    void setUp() throws IOException {
        home = tmp.resolve("home");
        bin = tmp.resolve("bin");
        Files.createDirectories(home);
        Files.createDirectories(bin);
        script(bin.resolve("tcli-hello"), "#!/bin/sh\nexit 0\n");
    }

    static void script(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** A JDK directory with a release file and a java that echoes its arguments, one a line. */
    Path fakeJdk(String name, String version) throws IOException {
        Path jdk = tmp.resolve("jvm").resolve(name);
        script(jdk.resolve("bin/java"), "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return jdk;
    }

    String startup = "auto";

    String tcliJava;

    List<String> launch(Path javaHome, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(DIST.resolve("bin/tcli").toString());
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("XDG_") || k.startsWith("TCLI_") || k.equals("JAVA_HOME"));
        pb.environment().put("HOME", home.toString());
        pb.environment().put("PATH", bin + ":/usr/bin:/bin");
        pb.environment().put("TCLI_STARTUP", startup);
        if (tcliJava != null) {
            pb.environment().put("TCLI_JAVA", tcliJava);
        }
        if (javaHome != null) {
            pb.environment().put("JAVA_HOME", javaHome.toString());
        }
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    /** Both caches present for this JDK, as a finished training leaves them. */
    Path caches(Path jdk, String version, String ext) throws IOException {
        String buildId = Files.readAllLines(DIST.resolve("lib/BUILD_ID")).get(0).strip();
        String distHome = DIST.toRealPath().toString();
        Path dir = home.resolve(".cache/tcli/startup").resolve(distHome.replace('/', '_')).resolve(buildId)
                .resolve(version + jdk.resolve("bin/java").toString().replace('/', '_'));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("help." + ext), "x");
        Files.writeString(dir.resolve("light." + ext), "x");
        Files.writeString(dir.resolve("exec." + ext), "x");
        Files.writeString(dir.resolve("full." + ext), "x");
        return dir;
    }

    static String flag(List<String> argv, String prefix) {
        return argv.stream().filter(a -> a.startsWith(prefix)).findFirst().orElse(null);
    }

    @Test
    void rootHelpGetsTheHelpCacheListingsTheLightExecPluginsTheExecVerbsTheFull() throws Exception {
        Path jdk = fakeJdk("jdk-25", "25.0.1");
        Path dir = caches(jdk, "25.0.1", "aot");
        String help = "-XX:AOTCache=" + dir.resolve("help.aot");
        String light = "-XX:AOTCache=" + dir.resolve("light.aot");
        String exec = "-XX:AOTCache=" + dir.resolve("exec.aot");
        String full = "-XX:AOTCache=" + dir.resolve("full.aot");
        String[][] helpRuns = {{}, {"--help"}, {"-h"}, {"-V"}, {"--profile", "sandbox"}, {"-o", "json", "--help"}};
        for (String[] run : helpRuns) {
            assertEquals(help, flag(launch(jdk, run), "-XX:AOTCache="), String.join(" ", run));
        }
        String[][] lightRuns = {{"oncall", "--help"}, {"--profile", "sandbox", "oncall", "ack", "-h"},
            {"plugins", "list"}, {"-o", "json", "version"}, {"--profile", "oncall", "version"}};
        for (String[] run : lightRuns) {
            assertEquals(light, flag(launch(jdk, run), "-XX:AOTCache="), String.join(" ", run));
        }
        for (String[] run : new String[][] {{"hello", "world"}, {"--profile", "sandbox", "hello"}}) {
            assertEquals(exec, flag(launch(jdk, run), "-XX:AOTCache="), String.join(" ", run));
        }
        String[][] fullRuns = {{"--profile", "sandbox", "oncall", "incidents"}, {"-o", "json", "oncall", "ack", "1042"},
            {"--config", "plugins", "status", "components"}, {"oncall", "incidents", "--", "--help"}, {"completion", "bash"}};
        for (String[] run : fullRuns) {
            assertEquals(full, flag(launch(jdk, run), "-XX:AOTCache="), String.join(" ", run));
        }
    }

    @Test
    void jdk17GetsAnAppCdsArchiveAndEveryJdkLogsToStderrOnly() throws Exception {
        Path jdk = fakeJdk("jdk-17", "17.0.9");
        Path dir = caches(jdk, "17.0.9", "jsa");
        List<String> argv = launch(jdk, "--help");
        assertEquals("-XX:SharedArchiveFile=" + dir.resolve("help.jsa"), flag(argv, "-XX:SharedArchiveFile="));
        assertEquals(null, flag(argv, "-XX:AOTCache"));
        assertTrue(argv.contains("-Xlog:disable"), argv.toString());
        assertEquals("-Xlog:all=warning,cds*=off:stderr", flag(argv, "-Xlog:all"));   // JDK 17 knows no 'aot' tag
        assertEquals("-Dpicocli.usage.width=80", flag(argv, "-Dpicocli.usage.width"));
        assertEquals("dev.tcli.core.Main", argv.get(argv.size() - 2));
        assertEquals("--help", argv.get(argv.size() - 1));

        Path jdk25 = fakeJdk("jdk-25", "25.0.1");
        assertEquals("-Xlog:all=warning,aot*=off,cds*=off:stderr", flag(launch(jdk25, "--help"), "-Xlog:all"));
    }

    @Test
    void tcliJavaThroughASymlinkIsRecognisedByTheJdkItLeadsTo() throws Exception {
        Path jdk = fakeJdk("jdk-25", "25.0.1");
        Path link = tmp.resolve("usr-bin-java");
        Files.createSymbolicLink(link, jdk.resolve("bin/java"));
        tcliJava = link.toString();
        startup = "off";
        assertTrue(launch(null, "--help").contains("-Xlog:all=warning,aot*=off,cds*=off:stderr"), "JDK 25 recognised");
    }

    @Test
    void tcliJavaOlderThan17IsRefusedWithWhatToDo() throws Exception {
        Path old = fakeJdk("jdk-11", "11.0.20");
        ProcessBuilder pb = new ProcessBuilder(DIST.resolve("bin/tcli").toString(), "--help");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("TCLI_JAVA", old.resolve("bin/java").toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("is Java 11.0.20; tcli needs 17 or newer"), out);
    }

    @Test
    void aJdkOlderThan17IsPassedOver() throws Exception {
        Path old = fakeJdk("jdk-11", "11.0.20");
        startup = "off";   // no training in the background of a temp HOME
        // JAVA_HOME is too old: the launcher looks elsewhere and finds a real JDK >= 17.
        List<String> argv = launch(old, "-o", "json", "version");
        String out = String.join("\n", argv);
        assertTrue(out.contains("\"startup_cache\" : \"off (TCLI_STARTUP=off)\""), out);
        assertFalse(out.contains("11.0.20"), out);
    }
}
