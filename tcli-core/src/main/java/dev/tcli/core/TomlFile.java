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
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw TcliException.config(display + ": no such file");
        } catch (IOException e) {
            throw TcliException.config(display + ": cannot read: " + e.getMessage());
        }
        return parse(path, display, text);
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
        return keyLines.exactLine(dottedKey);
    }
}
