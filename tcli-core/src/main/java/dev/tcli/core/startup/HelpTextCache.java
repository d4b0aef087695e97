package dev.tcli.core.startup;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * picocli's part of {@code tcli --help} (usage, options, footer), kept per build and terminal
 * width in {@code ~/.cache/tcli/help/}: building picocli's model of the root command is most of
 * what the help costs (124 → 86 ms, docs/performance.md), and that text changes only with the
 * build. {@code RootHelp} renders it once and splices in the module list each run.
 */
public final class HelpTextCache {
    private HelpTextCache() {
    }

    /**
     * help-BUILD-WIDTH.txt, or null: only in a distribution (lib/BUILD_ID beside tcli-core's jar
     * names the build) and with the width given (the launcher passes picocli.usage.width).
     */
    public static Path file(Path cacheDir) {
        return file(cacheDir, buildId(), System.getProperty("picocli.usage.width", ""));
    }

    public static Path file(Path cacheDir, String build, String width) {
        if (cacheDir == null || build == null || width == null || !width.matches("[0-9]{1,4}")) {
            return null;
        }
        return cacheDir.resolve("help").resolve("help-" + build + "-" + width + ".txt");
    }

    private static String buildId() {
        try {
            var src = HelpTextCache.class.getProtectionDomain().getCodeSource();
            Path jar = src == null ? null : Path.of(src.getLocation().toURI());
            if (jar == null || !Files.isRegularFile(jar)) {
                return null;
            }
            List<String> lines = Files.readAllLines(jar.resolveSibling("BUILD_ID"), StandardCharsets.UTF_8);
            String id = lines.isEmpty() ? "" : lines.get(0).strip();
            return id.matches("[A-Za-z0-9._-]{1,200}") ? id : null;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The kept text, or null: none yet, unreadable, or no file. */
    public static String read(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Atomically, and quietly: a cache that cannot be written only costs the next run time. */
    public static void write(Path file, String text) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "help", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // Earlier builds' texts will never be read again.
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.getParent(), "help-*.txt")) {
                String current = file.getFileName().toString();
                String prefix = current.substring(0, current.lastIndexOf('-') + 1);
                for (Path p : ds) {
                    if (!p.getFileName().toString().startsWith(prefix)) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // next time, then
        }
    }
}
