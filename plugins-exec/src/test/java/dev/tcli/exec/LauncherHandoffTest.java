package dev.tcli.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan tcli hands to bin/tcli instead of starting an exec plugin, carried out by a real bash
 * the way the launcher does it: the plugin must get exactly the argv and environment tcli's own
 * start would have given it, whatever the words hold.
 */
class LauncherHandoffTest {
    @TempDir
    Path tmp;

    /** A plugin that writes its argv, then its environment, NUL-separated, into the file in $OUT. */
    Path plugin() throws IOException {
        Path p = tmp.resolve("tcli-probe");
        Files.writeString(p, "#!/bin/sh\nout=$REPORT_TO\n{ printf '%s\\0' \"$0\" \"$@\"; printf 'ENV\\0'; env -0; } > \"$out\"\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }

    record Seen(List<String> argv, Map<String, String> env) {
    }

    /** bash with exactly {@code current} as its environment evaluates the plan and execs, as bin/tcli does. */
    Seen carryOut(String plan, Map<String, String> current) throws Exception {
        Path report = tmp.resolve("report");
        Path planFile = tmp.resolve("plan");
        Files.writeString(planFile, plan, StandardCharsets.UTF_8);
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c",
                "p=$(cat \"$1\"); case \"$p\" in 'set -- '*': tcli-exec-plan-end') eval \"$p\" && exec \"$@\" ;; esac; exit 99",
                "launcher", planFile.toString());
        pb.environment().clear();
        pb.environment().putAll(current);
        pb.environment().put("REPORT_TO", report.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        List<String> words = Arrays.asList(Files.readString(report, StandardCharsets.UTF_8).split("\0", -1));
        int mark = words.indexOf("ENV");
        Map<String, String> env = new TreeMap<>();
        for (String kv : words.subList(mark + 1, words.size())) {
            if (!kv.isEmpty()) {
                env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        // what the shells add themselves, not tcli's business
        env.keySet().removeAll(List.of("PWD", "SHLVL", "_", "OLDPWD", "REPORT_TO"));
        return new Seen(new ArrayList<>(words.subList(0, mark)), env);
    }

    @Test
    void thePluginGetsTheArgvAndEnvironmentTcliComputedWhateverTheyHold() throws Exception {
        Path plugin = plugin();
        List<String> argv = List.of(plugin.toString(), "a b", "it's", "$HOME", "*", "", "line\nbreak", "--x='y'", "ünïcødé", "\\", "`id`");
        Map<String, String> current = new LinkedHashMap<>();
        current.put("PATH", "/usr/bin:/bin");
        current.put("HOME", tmp.toString());
        current.put("TCLI_PAGERDUTY_TOKEN", "s3cr3t");
        current.put("TCLI_TTY", "111");
        current.put("KEEP", "as it was");
        Map<String, String> env = new TreeMap<>(current);
        env.remove("TCLI_PAGERDUTY_TOKEN");
        env.remove("TCLI_TTY");
        env.put("TCLI_OUTPUT", "json");
        env.put("TCLI_PROFILE", "it's $(not run)\nsecond line");

        String plan = LauncherHandoff.plan(argv, current, env).orElseThrow();
        assertFalse(plan.contains("s3cr3t"), "a secret is only ever named, to be unset");
        Seen seen = carryOut(plan, current);
        assertEquals(argv, seen.argv());
        assertEquals(env, seen.env());
    }

    @Test
    void whatShellCannotSayIsLeftToTheJvm() throws Exception {
        Path plugin = plugin();
        Map<String, String> current = Map.of("PATH", "/bin", "odd-name", "x");
        assertTrue(LauncherHandoff.plan(List.of(plugin.toString()), current, Map.of("PATH", "/bin")).isEmpty(),
                "a variable bash cannot unset");
        assertTrue(LauncherHandoff.plan(List.of(plugin.toString()), Map.of("PATH", "/bin"), Map.of("PATH", "/bin", "a-b", "1")).isEmpty());
        assertTrue(LauncherHandoff.plan(List.of(plugin.toString()), current, current).isPresent(), "passed through unchanged: nothing to say");
    }

    @Test
    void offeredOnlyWhenTheLauncherAsked() throws Exception {
        Path plugin = plugin();
        Path channel = Files.createFile(tmp.resolve("channel"));
        Map<String, String> env = Map.of("PATH", "/bin");
        assertFalse(LauncherHandoff.offer(List.of(plugin.toString()), env, env), "no TCLI_EXEC_PLAN: not under bin/tcli");

        Map<String, String> asked = Map.of("PATH", "/bin", LauncherHandoff.VARIABLE, channel.toString());
        assertTrue(LauncherHandoff.offer(List.of(plugin.toString(), "x"), asked, env));
        String plan = Files.readString(channel);
        assertTrue(plan.startsWith("set -- '" + plugin + "' 'x'\n"), plan);
        assertTrue(plan.contains("unset -v " + LauncherHandoff.VARIABLE + "\n"), plan);
        assertTrue(plan.endsWith(LauncherHandoff.END + "\n"), plan);

        assertFalse(LauncherHandoff.offer(List.of(plugin.toString()), Map.of(LauncherHandoff.VARIABLE, tmp.resolve("no/such/dir").toString()), env),
                "nowhere to write: tcli starts the plugin itself");
    }
}
