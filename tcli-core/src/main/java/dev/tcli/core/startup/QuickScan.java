package dev.tcli.core.startup;

import dev.tcli.spi.Flags.OutputFormat;
import java.util.List;
import java.util.Locale;

/**
 * The first read of the command line (global options, then the module name) without picocli,
 * for the plain spellings that nearly every command line uses. Building picocli's model of the
 * root command is most of what an exec plugin's run costs (annotation proxies, reflection:
 * ~80 ms before the JIT has done anything), and a plugin never needs it.
 *
 * <p>Anything else (a clustered {@code -qy}, {@code -ojson}, an unknown option, a missing or
 * bad value, {@code --}) returns null and picocli does the scan, with its error messages.
 * {@code QuickScanTest} checks that both agree on every line this accepts; the spellings are
 * {@link GlobalOption}'s.
 */
public final class QuickScan {
    private QuickScan() {
    }

    /** What a scan found: the global options before the module name, and the module name with everything after it. */
    public record Line(String profile, String config, OutputFormat output, int verbosity, boolean quiet, boolean noColor,
            boolean yes, boolean dryRun, boolean help, boolean version, List<String> rest) {
    }

    /** The scan, or null when picocli must do it. */
    public static Line scan(String[] args) {
        String profile = null;
        String config = null;
        OutputFormat output = null;
        int verbose = 0;
        boolean quiet = false;
        boolean noColor = false;
        boolean yes = false;
        boolean dryRun = false;
        boolean help = false;
        boolean version = false;
        int i = 0;
        for (; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-") || a.equals("-")) {
                break;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (name.equals("-vv") || name.equals("-vvv")) {
                verbose += name.length() - 1;   // the clusters people type; picocli does the rest
                continue;
            }
            GlobalOption option = GlobalOption.named(name);
            if (option == null) {
                return null;
            }
            if (option.takesValue()) {
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                        return null;
                    }
                    value = args[++i];
                } else if (value.isEmpty()) {
                    return null;
                }
            } else if (value != null) {
                return null;   // --quiet=true and the like: picocli's business
            }
            switch (option) {
                case PROFILE -> profile = value;
                case CONFIG -> config = value;
                case OUTPUT -> {
                    output = format(value);
                    if (output == null) {
                        return null;
                    }
                }
                case VERBOSE -> verbose++;
                case QUIET -> quiet = true;
                case NO_COLOR -> noColor = true;
                case YES -> yes = true;
                case DRY_RUN -> dryRun = true;
                case HELP -> help = true;
                case VERSION -> version = true;
            }
        }
        return new Line(profile, config, output, verbose, quiet, noColor, yes, dryRun, help, version,
                List.of(args).subList(i, args.length));
    }

    private static OutputFormat format(String value) {
        try {
            return OutputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
