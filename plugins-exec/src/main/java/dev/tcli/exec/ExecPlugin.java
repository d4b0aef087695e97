package dev.tcli.exec;

import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.ModuleSource;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code tcli-NAME} executable found on PATH. Its description is read from the file when
 * first asked (a listing asks, running the plugin does not).
 */
final class ExecPlugin implements ModuleSource.ExternalModule {
    private final String name;
    private final Path path;
    private String description;

    /**
     * @param name the module name, {@code NAME}
     * @param path the executable, as found on PATH (not resolved, so a symlinked tool shows where it was found)
     */
    ExecPlugin(String name, Path path) {
        this.name = name;
        this.path = path;
    }

    @Override
    public String name() {
        return name;
    }

    Path path() {
        return path;
    }

    /** From its {@code tcli-description:} comment, or empty. */
    @Override
    public synchronized String description() {
        if (description == null) {
            description = Descriptions.read(path);
        }
        return description;
    }

    @Override
    public String origin() {
        return path.toString();
    }

    @Override
    public int run(List<String> args, ModuleContext ctx) {
        return PluginProcess.run(path, args, PluginEnvironment.of(ctx), ctx);
    }

    @Override
    public String toString() {
        return "ExecPlugin[" + name + ", " + path + "]";
    }
}
