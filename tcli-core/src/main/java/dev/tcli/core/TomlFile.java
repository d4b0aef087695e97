package dev.tcli.core;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.spi.Mappers;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.TomlLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A TOML file read with Jackson's TOML format, remembering its text so that errors can name
 * the line a key is on (docs/design.md §5: "the file, line and key").
 */
public final class TomlFile {
    /** Config and team files are a few KB; anything past this is not one. */
    static final long MAX_SIZE = 1L << 20;

    private final Path path;
    private final String display;
    private final String text;
    private final ObjectNode root;
    private TomlLines keyLines;

    private TomlFile(Path path, String display, String text, ObjectNode root) {
        this.path = path;
        this.display = display;
        this.text = text;
        this.root = root;
    }

    /** Reads a file; exit 3 with file and line when it is not valid TOML. */
    public static TomlFile read(Path path, String display) {
        String text;
        try {
            // --config /dev/zero or a FIFO would be read forever: only regular files of a sane size
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                throw TcliException.config(display + ": not a regular file; give the path of a TOML file");
            }
            if (Files.exists(path) && Files.size(path) > MAX_SIZE) {
                throw TcliException.config(display + ": " + Files.size(path) + " bytes is too large for a TOML file (at most 1 MiB)");
            }
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw TcliException.config(display + ": no such file");
        } catch (java.nio.charset.CharacterCodingException e) {
            // not "Input length = 1": say what is wrong and where
            throw TcliException.config(display + ":" + firstBadLine(path) + ": not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw TcliException.config(display + ": cannot read: " + e.getMessage());
        }
        return parse(path, display, text);
    }

    /** The line of the first byte sequence that is not UTF-8 (1 when it cannot be told). */
    private static int firstBadLine(Path path) {
        try {
            byte[] bytes = Files.readAllBytes(path);
            var decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
            int line = 1;
            int start = 0;
            for (int i = 0; i <= bytes.length; i++) {
                if (i == bytes.length || bytes[i] == '\n') {
                    try {
                        decoder.reset().decode(java.nio.ByteBuffer.wrap(bytes, start, i - start));
                    } catch (java.nio.charset.CharacterCodingException bad) {
                        return line;
                    }
                    line++;
                    start = i + 1;
                }
            }
        } catch (IOException e) {
            // the caller's message stands without the line
        }
        return 1;
    }

    /** Exit 3 with file and line when {@code text} is not valid TOML: checked before a file is replaced. */
    public static void check(String display, String text) {
        parse(null, display, text);
    }

    static TomlFile parse(Path path, String display, String text) {
        try {
            JsonNode node = text.isBlank() ? JsonNodeFactory.instance.objectNode() : Mappers.toml().readTree(text);
            if (!(node instanceof ObjectNode obj)) {
                throw TcliException.config(display + ": not a TOML document");
            }
            return new TomlFile(path, display, text, obj);
        } catch (JacksonException e) {
            JsonLocation loc = e.getLocation();
            String where = loc != null && loc.getLineNr() > 0 ? display + ":" + loc.getLineNr() : display;
            throw TcliException.config(where + ": invalid TOML: " + e.getOriginalMessage());
        }
    }

    public Path path() {
        return path;
    }

    public String display() {
        return display;
    }

    public ObjectNode root() {
        return root;
    }

    /** {@code file:line} for a dotted key such as {@code profiles.live.pagerduty.token}; the file alone when not found. */
    public String where(String dottedKey) {
        int line = lineOf(dottedKey);
        return line > 0 ? display + ":" + line : display;
    }

    synchronized int lineOf(String dottedKey) {
        if (keyLines == null) {
            keyLines = TomlLines.parse(text); // only an error message needs it: not parsed on the happy path
        }
        // the n-th [[array.of.tables]] (a team file's nodes[1]) by index, else the key exactly as named
        return dottedKey.contains("[") ? keyLines.line(dottedKey) : keyLines.exactLine(dottedKey);
    }
}
