package dev.tcli.team;

import java.nio.file.Path;

/** The team module's view of {@link dev.tcli.spi.TomlLines}, which the kernel's where() uses too. */
public final class TomlLines {
    private final dev.tcli.spi.TomlLines lines;

    private TomlLines(dev.tcli.spi.TomlLines lines) {
        this.lines = lines;
    }

    /** Reads a file; an unreadable file simply knows no lines. */
    public static TomlLines of(Path file) {
        return new TomlLines(dev.tcli.spi.TomlLines.of(file));
    }

    static TomlLines parse(String text) {
        return new TomlLines(dev.tcli.spi.TomlLines.parse(text));
    }

    /** See {@link dev.tcli.spi.TomlLines#line}. */
    public int line(String key) {
        return lines.line(key);
    }
}
