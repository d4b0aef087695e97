package dev.tcli.core.commands;

import dev.tcli.core.Tcli;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "version", description = "Print tcli's version, the commit it was built from, the JDK, and the startup cache state.",
        footerHeading = "%nExamples:%n", footer = {"  tcli version", "  tcli version -o json"})
public final class VersionCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    public VersionCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Properties dist = distInfo(libDir());
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", Tcli.version());
        v.put("commit", commit(Tcli.buildProperty("commit", "unknown"), dist));
        v.put("build", dist.getProperty("build_id", "none (not run from a distribution)"));
        v.put("jdk", System.getProperty("java.vm.name") + " " + Runtime.version());
        v.put("java_home", System.getProperty("java.home"));
        // The launcher (bin/tcli) says which startup cache it used (AOT cache or CDS archive), if any.
        v.put("startup_cache", cacheState(ctx.env().get("TCLI_STARTUP_CACHE"), System.getProperty("java.vm.info", "")));
        if (ctx.out().machine()) {
            ctx.out().value(v);
        } else {
            v.forEach((k, val) -> ctx.out().text(String.format("%-14s %s", k + ":", val)));
        }
        return 0;
    }

    /**
     * What the launcher passed, checked against the JVM: a cache it could not map (corrupt, or
     * from another JDK build) leaves the JVM without class sharing, which {@code java.vm.info} shows.
     */
    static String cacheState(String fromLauncher, String vmInfo) {
        if (fromLauncher == null || fromLauncher.isBlank()) {
            return "none (not started by bin/tcli)";
        }
        if ((fromLauncher.startsWith("aot ") || fromLauncher.startsWith("cds ")) && !vmInfo.contains("sharing")) {
            return fromLauncher + " (NOT in use: the JVM could not map it; delete it and the next run makes it again)";
        }
        return fromLauncher;
    }

    /** The commit filtered into the core jar wins; a distribution records the one it was packed from. */
    static String commit(String fromCore, Properties dist) {
        if (!"unknown".equals(fromCore)) {
            return fromCore;
        }
        String c = dist.getProperty("commit", "").strip();
        return c.isEmpty() ? "unknown" : c;
    }

    /** lib/ of a distribution: where tcli-core's jar lies (null when run from classes). */
    static Path libDir() {
        try {
            var src = Tcli.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return null;
            }
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) ? p.getParent() : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** lib/BUILD_INFO, written by tcli-dist: build_id, commit. Empty when absent or unreadable. */
    static Properties distInfo(Path lib) {
        Properties p = new Properties();
        if (lib == null) {
            return p;
        }
        Path file = lib.resolve("BUILD_INFO");
        if (Files.isReadable(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                // no build info is not worth failing 'version' for
            }
        }
        return p;
    }
}
