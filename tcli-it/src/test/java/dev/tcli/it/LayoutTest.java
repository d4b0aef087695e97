package dev.tcli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.core.GlobalOptionsAccess;
import dev.tcli.core.Tcli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The layout rule of docs/architecture.md, checked on the live command tree: a newcomer finds the
 * class of {@code tcli MODULE [SUBJECT] VERB} in one guess, {@code dev.tcli.MODULE.commands.SubjectVerbCommand}
 * (the module name in front where another module has the same verb), and every class name in the
 * tree is unique, so a file search for it finds one file.
 */
class LayoutTest {
    /** The kernel's own modules live in the core. */
    private static final Set<String> CORE_MODULES = Set.of("config", "plugins", "completion", "version");

    @TempDir
    Path tmp;

    @Test
    void everyVerbsClassSitsWhereItsCommandLineSays() {
        CommandLine root = Tcli.fullTree(GlobalOptionsAccess.context(tmp));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (CommandLine cl : EveryCommandTest.walk(root)) {
            var spec = cl.getCommandSpec();
            Object command = spec.userObject();
            if (spec.parent() == null || command == null || !command.getClass().getName().startsWith("dev.tcli.")) {
                continue; // the root, exec plugins (no class of ours), third-party jars
            }
            List<String> words = Arrays.asList(spec.qualifiedName().split(" "));
            String module = words.get(1);
            String expectedPackage = CORE_MODULES.contains(module) ? "dev.tcli.core.commands" : "dev.tcli." + module + ".commands";
            Class<?> type = command.getClass();
            String verbPart = words.size() == 2 ? camel(module) : camel(String.join("-", words.subList(2, words.size())));
            Set<String> allowed = Set.of(verbPart + "Command", camel(module) + verbPart + "Command");
            checked++;
            if (!type.getPackageName().equals(expectedPackage)) {
                wrong.add(spec.qualifiedName() + ": " + type.getName() + " is not in " + expectedPackage);
            }
            if (!allowed.contains(type.getSimpleName())) {
                wrong.add(spec.qualifiedName() + ": " + type.getSimpleName() + " is not one of " + allowed);
            }
        }
        assertTrue(checked > 50, "expected every built-in verb, checked " + checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyClassNameIsUniqueAndNoTwoPathsDifferOnlyInCase() throws IOException {
        Path repo = repoRoot();
        Map<String, List<Path>> byName = new TreeMap<>();
        Map<String, List<Path>> byLowerPath = new TreeMap<>();
        try (Stream<Path> files = Files.walk(repo)) {
            for (Path p : files.filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/")
                    && !p.toString().contains("/node_modules/")).toList()) {
                byLowerPath.computeIfAbsent(repo.relativize(p).toString().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(p);
                if (p.toString().contains("/src/main/java/") && p.toString().endsWith(".java")
                        && !p.getFileName().toString().equals("package-info.java")) {
                    byName.computeIfAbsent(p.getFileName().toString(), k -> new ArrayList<>()).add(repo.relativize(p));
                }
            }
        }
        assertTrue(byName.size() > 150, "found the sources under " + repo);
        assertEquals(Map.of(), byName.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(Map.of(), byLowerPath.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /**
     * docs/architecture.md: modules and plugins-exec see the kernel only through {@code dev.tcli.spi};
     * only the distribution build (tcli-dist: man pages, completions, startup-cache training) may
     * drive {@code dev.tcli.core} directly.
     */
    @Test
    void nothingOutsideTheCoreImportsTheKernel() throws IOException {
        Path repo = repoRoot();
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(repo)) {
            for (Path p : files.filter(p -> p.toString().contains("/src/main/java/") && p.toString().endsWith(".java")
                    && !p.toString().contains("/target/")).toList()) {
                String rel = repo.relativize(p).toString();
                if (rel.startsWith("tcli-core/") || rel.startsWith("tcli-dist/")) {
                    continue;
                }
                checked++;
                if (Files.readAllLines(p).stream().anyMatch(l -> l.startsWith("import dev.tcli.core."))) {
                    offenders.add(rel);
                }
            }
        }
        assertTrue(checked > 100, "found the module sources under " + repo);
        assertEquals(List.of(), offenders);
    }

    /** {@code responders-add} → {@code RespondersAdd}. */
    static String camel(String words) {
        StringBuilder b = new StringBuilder();
        for (String w : words.split("[- ]")) {
            if (!w.isEmpty()) {
                b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return b.toString();
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("tcli-core"))) {
            p = p.getParent();
        }
        assertTrue(p != null, "the repository root above " + Path.of("").toAbsolutePath());
        return p;
    }
}
