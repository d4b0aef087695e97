package dev.tcli.core.commands;

import dev.tcli.core.DefaultContext;
import dev.tcli.core.ModuleRegistry;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.output.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "plugins", description = "Modules and plugins: built-in, jars in $XDG_DATA_HOME/tcli/plugins, tcli-* on PATH.",
        subcommands = PluginsCommand.ListCommand.class,
        footerHeading = "%nExamples:%n", footer = {"  tcli plugins list", "  tcli plugins list -o json"})
public final class PluginsCommand {

    /** One module as listed. */
    public record Plugin(String name, String source, String origin, String description) {
    }

    @DryRun(DryRun.Support.READ_ONLY)
    @Command(name = "list", description = "Every module with its source and description; warnings (shadowed names, "
            + "non-executable files, jars that failed to load) on stderr.",
            footerHeading = "%nExamples:%n", footer = {"  tcli plugins list", "  tcli plugins list -o json | jq '.[].name'"})
    public static final class ListCommand implements Callable<Integer> {
        private final ModuleContext ctx;

        public ListCommand(ModuleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ModuleRegistry registry = ((DefaultContext) ctx).registry();
            List<Plugin> rows = new ArrayList<>();
            for (ModuleRegistry.Entry e : registry.all()) {
                rows.add(new Plugin(e.name(), e.group(), e.origin(), e.description()));
            }
            ctx.out().list(rows, List.of(Column.of("NAME", Plugin::name), Column.dim("SOURCE", Plugin::source),
                    Column.of("ORIGIN", Plugin::origin), Column.of("DESCRIPTION", Plugin::description)));
            registry.warnings().forEach(ctx.out()::warn);
            return 0;
        }
    }
}
