package dev.tcli.core;

import dev.tcli.core.startup.HelpTextCache;
import java.io.PrintStream;
import java.nio.file.Path;
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
     * With {@code cached} (see {@link HelpTextCache#file}), picocli's part of the text (usage, options, footer) is kept there per
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
        String text = HelpTextCache.read(cached);
        if (text == null || !text.contains(MODULES)) {
            text = picocliText();
            HelpTextCache.write(cached, text);
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
}
