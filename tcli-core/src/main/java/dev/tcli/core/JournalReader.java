package dev.tcli.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.Journal;
import dev.tcli.spi.JournalEntry;
import dev.tcli.spi.Mappers;
import dev.tcli.spi.TcliException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads {@code journal.jsonl} back. A crash mid-write can leave the last line cut short (the
 * kernel starts the next entry on a fresh line, so only that one line is lost); such lines
 * are skipped and counted, never fatal: the journal is evidence, and half of it beats none.
 */
final class JournalReader {

    private JournalReader() {
    }

    static Journal.Entries read(Path file, Predicate<JournalEntry> keep) {
        List<JournalEntry> out = new ArrayList<>();
        int bad = 0;
        // bytes, not a Reader: a line cut inside a multi-byte character is one unreadable line, not "Input length = 1"
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            int b;
            boolean more = true;
            while (more) {
                b = in.read();
                if (b != '\n' && b != -1) {
                    line.write(b);
                    continue;
                }
                more = b != -1;
                String text = decode(line.toByteArray());
                line.reset();
                if (text != null && text.isBlank()) {
                    continue;
                }
                JournalEntry e = text == null ? null : parse(text);
                if (e == null) {
                    bad++;
                } else if (keep.test(e)) {
                    out.add(e);
                }
            }
        } catch (NoSuchFileException e) {
            return new Journal.Entries(List.of(), 0);
        } catch (IOException e) {
            throw TcliException.failed("cannot read the journal " + file + ": " + e.getMessage());
        }
        return new Journal.Entries(out, bad);
    }

    /** Strict UTF-8: null for bytes that are not (a torn multi-byte character). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static JournalEntry parse(String line) {
        try {
            JsonNode n = Mappers.json().readTree(line);
            if (n == null || !n.isObject() || !n.hasNonNull("time")) {
                return null;
            }
            JsonNode details = n.path("details");
            return new JournalEntry(Instant.parse(n.path("time").asText()), text(n, "profile"), text(n, "user"),
                    text(n, "module"), text(n, "verb"), text(n, "target"), text(n, "outcome"),
                    details.isMissingNode() ? null : details);
        } catch (IOException | DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
