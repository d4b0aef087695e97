package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tcli.core.fixture.EchoModule;
import dev.tcli.core.startup.ModuleTree;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

class ModuleTreeTest {
    private final ContextFactory factory = new ContextFactory(null);

    @Test
    void aNamedVerbGetsOnlyItsOwnSubtree() {
        var line = ModuleTree.build(EchoModule.EchoCommand.class, List.of("echo", "flags", "-o", "json"), false, factory);
        assertEquals(Set.of("flags"), line.getSubcommands().keySet());

        var nested = ModuleTree.build(Pager.class, List.of("pager", "incident", "create"), false, factory);
        assertEquals(Set.of("incident"), nested.getSubcommands().keySet());
        assertEquals(Set.of("create", "list"), nested.getSubcommands().get("incident").getSubcommands().keySet());
    }

    @Test
    void anythingThatListsOrSuggestsVerbsGetsTheFullTree() {
        Set<String> all = Set.of("flags", "setting", "secret", "rows", "mutate", "call", "team", "undeclared", "refused");
        for (List<String> rest : List.of(List.of("echo"), List.of("echo", "--help"), List.of("echo", "flgs"),
                List.of("echo", "-o", "json", "flags"))) {
            var line = ModuleTree.build(EchoModule.EchoCommand.class, rest, false, factory);
            assertEquals(all, line.getSubcommands().keySet(), rest.toString());
        }
        var helpFirst = ModuleTree.build(EchoModule.EchoCommand.class, List.of("echo", "flags"), true, factory);
        assertEquals(all, helpFirst.getSubcommands().keySet());
    }

    @Test
    void aModuleCommandWithMembersOfItsOwnIsNotModelled() {
        assertNull(ModuleTree.withOnly(WithOption.class, "list", factory));
        assertEquals(Set.of("list", "create"),
                ModuleTree.build(WithOption.class, List.of("x", "list"), false, factory).getSubcommands().keySet());
    }

    @Test
    void theVerbParsesAndHelpsAsInTheFullTree() {
        CommandLine lazy = attach(ModuleTree.withOnly(Pager.class, "incident", factory));
        CommandLine full = attach(new CommandLine(Pager.class, factory));
        for (CommandLine root : List.of(lazy, full)) {
            assertEquals("tcli pager incident create", root.getSubcommands().get("pager").getSubcommands().get("incident")
                    .getSubcommands().get("create").getCommandSpec().qualifiedName());
        }
        assertEquals(usage(full, "incident"), usage(lazy, "incident"));
        assertEquals(usage(full, "incident", "create"), usage(lazy, "incident", "create"));
        var module = lazy.getSubcommands().get("pager").getCommandSpec();
        var fullModule = full.getSubcommands().get("pager").getCommandSpec();
        assertArrayEquals(fullModule.usageMessage().description(), module.usageMessage().description());
        assertArrayEquals(fullModule.usageMessage().footer(), module.usageMessage().footer());
        var parsed = lazy.parseArgs("-o", "json", "pager", "incident", "create", "--title", "db down", "--yes");
        assertEquals("db down", parsed.subcommand().subcommand().subcommand().matchedOptionValue("--title", ""));
    }

    private CommandLine attach(CommandLine module) {
        CommandLine root = new CommandLine(new RootCommand(new GlobalOptions()), factory);
        root.addSubcommand("pager", module);
        return root;
    }

    private static String usage(CommandLine root, String... path) {
        CommandLine c = root.getSubcommands().get("pager");
        for (String p : path) {
            c = c.getSubcommands().get(p);
        }
        return c.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    @Command(name = "pager", description = "Test module with a nested subject.", subcommands = {Who.class, Incident.class},
            footerHeading = "%nExamples:%n", footer = "  tcli pager who")
    static final class Pager {
    }

    @Command(name = "who", description = "Who is on call.")
    static final class Who implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "incident", description = "Incidents.", subcommands = {Create.class, ListIncidents.class})
    static final class Incident {
    }

    @Command(name = "create", description = "Open an incident.")
    static final class Create implements Callable<Integer> {
        @Option(names = "--title", required = true, description = "Title.")
        String title;

        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "list", description = "List incidents.")
    static final class ListIncidents implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }

    @Command(name = "x", subcommands = {ListIncidents.class, Create.class})
    static final class WithOption {
        @Option(names = "--region", description = "Region.")
        String region;
    }
}
