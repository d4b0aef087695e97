package dev.tcli.exec;

import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.ModuleSource;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code tcli-NAME} executable found on PATH.
 *
 * @param name        the module name, {@code NAME}
 * @param description from its {@code tcli-description:} comment, or empty
 * @param path        the executable, as found on PATH (not resolved, so a symlinked tool shows where it was found)
 */
record ExecPlugin(String name, String description, Path path) implements ModuleSource.ExternalModule {

    @Override
    public String origin() {
        return path.toString();
    }

    @Override
    public int run(List<String> args, ModuleContext ctx) {
        return PluginProcess.run(path, args, PluginEnvironment.of(ctx), ctx);
    }
}
