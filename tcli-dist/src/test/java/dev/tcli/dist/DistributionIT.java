package dev.tcli.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged distribution as a user meets it: scripts/install.sh and scripts/uninstall.sh
 * against a temporary prefix and HOME, the release archive unpacked and run, and the
 * launcher's startup cache. Runs after {@code package} (integration-test phase), on
 * target/tcli and target/tcli-VERSION.tar.gz.
 */
class DistributionIT {
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path DIST = MODULE.resolve("target/tcli");
    static final Path SCRIPTS = MODULE.resolveSibling("scripts");

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** A process with HOME (and nothing XDG) pointed into the temp dir. */
    Run run(Map<String, String> extraEnv, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("XDG_") || k.startsWith("TCLI_"));
        env.put("HOME", tmp.resolve("home").toString());
        env.putAll(extraEnv);
        Files.createDirectories(tmp.resolve("home"));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !Files.isDirectory(p)).toList();
        }
    }

    static List<Path> everythingUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).toList();
        }
    }

    @Test
    void installThenUninstallUnderAPrefixLeavesNothingBehind() throws Exception {
        Path prefix = tmp.resolve("prefix");
        Run install = run(Map.of(), SCRIPTS.resolve("install.sh").toString(), "--prefix", prefix.toString(), "--dist", DIST.toString());
        assertEquals(0, install.exit(), install.toString());
        assertTrue(install.out().contains("installed tcli"), install.toString());
        assertTrue(install.out().contains("startup cache: "), install.toString());
        // the training takes a while: install.sh says so before it starts
        assertTrue(install.out().contains("startup cache: preparing"), install.toString());
        boolean bashCompletion = Files.exists(Path.of("/usr/share/bash-completion/bash_completion"))
                || Files.exists(Path.of("/etc/bash_completion"));
        assertEquals(!bashCompletion, install.out().contains("bash-completion is not installed"), install.toString());

        Path tcli = prefix.resolve("bin/tcli");
        assertTrue(Files.isSymbolicLink(tcli), "bin/tcli is a link into lib/tcli");
        Run help = run(Map.of(), tcli.toString(), "--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().contains("oncall"), help.toString());

        // The cache prepared at install time is the one this install uses.
        Run version = run(Map.of(), tcli.toString(), "-o", "json", "version");
        assertEquals(0, version.exit(), version.toString());
        JsonNode v = new ObjectMapper().readTree(version.out());
        String cache = v.get("startup_cache").asText();
        assertTrue(cache.startsWith("aot ") || cache.startsWith("cds "), cache);
        assertFalse(cache.contains("NOT in use"), cache);
        assertTrue(cache.contains(tmp.resolve("home/.cache/tcli/startup").toString()), cache);

        Path page = prefix.resolve("share/man/man1/tcli-oncall-ack.1");
        assertTrue(Files.isRegularFile(page));
        if (hasMan()) {
            Run man = run(Map.of(), "man", "-M", prefix.resolve("share/man").toString(), "-w", "tcli-oncall-ack");
            assertEquals(0, man.exit(), man.toString());
            assertEquals(page.toRealPath().toString(), Path.of(man.out().strip()).toRealPath().toString());
        }
        assertTrue(Files.isRegularFile(prefix.resolve("share/bash-completion/completions/tcli")));
        assertTrue(Files.isRegularFile(prefix.resolve("share/zsh/site-functions/_tcli")));

        // Installing again over it (an upgrade) and then uninstalling still leaves nothing.
        Run again = run(Map.of(), SCRIPTS.resolve("install.sh").toString(), "--prefix", prefix.toString(), "--dist", DIST.toString(), "--no-cache");
        assertEquals(0, again.exit(), again.toString());

        Run uninstall = run(Map.of(), SCRIPTS.resolve("uninstall.sh").toString(), "--prefix", prefix.toString());
        assertEquals(0, uninstall.exit(), uninstall.toString());
        assertFalse(Files.exists(prefix), "prefix created by install.sh is gone: " + everythingUnderOrNone(prefix));
        assertEquals(List.of(), everythingUnder(tmp.resolve("home")), "HOME is as it was");

        Run twice = run(Map.of(), SCRIPTS.resolve("uninstall.sh").toString(), "--prefix", prefix.toString());
        assertEquals(1, twice.exit(), twice.toString());
        assertTrue(twice.err().contains("no tcli installed"), twice.toString());
    }

    @Test
    void defaultPrefixIsDotLocalInHome() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve(".local/bin"));   // an existing dir is not removed
        Run install = run(Map.of(), SCRIPTS.resolve("install.sh").toString(), "--dist", DIST.toString(), "--no-cache");
        assertEquals(0, install.exit(), install.toString());
        assertTrue(Files.exists(home.resolve(".local/bin/tcli")));
        assertTrue(Files.isRegularFile(home.resolve(".local/share/man/man1/tcli-oncall-ack.1")));
        Run r = run(Map.of("TCLI_STARTUP", "off"), home.resolve(".local/bin/tcli").toString(), "plugins", "list");
        assertEquals(0, r.exit(), r.toString());

        Run uninstall = run(Map.of(), SCRIPTS.resolve("uninstall.sh").toString());
        assertEquals(0, uninstall.exit(), uninstall.toString());
        assertEquals(List.of(home.resolve(".local"), home.resolve(".local/bin")), everythingUnder(home));
    }

    @Test
    void releaseArchiveRunsAfterUnpackingWithAJdkOnPath() throws Exception {
        Path archive;
        try (Stream<Path> s = Files.list(MODULE.resolve("target"))) {
            archive = s.filter(p -> p.getFileName().toString().matches("tcli-.*\\.tar\\.gz")).findFirst().orElseThrow();
        }
        Path unpacked = tmp.resolve("unpacked");
        Files.createDirectories(unpacked);
        Run tar = run(Map.of(), "tar", "-xzf", archive.toString(), "-C", unpacked.toString());
        assertEquals(0, tar.exit(), tar.toString());
        Path top;
        try (Stream<Path> s = Files.list(unpacked)) {
            top = s.findFirst().orElseThrow();
        }
        for (String need : List.of("bin/tcli", "lib/BUILD_ID", "lib/BUILD_INFO", "man/man1/tcli-oncall-ack.1",
                "completion/tcli.bash", "completion/_tcli")) {
            assertTrue(Files.exists(top.resolve(need)), need + " in " + archive);
        }
        assertTrue(Files.isExecutable(top.resolve("bin/tcli")));
        // Only a JDK on PATH: the one running this test.
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        Map<String, String> env = new HashMap<>();
        env.put("PATH", javaBin + ":/usr/bin:/bin");
        env.put("JAVA_HOME", "");
        env.put("TCLI_STARTUP", "off");
        Run help = run(env, top.resolve("bin/tcli").toString(), "--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.out().contains("Built-in:"), help.toString());
        Run sandbox = run(env, top.resolve("bin/tcli").toString(), "--profile", "sandbox", "-o", "json", "oncall", "incidents");
        assertEquals(0, sandbox.exit(), sandbox.toString());
        assertTrue(new ObjectMapper().readTree(sandbox.out()).isArray(), sandbox.toString());
    }

    /** The sandbox issue's promise: an ack in one tcli process is what the next process sees. */
    @Test
    void anAckInOneProcessIsSeenByTheNext() throws Exception {
        Map<String, String> env = Map.of("TCLI_STARTUP", "off");
        String tcli = DIST.resolve("bin/tcli").toString();
        assertEquals(0, run(env, tcli, "--profile", "sandbox", "sandbox", "reset").exit());
        Run open = run(env, tcli, "--profile", "sandbox", "-o", "json", "oncall", "incidents", "--status", "triggered");
        assertEquals(0, open.exit(), open.toString());
        String number = new ObjectMapper().readTree(open.out()).get(0).path("number").asText();
        Run ack = run(env, tcli, "--profile", "sandbox", "oncall", "ack", number);
        assertEquals(0, ack.exit(), ack.toString());
        Run after = run(env, tcli, "--profile", "sandbox", "-o", "json", "oncall", "incidents");
        assertEquals(0, after.exit(), after.toString());
        boolean acked = false;
        for (var i : new ObjectMapper().readTree(after.out())) {
            acked |= i.path("number").asText().equals(number) && i.path("status").asText().equals("acknowledged");
        }
        assertTrue(acked, "incident " + number + " acknowledged in a third process:\n" + after);
    }

    /** Every JDK >= 17 here: the launcher's choice, and each one forced with TCLI_JAVA. */
    static List<String> jdks() throws IOException {
        List<String> out = new ArrayList<>();
        out.add("");
        Path jvm = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvm)) {
            try (Stream<Path> s = Files.list(jvm)) {
                for (Path j : s.sorted().toList()) {
                    if (Files.isExecutable(j.resolve("bin/java")) && !Files.isSymbolicLink(j)) {
                        out.add(j.resolve("bin/java").toString());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void aBrokenStartupCacheCostsSpeedNeverOutput() throws Exception {
        Path tcli = DIST.resolve("bin/tcli");
        for (String java : jdks()) {
            Map<String, String> env = new HashMap<>();
            if (!java.isEmpty()) {
                env.put("TCLI_JAVA", java);
            }
            Run baseline = run(env, tcli.toString(), "-o", "json", "version");
            if (baseline.exit() != 0 && !java.isEmpty()) {
                continue;   // a JRE older than 17 in /usr/lib/jvm
            }
            env.put("TCLI_STARTUP", "prepare");
            Run prepare = run(env, tcli.toString(), "-o", "json", "version");   // the cache this command line uses
            assertEquals(0, prepare.exit(), java + ": " + prepare);
            String file = prepare.out().strip().substring(4);
            assertTrue(Files.size(Path.of(file)) > 0, file);
            env.remove("TCLI_STARTUP");

            Run good = run(env, tcli.toString(), "-o", "json", "version");
            assertEquals(0, good.exit(), good.toString());
            JsonNode v = new ObjectMapper().readTree(good.out());
            assertEquals(prepare.out().strip(), v.get("startup_cache").asText(), java);
            assertEquals("", good.err(), java + ": nothing on stderr with a good cache");

            Files.write(Path.of(file), "not an archive".getBytes(StandardCharsets.UTF_8));
            Run broken = run(env, tcli.toString(), "-o", "json", "version");
            assertEquals(0, broken.exit(), broken.toString());
            JsonNode b = new ObjectMapper().readTree(broken.out());   // stdout is still only the JSON
            assertTrue(b.get("startup_cache").asText().startsWith("aot ") || b.get("startup_cache").asText().startsWith("cds "));
            assertEquals("", broken.err(), java + ": the JVM's complaints about the cache stay off the terminal");
            // JDK 24+ maps no archive at all when the AOT cache is bad, which 'version' sees.
            if (Runtime.Version.parse(b.get("jdk").asText().replaceAll(".* ", "")).feature() >= 24) {
                assertTrue(b.get("startup_cache").asText().contains("NOT in use"), "version tells: " + b);
            }
            Files.delete(Path.of(file));   // the next JDK may be the same one
        }
    }

    @Test
    void manPagesCoverEveryCommand() throws Exception {
        Path man1 = DIST.resolve("man/man1");
        for (String page : List.of("tcli.1", "tcli-oncall.1", "tcli-oncall-ack.1", "tcli-oncall-incidents.1",
                "tcli-plugins-list.1", "tcli-version.1", "tcli-config-init.1")) {
            String text = Files.readString(man1.resolve(page));
            assertTrue(text.contains(".SH NAME"), page);
            assertTrue(text.contains(".SH SYNOPSIS"), page);
        }
        assertTrue(Files.readString(man1.resolve("tcli-oncall-ack.1")).contains("tcli oncall ack 1042"), "examples kept");
        if (hasMan()) {
            Run render = run(Map.of(), "man", "-l", "--warnings", man1.resolve("tcli-oncall-ack.1").toString());
            assertEquals(0, render.exit(), render.toString());
            assertTrue(render.out().contains("Acknowledge"), render.toString());
        }
    }

    /**
     * An exec plugin through the real launcher and JVM: tcli computes the plugin's argv and
     * environment, and bin/tcli execs the plugin in its own place (LauncherHandoff), so the
     * plugin is the very process that was started, with stdin, exit code and arguments intact.
     */
    @Test
    void anExecPluginReplacesTheLauncherWithWhatTcliComputed() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path report = tmp.resolve("report");
        Path plugin = bin.resolve("tcli-probe");
        Files.writeString(plugin, "#!/bin/sh\n{ echo \"pid $$\"; for a in \"$@\"; do echo \"arg [$a]\"; done; env | grep '^TCLI_' | sort;"
                + " echo \"stdin [$(cat)]\"; } > \"$REPORT\"\nexit 7\n");
        Files.writeString(bin.resolve("tcli-version"), "#!/bin/sh\necho shadowed plugin ran\n");
        for (String f : List.of("tcli-probe", "tcli-version")) {
            Files.setPosixFilePermissions(bin.resolve(f), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(tmp.resolve("in.txt"), "from stdin");
        ProcessBuilder pb = new ProcessBuilder(DIST.resolve("bin/tcli").toString(), "-o", "json", "probe", "a b", "it's", "$HOME", "*", "")
                .directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("XDG_") || k.startsWith("TCLI_"));
        env.put("HOME", Files.createDirectories(tmp.resolve("home")).toString());
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.put("REPORT", report.toString());
        env.put("TCLI_PAGERDUTY_TOKEN", "s3cr3t-token");
        pb.redirectInput(tmp.resolve("in.txt").toFile()).redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(7, p.exitValue(), "the plugin's own exit code: " + out);
        List<String> seen = Files.readAllLines(report);
        assertEquals("pid " + p.pid(), seen.get(0), "the plugin is the process that was started: " + seen);
        assertEquals(List.of("arg [a b]", "arg [it's]", "arg [$HOME]", "arg [*]", "arg []"), seen.subList(1, 6));
        assertTrue(seen.contains("TCLI_OUTPUT=json"), seen.toString());
        assertTrue(seen.stream().noneMatch(l -> l.contains("s3cr3t") || l.startsWith("TCLI_EXEC_PLAN") || l.startsWith("TCLI_TTY")),
                seen.toString());
        assertEquals("stdin [from stdin]", seen.get(seen.size() - 1));

        Run builtIn = run(Map.of("PATH", bin + ":/usr/bin:/bin"), DIST.resolve("bin/tcli").toString(), "version");
        assertEquals(0, builtIn.exit(), builtIn.toString());
        assertTrue(builtIn.out().startsWith("version:"), "the built-in wins the name: " + builtIn);
        assertFalse(builtIn.out().contains("shadowed plugin ran"), builtIn.toString());

    }

    /** man(1) is not on every CI image; the pages' files are checked either way. */
    static boolean hasMan() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "man"))) {
                return true;
            }
        }
        System.err.println("DistributionIT: no man(1) on PATH; man -M / man -l checks skipped");
        return false;
    }

    private static String everythingUnderOrNone(Path p) throws IOException {
        return Files.exists(p) ? everythingUnder(p).toString() : "none";
    }
}
