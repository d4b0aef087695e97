package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.core.startup.GlobalOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * The global options are declared once, as picocli {@code @Option}s ({@link GlobalOptions}, and
 * {@code -V} on {@link RootCommand}); the two fast readers of the command line are checked
 * against that declaration here: {@link GlobalOption} (what QuickScan reads, and how) and the
 * launcher's {@code run_profile} loop in {@code tcli-dist/src/main/dist/bin/tcli} (which options
 * take a value it must skip, which mean help). Adding an option and forgetting either fails here.
 */
class GlobalGrammarTest {

    /** Spelling → takes a value, as picocli has it. */
    private static Map<String, Boolean> picocli() {
        Map<String, Boolean> names = new TreeMap<>();
        for (OptionSpec o : new CommandLine(new RootCommand(new GlobalOptions())).getCommandSpec().options()) {
            for (String n : o.names()) {
                names.put(n, o.arity().max() > 0);
            }
        }
        return names;
    }

    private static List<String> picocliHelpNames() {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : new CommandLine(new RootCommand(new GlobalOptions())).getCommandSpec().options()) {
            if (o.usageHelp() || o.versionHelp()) {
                names.addAll(List.of(o.names()));
            }
        }
        return names;
    }

    @Test
    void quickScansTableIsPicocliDeclaration() {
        Map<String, Boolean> table = new TreeMap<>();
        for (GlobalOption o : GlobalOption.values()) {
            for (String n : o.names()) {
                table.put(n, o.takesValue());
            }
        }
        assertEquals(picocli(), table, "GlobalOption (QuickScan's spellings) must match GlobalOptions' @Option names and arity");
    }

    @Test
    void quickScanReadsEverySpellingAsPicocliDoes() {
        for (GlobalOption o : GlobalOption.values()) {
            for (String n : o.names()) {
                String[] line = o.takesValue() ? new String[] {n, "json", "oncall", "who"} : new String[] {n, "oncall", "who"};
                RootCommand quick = new RootCommand(new GlobalOptions());
                assertTrue(quick.quickScan(line), String.join(" ", line));
                QuickScanTest.assertSame(QuickScanTest.picocli(line), quick, String.join(" ", line));
                if (o.takesValue() && n.startsWith("--")) {
                    String[] joined = {n + "=json", "oncall"};
                    RootCommand q2 = new RootCommand(new GlobalOptions());
                    assertTrue(q2.quickScan(joined), String.join(" ", joined));
                    QuickScanTest.assertSame(QuickScanTest.picocli(joined), q2, String.join(" ", joined));
                }
            }
        }
    }

    @Test
    void theLauncherSkipsTheValuesOfExactlyTheOptionsThatTakeOne() throws IOException {
        String runProfile = runProfile();
        TreeSet<String> skipped = casePatterns(runProfile, "skip=1");
        TreeSet<String> expected = new TreeSet<>();
        picocli().forEach((n, takesValue) -> {
            if (takesValue) {
                expected.add(n);
            }
        });
        assertEquals(expected, skipped, "bin/tcli run_profile: the case that sets skip=1 must list every global option taking a value");
    }

    @Test
    void theLauncherKnowsTheHelpAndVersionOptions() throws IOException {
        TreeSet<String> help = casePatterns(runProfile(), "profile=light; return");
        assertEquals(new TreeSet<>(picocliHelpNames()), help,
                "bin/tcli run_profile: the help/version case must list picocli's usageHelp and versionHelp options");
    }

    /** The body of the launcher's {@code run_profile} function. */
    private static String runProfile() throws IOException {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("tcli-dist"))) {
            p = p.getParent();
        }
        assertTrue(p != null, "the repository root above " + Path.of("").toAbsolutePath());
        String script = Files.readString(p.resolve("tcli-dist/src/main/dist/bin/tcli"));
        int start = script.indexOf("run_profile() {");
        assertTrue(start >= 0, "bin/tcli defines run_profile");
        int end = script.indexOf("\n}\n", start);
        return script.substring(start, end);
    }

    /** The option patterns ({@code -o|--output}) of the case branch whose action contains {@code action}. */
    private static TreeSet<String> casePatterns(String body, String action) {
        TreeSet<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\s*(-[-A-Za-z|]*)\\)(.*)$").matcher(body);
        while (m.find()) {
            if (m.group(2).contains(action)) {
                names.addAll(List.of(m.group(1).split("\\|")));
            }
        }
        assertTrue(!names.isEmpty(), "a case branch doing '" + action + "' in run_profile");
        return names;
    }
}
