package dev.tcli.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A source of modules that are not Java classes, such as {@code tcli-NAME} executables on
 * PATH. Registered in {@code META-INF/services/dev.tcli.spi.ModuleSource}. The core asks a
 * source only when the command named is not a Java module, or when listing every module.
 */
public interface ModuleSource {

    /** The heading these modules are listed under, e.g. {@code plugins (PATH)}. */
    String group();

    /** Finds this source's modules. Must not run them. */
    Discovery discover(Map<String, String> env);

    /**
     * The one module called {@code name}, to run it: the module {@link #discover} would list
     * under that name, or empty. Warnings are for listings and are not collected here, so a
     * source can stop at the first match instead of surveying everything (a PATH scan reads every
     * directory on PATH; running {@code tcli hello} needs one {@code stat} per directory).
     */
    default Optional<ExternalModule> find(String name, Map<String, String> env) {
        return discover(env).modules().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** What a source found, plus anything wrong a user should hear about. */
    record Discovery(List<ExternalModule> modules, List<String> warnings) {
        public Discovery {
            modules = List.copyOf(modules);
            warnings = List.copyOf(warnings);
        }
    }

    /** One module backed by something outside the JVM. */
    interface ExternalModule {
        String name();

        /** One line, or empty. */
        String description();

        /** Where it comes from, e.g. the executable's path. */
        String origin();

        /**
         * Runs the module with everything after its name on the command line, untouched.
         *
         * @return the exit code to pass through unchanged
         */
        int run(List<String> args, ModuleContext ctx) throws Exception;
    }
}
