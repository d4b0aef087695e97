package dev.tcli.spi;

/**
 * A provider of one top-level command ({@code tcli NAME ...}).
 *
 * <p>Built-in modules and third-party jars implement this interface and register it in
 * {@code META-INF/services/dev.tcli.spi.TcliModule}. Implementations must be cheap to
 * construct: the core instantiates every provider to list names and descriptions, but only
 * builds the picocli tree of the one module being run. Keep the command classes out of
 * static initialisers and fields here.
 */
public interface TcliModule {

    /** The module's command name, e.g. {@code oncall}. */
    String name();

    /** One line for {@code tcli --help} and {@code tcli plugins list}. */
    String description();

    /**
     * The module's picocli {@code @Command} class. The core instantiates it, and every
     * subcommand class it names, through a factory that passes a {@link ModuleContext} to a
     * constructor taking one (or uses the no-argument constructor).
     */
    Class<?> command();
}
