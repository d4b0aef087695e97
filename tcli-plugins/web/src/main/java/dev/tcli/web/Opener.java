package dev.tcli.web;

import dev.tcli.spi.ModuleContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a URL gets to a browser: {@code [profiles.P.web] opener}, else {@code $BROWSER} (a
 * colon-separated list, {@code %s} for the URL, as Python and git read it), else the platform's
 * opener ({@code open} on macOS, {@code xdg-open} elsewhere) when there is a display. Empty
 * means: print the URL for the user (an ssh session, a container, no opener installed).
 */
final class Opener {
    private Opener() {
    }

    /** The argv to run, or empty with the reason the URL is printed instead. */
    record Plan(List<String> argv, String whyNot) {
        boolean opens() {
            return argv != null;
        }
    }

    static Plan plan(ModuleContext ctx, String url) {
        Optional<String> configured = setting(ctx);
        if (configured.isPresent() && !configured.get().isBlank()) {
            return command(ctx, configured.get(), url, "[profiles." + ctx.profile() + ".web] opener");
        }
        String browser = ctx.env().get("BROWSER");
        if (browser != null && !browser.isBlank()) {
            String reasons = "";
            for (String candidate : browser.split(":")) {
                Plan p = command(ctx, candidate, url, "$BROWSER");
                if (p.opens()) {
                    return p;
                }
                reasons = p.whyNot();
            }
            return new Plan(null, reasons);
        }
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        if (!mac && blank(ctx.env().get("DISPLAY")) && blank(ctx.env().get("WAYLAND_DISPLAY"))) {
            return new Plan(null, "no display (DISPLAY and WAYLAND_DISPLAY are unset)");
        }
        return command(ctx, mac ? "open" : "xdg-open", url, "the platform opener");
    }

    /** {@code [profiles.P.web] opener}; no profile at all (only a team dir) is fine here. */
    private static Optional<String> setting(ModuleContext ctx) {
        try {
            return ctx.settings("web").string("opener");
        } catch (dev.tcli.spi.TcliException e) {
            return Optional.empty();
        }
    }

    private static Plan command(ModuleContext ctx, String spec, String url, String source) {
        List<String> words = new ArrayList<>(List.of(spec.trim().split("\\s+")));
        if (words.isEmpty() || words.get(0).isEmpty()) {
            return new Plan(null, source + " is empty");
        }
        Optional<Path> exe = onPath(ctx, words.get(0));
        if (exe.isEmpty()) {
            return new Plan(null, words.get(0) + " (" + source + ") is not installed or not on PATH");
        }
        words.set(0, exe.get().toString());
        boolean placed = false;
        for (int i = 1; i < words.size(); i++) {
            if (words.get(i).contains("%s")) {
                words.set(i, words.get(i).replace("%s", url));
                placed = true;
            }
        }
        if (!placed) {
            words.add(url);
        }
        return new Plan(words, null);
    }

    static Optional<Path> onPath(ModuleContext ctx, String name) {
        if (name.contains("/")) {
            Path p = ctx.paths().expand(name);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = ctx.env().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
