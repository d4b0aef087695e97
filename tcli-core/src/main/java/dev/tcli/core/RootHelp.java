package dev.tcli.core;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * {@code tcli --help}: picocli's usage for the global options, then every module with its
 * one-line description, grouped by where it comes from. Built from names and descriptions
 * only; no module's command tree is constructed.
 */
final class RootHelp {
    private RootHelp() {
    }

    /** Where the module list goes in picocli's text; the rest of the text is the same every run. */
    private static final String MODULES = "\u0000modules\u0000";

    static void print(ModuleRegistry registry, SystemEnv sys, boolean toStderr) {
        print(registry, sys, toStderr, null);
    }

    /**
     * With {@code cached} (see {@link #cacheFile}), picocli's part of the text (usage, options, footer) is kept there per
     * build and width and reused: building picocli's model of the root command (annotations,
     * reflection) is most of what {@code tcli --help} costs, and that text changes only with
     * the build. The module list is made afresh every time (PATH and plugin jars change).
     */
    static void print(ModuleRegistry registry, SystemEnv sys, boolean toStderr, Path cached) {
        Map<String, List<ModuleRegistry.Entry>> groups = new LinkedHashMap<>();
        groups.put(ModuleRegistry.BUILT_IN, new ArrayList<>());
        groups.put(ModuleRegistry.JAR, new ArrayList<>());
        for (ModuleRegistry.Entry e : registry.all()) {
            groups.computeIfAbsent(e.group(), k -> new ArrayList<>()).add(e);
        }
        int width = 4;
        for (ModuleRegistry.Entry e : registry.all()) {
            width = Math.max(width, e.name().length());
        }
        StringBuilder sb = new StringBuilder();
        for (var g : groups.entrySet()) {
            if (g.getValue().isEmpty()) {
                continue;
            }
            List<ModuleRegistry.Entry> list = new ArrayList<>(g.getValue());
            list.sort((a, b) -> a.name().compareTo(b.name()));
            sb.append('\n').append(Character.toUpperCase(g.getKey().charAt(0))).append(g.getKey().substring(1)).append(":\n");
            for (ModuleRegistry.Entry e : list) {
                sb.append("  ").append(e.name()).append(" ".repeat(width - e.name().length() + 2))
                        .append(e.description() == null ? "" : e.description()).append('\n');
            }
        }
        String modules = sb.toString();
        String text = read(cached);
        if (text == null || !text.contains(MODULES)) {
            text = picocliText();
            write(cached, text);
        }
        PrintStream out = toStderr ? sys.err() : sys.out();
        out.print(text.replace(MODULES, modules));
        for (String w : registry.warnings()) {
            sys.err().println("warning: " + w);
        }
        out.flush();
        sys.err().flush();
    }

    private static String picocliText() {
        CommandLine cl = new CommandLine(new RootCommand(new GlobalOptions()));
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> MODULES);
        cl.getCommandSpec().usageMessage().footerHeading("%nExamples:%n").footer(
                "  tcli --profile sandbox oncall incidents     practice on the built-in sandbox",
                "  tcli oncall ack                             acknowledge what is paging you",
                "  tcli -o json oncall who                     who is on call, for a script",
                "",
                "Run 'tcli MODULE --help' for a module's verbs.",
                "Exit codes: 0 done, 1 failed, 2 usage, 3 config, 4 credentials rejected,",
                "5 not found, 6 service unavailable, 130 interrupted.");
        return cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /**
     * help-BUILD-WIDTH.txt, or null: only in a distribution (lib/BUILD_ID beside tcli-core's jar
     * names the build) and with the width given (the launcher passes picocli.usage.width).
     */
    static Path cacheFile(Path cacheDir) {
        return cacheFile(cacheDir, buildId(), System.getProperty("picocli.usage.width", ""));
    }

    static Path cacheFile(Path cacheDir, String build, String width) {
        if (cacheDir == null || build == null || width == null || !width.matches("[0-9]{1,4}")) {
            return null;
        }
        return cacheDir.resolve("help").resolve("help-" + build + "-" + width + ".txt");
    }

    private static String buildId() {
        try {
            var src = RootHelp.class.getProtectionDomain().getCodeSource();
            Path jar = src == null ? null : Path.of(src.getLocation().toURI());
            if (jar == null || !Files.isRegularFile(jar)) {
                return null;
            }
            List<String> lines = Files.readAllLines(jar.resolveSibling("BUILD_ID"), StandardCharsets.UTF_8);
            String id = lines.isEmpty() ? "" : lines.get(0).strip();
            return id.matches("[A-Za-z0-9._-]{1,200}") ? id : null;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static String read(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Atomically, and quietly: a cache that cannot be written only costs the next run time. */
    private static void write(Path file, String text) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "help", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // Earlier builds' texts will never be read again.
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.getParent(), "help-*.txt")) {
                String current = file.getFileName().toString();
                String prefix = current.substring(0, current.lastIndexOf('-') + 1);
                for (Path p : ds) {
                    if (!p.getFileName().toString().startsWith(prefix)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // next time, then
        }
    }
}
