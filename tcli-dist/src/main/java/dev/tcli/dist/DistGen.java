package dev.tcli.dist;

import dev.tcli.core.BashCompletion;
import dev.tcli.core.DefaultContext;
import dev.tcli.core.GlobalOptions;
import dev.tcli.core.Interrupts;
import dev.tcli.core.ModuleRegistry;
import dev.tcli.core.SystemEnv;
import dev.tcli.core.Tcli;
import dev.tcli.core.startup.ModuleIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Build step of the distribution: man pages (man/man1/tcli-MODULE-VERB.1) and the bash and
 * zsh completion scripts, all from the same command tree that {@code tcli completion} uses,
 * built exactly as a run builds it. Runs with an empty HOME and an empty PATH so that nothing
 * from the build machine (config, PATH plugins, plugin jars) leaks into the release.
 *
 * <p>Fails (exit 1, the build with it) when a module does not load, a module builds no
 * commands, or a page comes out empty: a release with a silently missing module is worse
 * than no release.
 */
public final class DistGen {
    private DistGen() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DistGen DIST_DIR");
            System.exit(2);
        }
        Path dist = Path.of(args[0]);
        try {
            run(dist);
        } catch (RuntimeException | IOException | LinkageError e) {
            System.err.println("tcli-dist: generating man pages and completion failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(Path dist) throws IOException {
        Path home = Files.createTempDirectory("tcli-distgen");
        try {
            Map<String, String> env = Map.of("HOME", home.toString(), "PATH", "", "USER", "tcli", "TZ", "UTC");
            PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
            SystemEnv sys = new SystemEnv(env, InputStream.nullInputStream(), sink, sink, false, false, false,
                    Clock.systemUTC(), home);
            ModuleRegistry registry = new ModuleRegistry(home.resolve("plugins"), env);
            if (!registry.warnings().isEmpty()) {
                throw new IllegalStateException("modules failed to load: " + String.join("; ", registry.warnings()));
            }
            // lib/MODULES: the built-in names, so that 'tcli NAME' finds NAME without opening every jar.
            ModuleIndex.write(dist.resolve("lib"));
            DefaultContext ctx = new DefaultContext(sys, new GlobalOptions(), registry, new Interrupts(), Tcli.version());
            CommandLine root = Tcli.fullTree(ctx);
            List<String> missing = new ArrayList<>();
            for (ModuleRegistry.Entry e : registry.javaModules()) {
                CommandLine sub = root.getSubcommands().get(e.name());
                if (sub == null) {
                    missing.add(e.name());
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("modules missing from the command tree: " + missing);
            }

            Path man1 = dist.resolve("man/man1");
            Files.createDirectories(man1);
            List<CommandLine> all = new ArrayList<>();
            collect(root, all);
            for (CommandLine cl : all) {
                String page = ManPage.render(cl, Tcli.version());
                Path file = man1.resolve(ManPage.pageName(cl) + ".1");
                Files.writeString(file, page, StandardCharsets.UTF_8);
            }

            Path completion = dist.resolve("completion");
            Files.createDirectories(completion);
            // the same generator as 'tcli completion': global options anywhere, exec plugins found at TAB time
            String bash = BashCompletion.bash(root);
            if (!bash.contains("complete -F")) {
                throw new IllegalStateException("no bash completion script was generated");
            }
            Files.writeString(completion.resolve("tcli.bash"), bash, StandardCharsets.UTF_8);
            Files.writeString(completion.resolve("_tcli"), BashCompletion.zsh(root), StandardCharsets.UTF_8);
            System.out.println("tcli-dist: " + all.size() + " man pages (" + registry.javaModules().size()
                    + " modules) and bash/zsh completion in " + dist);
        } finally {
            deleteTree(home);
        }
    }

    private static void collect(CommandLine cl, List<CommandLine> out) {
        if (cl.getCommandSpec().usageMessage().hidden()) {
            return;
        }
        out.add(cl);
        for (CommandLine sub : distinct(cl)) {
            collect(sub, out);
        }
    }

    /** Subcommands once each (aliases map several names to one CommandLine). */
    static List<CommandLine> distinct(CommandLine cl) {
        List<CommandLine> out = new ArrayList<>();
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!out.contains(sub)) {
                out.add(sub);
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
