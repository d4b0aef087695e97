package dev.tcli.core;

import dev.tcli.core.startup.HelpTextCache;
import dev.tcli.core.startup.ModuleTree;
import dev.tcli.spi.DidYouMean;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.TcliException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * One run of tcli. The command line is read twice: a quick scan that finds the global options
 * before the module name and the module name itself, then picocli over the full arguments with
 * only that module's command tree attached, and of that tree only the verb named when there is
 * one ({@link ModuleTree}). Nothing else is built, which keeps {@code tcli oncall ack} from
 * paying for every module and every other oncall verb.
 */
public final class Tcli {
    private final SystemEnv sys;
    private final Interrupts interrupts = new Interrupts();
    private volatile boolean finished;

    public Tcli(SystemEnv sys) {
        this.sys = sys;
    }

    public Interrupts interrupts() {
        return interrupts;
    }

    public boolean finished() {
        return finished;
    }

    public static String version() {
        return buildProperty("version", "dev");
    }

    /** A property of the build ({@code version}, {@code commit}), filtered in by Maven. */
    public static String buildProperty(String name, String fallback) {
        String v = buildProperties().getProperty(name);
        return v == null || v.isBlank() || v.startsWith("${") ? fallback : v;
    }

    private static Properties buildProperties;

    private static synchronized Properties buildProperties() {
        if (buildProperties == null) {
            Properties p = new Properties();
            try (InputStream in = ownResource("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // fall through
            }
            buildProperties = p;
        }
        return buildProperties;
    }

    /**
     * A resource of this package, read from tcli-core's own jar when running from one. Through
     * the class loader it would open every jar before tcli-core's on the class path to look for
     * it there first (~5 ms, the classes themselves come from the startup cache).
     */
    private static InputStream ownResource(String file) throws IOException {
        try {
            java.security.CodeSource cs = Tcli.class.getProtectionDomain().getCodeSource();
            java.net.URL url = cs == null ? null : cs.getLocation();
            if (url != null && "file".equals(url.getProtocol()) && url.getPath().endsWith(".jar")) {
                try (java.util.zip.ZipFile jar = new java.util.zip.ZipFile(new java.io.File(url.toURI()))) {
                    java.util.zip.ZipEntry e = jar.getEntry("dev/tcli/core/" + file);
                    if (e != null) {
                        return new java.io.ByteArrayInputStream(jar.getInputStream(e).readAllBytes());
                    }
                }
            }
        } catch (java.net.URISyntaxException | IOException | RuntimeException e) {
            // the class loader's way below
        }
        return Tcli.class.getResourceAsStream(file);
    }

    public int run(String... args) {
        int code = runCommand(args);
        // output that could not be written (a full disk, a closed stdout) is a failure, not a silent 0
        if (sys.out() instanceof WatchedOutput w) {
            java.io.IOException lost = w.failure();
            if (lost != null) {
                PrintWriter err = new PrintWriter(sys.err(), true);
                err.println("tcli: cannot write output: " + dev.tcli.spi.output.SafeText.escape(
                        lost.getMessage() == null ? lost.getClass().getSimpleName() : lost.getMessage()));
                return code == ExitCode.OK ? ExitCode.FAILED : code;
            }
        }
        return code;
    }

    private int runCommand(String... args) {
        GlobalOptions scanned = new GlobalOptions();
        RootCommand scan = new RootCommand(scanned);
        PrintWriter err = new PrintWriter(sys.err(), true);
        for (String a : args) {
            if (a.equals("--")) {
                // before the module name '--' would end tcli's own options and run nothing: say so instead of exiting 0
                err.println("tcli: '--' before the module name: write the module first, e.g. 'tcli oncall incidents'"
                        + " ('--' belongs after it, for a plugin's own arguments)");
                return ExitCode.USAGE;
            }
            if (!a.startsWith("-")) {
                break;
            }
        }
        if (!scan.quickScan(args)) {
            CommandLine scanner = new CommandLine(scan);
            scanner.setStopAtPositional(true);
            try {
                scanner.parseArgs(args);
            } catch (ParameterException e) {
                return usageError(e, err, "tcli");
            }
        }
        Logs.apply(scanned.verbosity(), sys.err());
        XdgPaths earlyPaths = new XdgPaths(sys, scanned.config);
        ModuleRegistry registry = new ModuleRegistry(earlyPaths.dataDir().resolve("plugins"), sys.env());
        try {
            if (scan.rest.isEmpty()) {
                if (scan.version) {
                    sys.out().println("tcli " + version());
                    sys.out().flush();
                    return ExitCode.OK;
                }
                RootHelp.print(registry, sys, !scanned.help && args.length > 0, HelpTextCache.file(earlyPaths.cacheDir()));
                return ExitCode.OK;
            }
            String name = scan.rest.get(0);
            // Just this name: a built-in (or jar) module if there is one, else e.g. tcli-NAME on PATH.
            ModuleRegistry.Entry entry = registry.resolve(name).orElse(null);
            if (entry != null && entry.module() != null) {
                return runJava(entry, registry, args, scan.rest, scanned.help, err);
            }
            if (entry != null) {
                DefaultContext ctx = new DefaultContext(sys, scanned, registry, interrupts, version());
                try {
                    return entry.external().run(scan.rest.subList(1, scan.rest.size()), ctx);
                } catch (TcliException e) {
                    return fail(e, err, scanned.verbosity());
                } catch (Exception e) {
                    return fail(new TcliException(ExitCode.FAILED, "plugin '" + name + "' could not run: " + e.getMessage(), e),
                            err, scanned.verbosity());
                } finally {
                    ctx.close();
                }
            }
            err.println("tcli: '" + name + "' is not a tcli module." + suggest(name, registry));
            err.println("See 'tcli --help' for the modules, or 'tcli plugins list'.");
            return ExitCode.USAGE;
        } finally {
            finished = true;
        }
    }

    private int runJava(ModuleRegistry.Entry entry, ModuleRegistry registry, String[] args, List<String> rest,
            boolean helpBeforeModule, PrintWriter err) {
        GlobalOptions globals = new GlobalOptions();
        DefaultContext ctx = new DefaultContext(sys, globals, registry, interrupts, version());
        ContextFactory factory = new ContextFactory(ctx);
        CommandLine root = new CommandLine(new RootCommand(globals), factory);
        CommandLine module;
        try {
            module = ModuleTree.build(entry.module().command(), rest, helpBeforeModule, factory);
        } catch (CommandLine.InitializationException e) {
            err.println("tcli: module '" + entry.name() + "' (" + entry.origin() + ") is broken: " + e.getMessage());
            return ExitCode.FAILED;
        }
        root.addSubcommand(entry.name(), module);
        root.setOut(ctx.stdout());
        root.setErr(ctx.stderr());
        root.setCaseInsensitiveEnumValuesAllowed(true);
        // "--profile sandbox sandbox reset": a profile may share its name with a module
        root.setAllowSubcommandsAsOptionParameters(true);
        root.setParameterExceptionHandler((e, a) -> {
            Logs.apply(globals.verbosity(), sys.err());
            return usageError(e, ctx.stderr(), e.getCommandLine().getCommandSpec().qualifiedName());
        });
        root.setExecutionExceptionHandler((e, cl, pr) -> fail(e, ctx.stderr(), globals.verbosity()));
        root.setExecutionStrategy(pr -> {
            Logs.apply(globals.verbosity(), sys.err());
            try {
                DryRunRule.check(pr, globals.dryRun);
            } catch (TcliException e) {
                return fail(e, ctx.stderr(), globals.verbosity());
            }
            return new CommandLine.RunLast().execute(pr);
        });
        try {
            return root.execute(args);
        } finally {
            ctx.close();
        }
    }

    private static int usageError(ParameterException e, PrintWriter err, String command) {
        err.println("tcli: " + dev.tcli.spi.output.SafeText.escape(Redactor.redact(e.getMessage())));
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("See '" + command + " --help'.");
        return ExitCode.USAGE;
    }

    static int fail(Throwable e, PrintWriter err, int verbosity) {
        Throwable t = e;
        while (!(t instanceof TcliException) && t.getCause() != null
                && (t instanceof CommandLine.ExecutionException || t instanceof java.util.concurrent.ExecutionException
                        || t instanceof java.io.UncheckedIOException && t.getCause() instanceof TcliException)) {
            t = t.getCause();
        }
        int code;
        String message;
        if (t instanceof TcliException te) {
            code = te.exitCode();
            message = te.getMessage();
        } else if (t instanceof InterruptedException) {
            code = ExitCode.INTERRUPTED;
            message = "interrupted";
        } else {
            code = ExitCode.FAILED;
            message = "unexpected error: " + t + (verbosity > 0 ? "" : " (run with -v for details)");
        }
        // one line, and server text in it (an error body, a title) never drives the terminal
        err.println("tcli: " + dev.tcli.spi.output.SafeText.escape(Redactor.redact(message)));
        if (verbosity > 0) {
            java.io.StringWriter sw = new java.io.StringWriter();
            e.printStackTrace(new PrintWriter(sw));
            err.print(Redactor.redact(sw.toString()));
        }
        err.flush();
        return code;
    }

    private static String suggest(String name, ModuleRegistry registry) {
        List<String> names = new ArrayList<>();
        for (ModuleRegistry.Entry e : registry.all()) {
            names.add(e.name());
        }
        List<String> best = DidYouMean.nearest(name, names, 3);
        return best.isEmpty() ? "" : " Did you mean: " + String.join(", ", best) + "?";
    }

    /** The spec of the root command, for completion scripts and man pages: every module attached. */
    public static CommandLine fullTree(DefaultContext ctx) {
        ContextFactory factory = new ContextFactory(ctx);
        CommandLine root = new CommandLine(new RootCommand(new GlobalOptions()), factory);
        for (ModuleRegistry.Entry e : ctx.registry().all()) {
            if (e.module() != null) {
                root.addSubcommand(e.name(), new CommandLine(e.module().command(), factory));
            } else {
                CommandSpec spec = CommandSpec.create().name(e.name());
                spec.usageMessage().description(e.description());
                spec.addUnmatchedArgsBinding(CommandLine.Model.UnmatchedArgsBinding.forStringArrayConsumer(
                        new CommandLine.Model.ISetter() {
                            @Override
                            public <T> T set(T value) {
                                return null;
                            }
                        }));
                root.addSubcommand(e.name(), new CommandLine(spec));
            }
        }
        return root;
    }
}
