package dev.tcli.core.startup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * tcli's global options as the fast paths read them: every spelling, and whether it takes a
 * value. picocli's {@code GlobalOptions} (help text, converters, parsing after the module name)
 * is the declaration; this table, {@link QuickScan} and the launcher's {@code run_profile} loop
 * ({@code tcli-dist/src/main/dist/bin/tcli}) must agree with it, and {@code GlobalGrammarTest}
 * fails the build when they do not: adding an option means one {@code @Option} field, one
 * constant here, and (for one that takes a value) the launcher's skip list, each named by the
 * test's message.
 */
public enum GlobalOption {
    PROFILE(true, "--profile"),
    CONFIG(true, "--config"),
    OUTPUT(true, "-o", "--output"),
    VERBOSE(false, "-v", "--verbose"),
    QUIET(false, "-q", "--quiet"),
    NO_COLOR(false, "--no-color"),
    YES(false, "-y", "--yes"),
    DRY_RUN(false, "--dry-run"),
    HELP(false, "-h", "--help"),
    VERSION(false, "-V", "--version");

    private static final Map<String, GlobalOption> BY_NAME = new HashMap<>();

    static {
        for (GlobalOption o : values()) {
            for (String n : o.names) {
                BY_NAME.put(n, o);
            }
        }
    }

    private final boolean takesValue;
    private final List<String> names;

    GlobalOption(boolean takesValue, String... names) {
        this.takesValue = takesValue;
        this.names = List.of(names);
    }

    /** Every spelling: {@code -o}, {@code --output}. */
    public List<String> names() {
        return names;
    }

    /** {@code --profile NAME}, {@code -o FORMAT}; the others are switches. */
    public boolean takesValue() {
        return takesValue;
    }

    /** The option spelled {@code name} exactly, or null. */
    public static GlobalOption named(String name) {
        return BY_NAME.get(name);
    }
}
