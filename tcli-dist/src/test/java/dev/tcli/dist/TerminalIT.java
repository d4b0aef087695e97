package dev.tcli.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a person sees: the built launcher run in a real terminal (tmux, see {@link Tmux}) at
 * 60, 80 and 120 columns against the sandbox, asserting on the screen as shown, not on
 * captured streams.
 */
class TerminalIT {
    /**
     * Not JUnit's @TempDir: the sandbox's background work (its git repo) may still be finishing
     * in HOME when the session is killed, and a failed cleanup would fail a passing test.
     */
    Path tmp;

    @org.junit.jupiter.api.BeforeEach
    void tmp() throws java.io.IOException {
        tmp = java.nio.file.Files.createTempDirectory("tcli-terminal-it");
    }

    @org.junit.jupiter.api.AfterEach
    void cleanUp() {
        Tmux.deleteQuietly(tmp);
    }

    private static List<String> rows(String screen) {
        return screen.lines().toList();
    }

    /** A row that fills the terminal to its last column is a row that wrapped (or nearly). */
    private static void noRowWraps(List<String> rows, int width, String what) {
        for (String r : rows) {
            assertTrue(r.codePointCount(0, r.length()) < width, what + ": a row fills the whole width (wrapped?): " + r);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 120})
    void onboardCheckShowsEveryCheckOnItsOwnRowAtAnyWidth(int width) throws Exception {
        try (Tmux t = Tmux.start(width, 50, tmp.resolve("home"))) {
            String screen = t.runToEnd("tcli --profile sandbox onboard check", 90);
            List<String> rows = rows(screen);
            Matcher m = Pattern.compile("(\\d+) passed, (\\d+) failed, (\\d+) skipped").matcher(screen);
            assertTrue(m.find(), screen);
            int total = Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3));
            List<String> checks = rows.stream().filter(r -> r.matches("^(✔|✘|skip) +[a-z][a-z -]*: .*|^(✔|✘|skip) +[a-z][a-z -]*:?$")).toList();
            // the config check is printed before the live block, the rest inside it: all of them, once each
            assertEquals(total, checks.size(), screen);
            assertEquals(total, checks.stream().map(r -> r.replaceFirst("^\\S+ +", "").replaceFirst(":.*", "")).distinct().count(), screen);
            assertFalse(rows.stream().anyMatch(r -> r.startsWith("…")), "a pending marker was left behind:\n" + screen);
            noRowWraps(rows.subList(2, rows.size()), width, screen);
            assertTrue(screen.contains("[end 0]"), screen);
        }
    }

    @Test
    void logsSearchClearsItsProgressLineBeforeTheResults() throws Exception {
        try (Tmux t = Tmux.start(80, 50, tmp.resolve("home"))) {
            String screen = t.runToEnd("tcli --profile sandbox logs search error --since 2h --limit 5", 90);
            List<String> rows = rows(screen);
            assertFalse(screen.contains("searching:"), "the progress line is still on screen:\n" + screen);
            int header = indexOf(rows, r -> r.startsWith("TIME "));
            assertTrue(header > 0, screen);
            for (int i = header + 1; i <= header + 5; i++) {
                assertTrue(rows.get(i).matches("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d.*"), "not a result row: " + rows.get(i) + "\n" + screen);
            }
            assertTrue(rows.stream().anyMatch(r -> r.matches("^search [A-Z ]+: .* found in .*")), screen);
            noRowWraps(rows.subList(header, header + 6), 80, screen);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 120})
    void incidentsFitTheTerminalOneRowPerIncident(int width) throws Exception {
        try (Tmux t = Tmux.start(width, 50, tmp.resolve("home"))) {
            String counted = t.runToEnd("tcli --profile sandbox -o jsonl oncall incidents | wc -l", 60);
            List<String> c = rows(counted);
            int expected = Integer.parseInt(c.get(indexOf(c, r -> r.startsWith("[end ")) - 1).strip());
            assertTrue(expected > 0, counted);
            String screen = t.runToEnd("tcli --profile sandbox oncall incidents", 60);
            List<String> rows = rows(screen);
            int header = indexOf(rows, r -> r.startsWith("ID "));
            assertTrue(header > 0, screen);
            List<String> table = rows.subList(header + 1, header + 1 + expected);
            for (String r : table) {
                assertTrue(r.matches("^[A-Z0-9]{6,} +\\d+ +(triggered|acknowledged|resolved) .*"), "not one incident per row: " + r + "\n" + screen);
            }
            assertTrue(rows.get(header + 1 + expected).startsWith("[end 0]"), screen);
            noRowWraps(rows.subList(header, header + 1 + expected), width, screen);
            // IDs are what the next command needs: never cut
            for (String r : table) {
                assertFalse(r.split(" ")[0].contains("…"), r);
            }
        }
    }

    @Test
    void confirmationAnsweredNoDoesNothing() throws Exception {
        try (Tmux t = Tmux.start(80, 30, tmp.resolve("home"))) {
            t.run("clear");
            t.waitFor(s -> s.strip().equals("$"), 10);
            t.run("tcli --profile sandbox oncall ack; echo \"[end $?]\"");
            t.waitFor(s -> s.contains("[y/N]"), 60);
            t.run("n");
            String screen = t.waitFor(s -> s.lines().anyMatch(l -> l.startsWith("[end ")), 30);
            assertTrue(screen.contains("tcli: not confirmed; nothing was done\n[end 1]"), screen);
        }
    }

    @Test
    void ctrlCAtAConfirmationEndsTheLineAndExits130() throws Exception {
        try (Tmux t = Tmux.start(80, 30, tmp.resolve("home"))) {
            t.run("clear");
            t.waitFor(s -> s.strip().equals("$"), 10);
            t.run("tcli --profile sandbox oncall ack; echo \"[end $?]\"");
            t.waitFor(s -> s.contains("[y/N]"), 60);
            t.keys("C-c");
            String screen = t.waitFor(s -> s.lines().anyMatch(l -> l.startsWith("[end ")), 30);
            List<String> rows = rows(screen);
            int asked = indexOf(rows, r -> r.contains("[y/N]"));
            assertTrue(rows.get(asked).matches(".*\\[y/N] (\\^C)?$"), screen);
            assertEquals("tcli: not confirmed; nothing was done", rows.get(asked + 1), screen);
            assertEquals("[end 130]", rows.get(asked + 2), screen);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {60, 120})
    void bashCompletesModulesAfterGlobalOptionsAndFormatsInLowerCase(int width) throws Exception {
        try (Tmux t = Tmux.start(width, 30, tmp.resolve("home"))) {
            t.run("source <(tcli completion bash) && clear");
            t.waitFor(s -> s.strip().equals("$"), 30);
            t.type("tcli --profile sandbox onc");
            t.keys("Tab");
            t.waitFor(s -> s.endsWith("$ tcli --profile sandbox oncall"), 30);
            t.type("inc");
            t.keys("Tab");
            t.waitFor(s -> s.endsWith("$ tcli --profile sandbox oncall incidents"), 30);
            t.keys("C-u");
            t.type("tcli -v onc");
            t.keys("Tab");
            t.waitFor(s -> s.endsWith("$ tcli -v oncall"), 30);
            t.keys("C-u");
            t.type("tcli -o j");
            t.keys("Tab");
            t.waitFor(s -> s.endsWith("$ tcli -o json"), 30);
            t.keys("Tab", "Tab");
            String screen = t.waitFor(s -> s.contains("jsonl"), 30);
            assertTrue(screen.lines().anyMatch(l -> l.matches("json +jsonl *")), screen);
            t.keys("C-u");
            t.type("tcli --profile sa");
            t.keys("Tab");
            t.waitFor(s -> s.endsWith("$ tcli --profile sandbox"), 30);
            // profiles from the config file, files for --config
            t.keys("C-u");
            t.run("mkdir -p ~/.config/tcli && printf '[profiles.staging-eu]\\n[profiles.live]\\n' > ~/.config/tcli/config.toml && clear");
            t.waitFor(s -> s.strip().equals("$"), 10);
            t.type("tcli --profile st");
            t.keys("Tab");
            t.waitFor(s -> s.endsWith("$ tcli --profile staging-eu"), 30);
            t.keys("C-u");
            t.type("tcli --config ~/.config/tcli/con");
            t.keys("Tab");
            t.waitFor(s -> s.endsWith("/.config/tcli/config.toml"), 30);
            // exec plugins as they are on PATH at the time of the TAB
            t.keys("C-u");
            t.run("mkdir -p ~/bin && printf '#!/bin/sh\\n' > ~/bin/tcli-hello && chmod +x ~/bin/tcli-hello && PATH=~/bin:$PATH && clear");
            t.waitFor(s -> s.strip().equals("$"), 10);
            t.type("tcli -q hel");
            t.keys("Tab");
            t.waitFor(s -> s.endsWith("$ tcli -q hello"), 30);
        }
    }

    @Test
    void ctrlCDuringASearchSaysSoOnALineOfItsOwn() throws Exception {
        try (Tmux t = Tmux.start(80, 30, tmp.resolve("home"))) {
            t.run("clear");
            t.waitFor(s -> s.strip().equals("$"), 10);
            t.run("tcli --profile sandbox logs search error --since 7d; echo \"[end $?]\"");
            // as soon as the command is under way (the sandbox says so first)
            t.waitFor(s -> s.contains("tcli: SANDBOX"), 60);
            t.keys("C-c");
            String screen = t.waitFor(s -> s.lines().anyMatch(l -> l.startsWith("[end ")), 30);
            List<String> rows = rows(screen).stream().filter(r -> !r.isBlank()).toList();
            int end = indexOf(rows, r -> r.startsWith("[end "));
            assertEquals("[end 130]", rows.get(end), screen);
            assertTrue(rows.get(end - 1).startsWith("tcli: interrupted"), screen);
            assertFalse(screen.contains("searching:"), "the progress line is erased:\n" + screen);
        }
    }

    @Test
    void logsTailEndsWhenItsReaderHasGone() throws Exception {
        try (Tmux t = Tmux.start(80, 30, tmp.resolve("home"))) {
            String screen = t.runToEnd("tcli --profile sandbox -o jsonl logs tail error --since 10m --interval 1s | head -1 | cut -c1-40", 90);
            assertTrue(screen.lines().anyMatch(l -> l.startsWith("{")), screen);
            assertTrue(screen.lines().anyMatch(l -> l.equals("[end 0]")), screen);
        }
    }

    @Test
    void typosAndBareWordsAreOneLineWithTheHint() throws Exception {
        try (Tmux t = Tmux.start(80, 40, tmp.resolve("home"))) {
            String typo = t.runToEnd("tcli oncall ak", 60);
            assertTrue(typo.contains("\ntcli: 'ak' is not a verb of 'tcli oncall'. Did you mean: ack?\nSee 'tcli oncall --help'.\n[end 2]"), typo);
            String alone = t.runToEnd("tcli oncall | head -5", 60);
            assertTrue(alone.contains("Usage: tcli oncall"), alone);
            String help = t.runToEnd("tcli oncall help | head -3", 60);
            assertTrue(help.contains("Usage: tcli oncall"), help);
            assertFalse(help.contains("schedule?"), help);
        }
    }

    private static int indexOf(List<String> rows, java.util.function.Predicate<String> p) {
        for (int i = 0; i < rows.size(); i++) {
            if (p.test(rows.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
