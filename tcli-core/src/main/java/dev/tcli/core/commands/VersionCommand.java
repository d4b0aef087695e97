package dev.tcli.core.commands;

import dev.tcli.core.Tcli;
import dev.tcli.spi.ModuleContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Print tcli's version, the commit it was built from, the JDK, and the startup cache state.",
        footerHeading = "%nExamples:%n", footer = {"  tcli version", "  tcli version -o json"})
public final class VersionCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    public VersionCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("version", Tcli.version());
        v.put("commit", Tcli.buildProperty("commit", "unknown"));
        v.put("jdk", System.getProperty("java.vm.name") + " " + Runtime.version());
        v.put("java_home", System.getProperty("java.home"));
        // The launcher says which startup cache it used (CDS archive or AOT cache), if any.
        v.put("startup_cache", ctx.env().getOrDefault("TCLI_STARTUP_CACHE", "none"));
        if (ctx.out().machine()) {
            ctx.out().value(v);
        } else {
            v.forEach((k, val) -> ctx.out().text(String.format("%-14s %s", k + ":", val)));
        }
        return 0;
    }
}
