package dev.tcli.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcli as a real process ({@code java ... dev.tcli.core.Main}), the way a user runs it: the
 * plugin inherits tcli's own file descriptors and the terminal's Ctrl-C.
 */
class ExecPluginProcessTest {
    private static final Path PERL = Path.of("/usr/bin/perl");

    @TempDir
    Path tmp;
    Path home;
    Path bin;
    Map<String, String> env;

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        bin = Files.createDirectories(tmp.resolve("bin"));
        env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("PATH", bin + ":/usr/local/bin:/usr/bin:/bin");
        env.put("TZ", "UTC");
        env.put("LANG", "C.UTF-8");
    }

    record Run(int exit, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }

    private List<String> tcli(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("dev.tcli.core.Main");
        cmd.addAll(List.of(args));
        return cmd;
    }

    private Process start(List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    private Run run(String stdin, String... args) throws Exception {
        return finish(start(tcli(args)), stdin);
    }

    private static Run finish(Process p, String stdin) throws Exception {
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the plugin did not read its stdin: fine
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tcli did not finish");
        return new Run(p.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                in.transferTo(b);
                return b.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "<" + e + ">";
            }
        });
    }

    @Test
    void argvStdinEnvAndExitCodeGoStraightThrough() throws Exception {
        env.put("TCLI_PAGERDUTY_TOKEN", "s3cret-pd");
        env.put("TCLI_STATUSPAGE_TOKEN", "s3cret-sp");
        env.put("PLAIN_VAR", "kept");
        Scripts.executable(bin, "tcli-hello", Scripts.PRINT_ARGS + "read line\necho \"stdin [$line]\"\n" + Scripts.PRINT_ENV
                + "echo 'to stderr' >&2\nexit 7\n");

        Run r = run("typed by the user\n", "--profile", "live", "hello", "two words", "it's \"quoted\"", "$HOME", "--help");

        assertEquals(7, r.exit(), r.toString());
        String expected = "[two words]\n[it's \"quoted\"]\n[$HOME]\n[--help]\n"
                + "stdin [typed by the user]\n"
                + "PLAIN_VAR=kept\n"
                + "TCLI_OUTPUT=table\n"
                + "TCLI_PROFILE=live\n"
                + "TCLI_VERSION=" + dev.tcli.core.Tcli.version() + "\n";
        assertEquals(expected, r.stdout(), r.toString());
        assertEquals("to stderr\n", r.stderr(), r.toString());
        assertFalse(r.stdout().contains("s3cret"), r.toString());
    }

    @Test
    void configAndOutputReachThePlugin() throws Exception {
        Path config = home.resolve(".config/tcli/config.toml");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "default_profile = \"acceptance\"\n");
        Scripts.executable(bin, "tcli-hello", "echo \"$TCLI_PROFILE $TCLI_OUTPUT $TCLI_CONFIG\"\n");
        Run r = run("", "-o", "jsonl", "hello");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("acceptance jsonl " + config + "\n", r.stdout());
    }

    @Test
    void helpListsPluginsAndWarnsAboutShadowingAndPermissions() throws Exception {
        Path later = Files.createDirectories(tmp.resolve("later"));
        env.put("PATH", bin + ":" + later + ":/usr/bin:/bin");
        Scripts.executable(bin, "tcli-hello", "# tcli-description: Say hello\necho first\n");
        Scripts.executable(later, "tcli-hello", "echo second\n");
        Scripts.write(bin, "tcli-draft", "#!/bin/sh\n", "rw-r--r--");
        Scripts.executable(bin, "tcli-builtin", "echo impostor\n");

        Run help = run("", "--help");
        assertEquals(0, help.exit(), help.toString());
        assertTrue(help.stdout().contains("Plugins (PATH):\n"), help.toString());
        assertTrue(help.stdout().matches("(?s).*\n  hello +Say hello\n.*"), help.toString());
        assertTrue(help.stderr().contains("warning: tcli-hello in " + later + " is shadowed by " + bin.resolve("tcli-hello")
                + " (earlier on PATH)"), help.toString());
        assertTrue(help.stderr().contains("warning: tcli-draft in " + bin + " is not executable; run 'chmod +x "
                + bin.resolve("tcli-draft") + "'"), help.toString());
        assertTrue(help.stderr().contains("is shadowed by the built-in module 'builtin'"), help.toString());

        assertEquals("first\n", run("", "hello").stdout());
        assertEquals("the built-in ran\n", run("", "builtin").stdout());
    }

    /**
     * Ctrl-C at a terminal: SIGINT to the whole foreground process group. tcli must stay out of
     * the way and pass on what the plugin makes of it. The group is made with perl's setpgrp
     * (which also un-ignores SIGINT, in case the build itself runs in the background where a
     * shell ignores it), so the test can signal it exactly as a terminal would.
     */
    @Test
    void ctrlCGoesToThePluginAndItsExitCodeComesBack() throws Exception {
        assumeTrue(Files.isExecutable(PERL), "perl is needed to give tcli its own process group");
        Path ready = tmp.resolve("ready");
        // The pause after the trap makes a tcli that did NOT ignore SIGINT lose the race
        // visibly (exit 130 before the plugin's 42); it is not a timing assertion.
        Scripts.executable(bin, "tcli-wait", "trap 'echo \"plugin: caught INT\"; sleep 0.5; exit 42' INT\n"
                + "echo $$ > " + ready + ".tmp && mv " + ready + ".tmp " + ready + "\n"
                + "while :; do sleep 1; done\n");
        List<String> cmd = new ArrayList<>(List.of(PERL.toString(), "-e", "$SIG{INT} = 'DEFAULT'; setpgrp(0, 0); exec @ARGV or die \"exec: $!\""));
        cmd.addAll(tcli("wait"));
        Process p = start(cmd);
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        p.getOutputStream().close();

        ExecPluginTest.awaitFile(ready);
        Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + p.pid()).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -INT -" + p.pid());

        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tcli did not finish after Ctrl-C");
        Run r = new Run(p.exitValue(), out.get(30, TimeUnit.SECONDS), err.get(30, TimeUnit.SECONDS));
        assertEquals(42, r.exit(), r.toString());
        assertEquals("plugin: caught INT\n", r.stdout(), r.toString());
    }

    @Test
    void aPluginKilledByCtrlCGives130() throws Exception {
        assumeTrue(Files.isExecutable(PERL), "perl is needed to give tcli its own process group");
        Path ready = tmp.resolve("ready");
        Scripts.executable(bin, "tcli-wait", "echo $$ > " + ready + ".tmp && mv " + ready + ".tmp " + ready + "\n"
                + "exec sleep 600\n");
        List<String> cmd = new ArrayList<>(List.of(PERL.toString(), "-e", "$SIG{INT} = 'DEFAULT'; setpgrp(0, 0); exec @ARGV or die \"exec: $!\""));
        cmd.addAll(tcli("wait"));
        Process p = start(cmd);
        CompletableFuture<String> err = read(p.getErrorStream());
        read(p.getInputStream());
        p.getOutputStream().close();

        ExecPluginTest.awaitFile(ready);
        assertEquals(0, new ProcessBuilder("kill", "-INT", "--", "-" + p.pid()).start().waitFor());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tcli did not finish after Ctrl-C");
        assertEquals(130, p.exitValue(), err.get(30, TimeUnit.SECONDS));
    }

    @Test
    void terminatingTcliTakesThePluginWithIt() throws Exception {
        Path ready = tmp.resolve("ready");
        Path stopped = tmp.resolve("stopped");
        Scripts.executable(bin, "tcli-wait", "trap 'echo TERM > " + stopped + "; exit 143' TERM\n"
                + "touch " + ready + "\n"
                + "while :; do sleep 1; done\n");
        Process p = start(tcli("wait"));
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        p.getOutputStream().close();

        ExecPluginTest.awaitFile(ready);
        assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tcli did not stop on SIGTERM");
        ExecPluginTest.awaitFile(stopped); // the plugin got SIGTERM from tcli, not left running
    }
}
