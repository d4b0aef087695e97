package dev.tcli.core;

import dev.tcli.spi.Flags.OutputFormat;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * tcli's global options (docs/design.md §2). Inherited by every subcommand, so they work in
 * any position: {@code tcli -o json oncall incidents} and {@code tcli oncall incidents -o json}.
 */
public final class GlobalOptions {
    @Option(names = "--profile", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Profile to use (default: $TCLI_PROFILE, then default_profile). 'sandbox' is built in.")
    String profile;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Personal config file (default: $TCLI_CONFIG, then $XDG_CONFIG_HOME/tcli/config.toml).")
    String config;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", scope = ScopeType.INHERIT, converter = FormatConverter.class,
            description = "Output format: table, json, jsonl, csv (default: table).")
    OutputFormat output;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More diagnostics on stderr; -vv logs HTTP requests (credentials redacted).")
    boolean[] verbose = new boolean[0];

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Only data and errors.")
    boolean quiet;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colour (also: NO_COLOR set, or not a terminal).")
    boolean noColor;

    @Option(names = {"-y", "--yes"}, scope = ScopeType.INHERIT, description = "Confirm destructive or outward-facing actions.")
    boolean yes;

    @Option(names = "--dry-run", scope = ScopeType.INHERIT, description = "Print what would be sent; send nothing.")
    boolean dryRun;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help and exit.")
    boolean help;

    int verbosity() {
        return verbose == null ? 0 : verbose.length;
    }

    /** Case-insensitive {@code -o} values, with the list of valid ones in the error. */
    static final class FormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not an output format: use table, json, jsonl or csv");
            }
        }
    }
}
