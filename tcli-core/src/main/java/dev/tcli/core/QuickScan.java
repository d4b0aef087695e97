package dev.tcli.core;

import dev.tcli.spi.Flags.OutputFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The first read of the command line (global options, then the module name) without picocli,
 * for the plain spellings that nearly every command line uses. Building picocli's model of the
 * root command is most of what an exec plugin's run costs (annotation proxies, reflection:
 * ~80 ms before the JIT has done anything), and a plugin never needs it.
 *
 * <p>Anything else (a clustered {@code -qy}, {@code -ojson}, an unknown option, a missing or
 * bad value, {@code --}) returns false and picocli does the scan, with its error messages.
 * {@code QuickScanTest} checks that both agree on every line this accepts.
 */
final class QuickScan {
    private QuickScan() {
    }

    /** Fills {@code into} (a fresh RootCommand) and returns true, or returns false and touches nothing. */
    static boolean scan(String[] args, RootCommand into) {
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
            switch (name) {
                case "--profile", "--config", "-o", "--output" -> {
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("-")) {
                            return false;
                        }
                        value = args[++i];
                    } else if (value.isEmpty()) {
                        return false;
                    }
                    if (name.equals("--profile")) {
                        profile = value;
                    } else if (name.equals("--config")) {
                        config = value;
                    } else {
                        output = format(value);
                        if (output == null) {
                            return false;
                        }
                    }
                }
                case "-v", "--verbose" -> verbose++;
                case "-vv" -> verbose += 2;
                case "-vvv" -> verbose += 3;
                case "-q", "--quiet" -> quiet = true;
                case "--no-color" -> noColor = true;
                case "-y", "--yes" -> yes = true;
                case "--dry-run" -> dryRun = true;
                case "-h", "--help" -> help = true;
                case "-V", "--version" -> version = true;
                default -> {
                    return false;
                }
            }
            if (value != null && !(name.equals("--profile") || name.equals("--config") || name.equals("-o")
                    || name.equals("--output"))) {
                return false;   // --quiet=true and the like: picocli's business
            }
        }
        GlobalOptions g = into.globals;
        g.profile = profile;
        g.config = config;
        g.output = output;
        g.verbose = new boolean[verbose];
        Arrays.fill(g.verbose, true);
        g.quiet = quiet;
        g.noColor = noColor;
        g.yes = yes;
        g.dryRun = dryRun;
        g.help = help;
        into.version = version;
        into.rest = new ArrayList<>(List.of(args).subList(i, args.length));
        return true;
    }

    private static OutputFormat format(String value) {
        try {
            return OutputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
