package dev.tcli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.core.GlobalOptionsAccess;
import dev.tcli.core.Tcli;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** docs/design.md §2: every module and every verb answers --help, with an example. */
class EveryCommandTest {
    @TempDir
    Path tmp;

    static List<CommandLine> walk(CommandLine cl) {
        List<CommandLine> out = new ArrayList<>();
        out.add(cl);
        for (CommandLine sub : cl.getSubcommands().values()) {
            out.addAll(walk(sub));
        }
        return out;
    }

    @Test
    void everyCommandHasADescriptionAndAnExample() {
        CommandLine root = Tcli.fullTree(GlobalOptionsAccess.context(tmp));
        List<String> missing = new ArrayList<>();
        int count = 0;
        for (CommandLine cl : walk(root)) {
            var spec = cl.getCommandSpec();
            if (spec.parent() == null || spec.usageMessage().description().length == 0 && spec.userObject() == null) {
                continue; // the root, and exec plugins (their help is their own)
            }
            if (spec.userObject() == null) {
                continue;
            }
            count++;
            String name = spec.qualifiedName();
            if (spec.usageMessage().description().length == 0) {
                missing.add(name + ": no description");
            }
            String footer = String.join("\n", spec.usageMessage().footer());
            if (!footer.contains("tcli ")) {
                missing.add(name + ": no example in the footer");
            }
        }
        assertTrue(count > 20, "expected every module's commands, found " + count);
        assertEquals(List.of(), missing);
    }

    @Test
    void everyCommandAnswersHelp() {
        var t = new TcliHarness(tmp);
        CommandLine root = Tcli.fullTree(GlobalOptionsAccess.context(tmp));
        for (CommandLine cl : walk(root)) {
            var spec = cl.getCommandSpec();
            if (spec.parent() == null || spec.userObject() == null) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of(spec.qualifiedName().split(" ")).subList(1,
                    spec.qualifiedName().split(" ").length));
            args.add("--help");
            var r = t.run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), spec.qualifiedName() + " --help: " + r);
            assertTrue(r.stdout().contains("Usage: " + spec.qualifiedName()), r.toString());
            assertFalse(r.stderr().contains("Exception"), r.toString());
            // a ${...} picocli could not resolve prints "null" ("null/_tcli")
            assertFalse(r.stdout().contains("null/"), r.toString());
            // picocli formats help text with String.format: a lone % makes it print a WARN and the raw text
            List<String> texts = new ArrayList<>(List.of(spec.usageMessage().footer()));
            texts.addAll(List.of(spec.usageMessage().description()));
            for (String text : texts) {
                try {
                    String.format(text);
                } catch (java.util.IllegalFormatException e) {
                    org.junit.jupiter.api.Assertions.fail(spec.qualifiedName() + ": help text is not a format string (escape % as %%): " + text);
                }
            }
        }
    }

    @Test
    void theSandboxProfileSaysBuiltInOnce() {
        var r = new TcliHarness(tmp).run("config", "profiles", "-o", "json");
        assertEquals(0, r.exit(), r.toString());
        String source = null;
        for (var p : r.json()) {
            if (p.get("name").asText().equals("sandbox")) {
                source = p.get("source").asText();
            }
        }
        assertTrue(source != null && source.startsWith("built in: ") && !source.contains("built in: built in"), r.toString());
    }

    @Test
    void rootHelpListsEveryBuiltInModule() {
        var r = new TcliHarness(tmp).run("--help");
        assertEquals(0, r.exit(), r.toString());
        for (String m : List.of("oncall", "status", "logs", "ssh", "hab", "onboard", "team", "web", "sandbox", "config", "plugins")) {
            assertTrue(r.stdout().contains("\n  " + m + " "), m + " missing from:\n" + r.stdout());
        }
    }

    @Test
    void readmeFirstCommandWorksOnAFreshHome() {
        var r = new TcliHarness(tmp).run("--profile", "sandbox", "oncall", "incidents");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stderr().contains("SANDBOX"), r.toString());
        assertFalse(r.stdout().isBlank(), r.toString());
    }

    @Test
    void noConfigNoProfileSaysWhatToDo() {
        var r = new TcliHarness(tmp).run("oncall", "incidents");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("tcli config init") && r.stderr().contains("--profile sandbox"), r.toString());
    }
}
