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
import java.util.Map;
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
            if (lost != null && "Broken pipe".equals(lost.getMessage())) {
                // the reader has gone on purpose (| head -1): like any Unix filter, stop without a word
                return code;
            }
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
                return usageError(e, err, "tcli", null);
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
            // "help" as a word means --help: "tcli help", "tcli help oncall", "tcli oncall help"
            int at = args.length - scan.rest.size();
            if (name.equals("help") && registry.resolve("help").isEmpty()) {
                if (scan.rest.size() == 1) {
                    RootHelp.print(registry, sys, false, HelpTextCache.file(earlyPaths.cacheDir()));
                    return ExitCode.OK;
                }
                return run(helpInstead(args, at));
            }
            if (scan.rest.size() > 1 && scan.rest.get(1).equals("help")) {
                ModuleRegistry.Entry module = registry.resolve(name).orElse(null);
                if (module != null && module.module() != null) {
                    return run(helpInstead(args, at + 1));
                }
            }
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
            return usageError(e, ctx.stderr(), e.getCommandLine().getCommandSpec().qualifiedName(), ctx.stdout());
        });
        root.setExecutionExceptionHandler((e, cl, pr) -> {
            if (interrupted(e) && !interrupts.claimLastWord()) {
                return ExitCode.INTERRUPTED;   // the Ctrl-C hook has said it
            }
            return fail(e, ctx.stderr(), globals.verbosity());
        });
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

    /** {@code args} without the word at {@code index}, and --help at the end. */
    private static String[] helpInstead(String[] args, int index) {
        List<String> out = new ArrayList<>(List.of(args));
        out.remove(index);
        out.add("--help");
        return out.toArray(String[]::new);
    }

    /**
     * One line saying what is wrong (with the nearest verb for a typo), then the hint to run
     * --help. A module or group named alone, or "help" after a verb, shows that command's help.
     */
    private static int usageError(ParameterException e, PrintWriter err, String command, PrintWriter out) {
        CommandLine cl = e.getCommandLine();
        Map<String, CommandLine> verbs = cl == null ? Map.of() : cl.getSubcommands();
        if (out != null && cl != null) {
            boolean help = e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty() && u.getUnmatched().get(0).equals("help");
            boolean alone = !verbs.isEmpty() && e.getMessage() != null && e.getMessage().startsWith("Missing required subcommand");
            if (help || alone) {
                cl.usage(out, CommandLine.Help.Ansi.OFF);
                out.flush();
                return ExitCode.OK;
            }
        }
        String message = Redactor.redact(e.getMessage());
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = Redactor.redact(u.getUnmatched().get(0));
            if (!verbs.isEmpty() && !word.startsWith("-")) {
                message = "'" + word + "' is not a verb of '" + command + "'." + nearest(word, verbs.keySet());
            } else if (word.startsWith("-")) {
                List<String> options = new ArrayList<>();
                cl.getCommandSpec().options().forEach(o -> options.addAll(List.of(o.names())));
                message = "unknown option '" + word + "'." + nearest(word, options);
            } else {
                message = "unexpected argument '" + word + "'.";
            }
        }
        err.println("tcli: " + dev.tcli.spi.output.SafeText.escape(message.replace('\n', ' ').strip()));
        err.println("See '" + command + " --help'.");
        return ExitCode.USAGE;
    }

    /** " Did you mean: X?" for the names closest to {@code word}, or "". */
    static String nearest(String word, java.util.Collection<String> names) {
        List<String> best = DidYouMean.nearest(word, names, 3);
        return best.isEmpty() ? "" : " Did you mean: " + String.join(", ", best) + "?";
    }

    /**
     * Run by the Ctrl-C hook after the cleanups: one line saying so, on a line of its own (the
     * terminal has echoed ^C), unless the command or a waiting prompt has said it already.
     */
    public void sayInterrupted() {
        if (interrupts.claimLastWord()) {
            java.io.PrintStream err = sys.err();
            err.print((sys.stderrTty() ? "\n" : "") + "tcli: interrupted\n");
            err.flush();
        }
    }

    private static boolean interrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TcliException te) {
                return te.exitCode() == ExitCode.INTERRUPTED;
            }
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
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
        return nearest(name, names);
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
