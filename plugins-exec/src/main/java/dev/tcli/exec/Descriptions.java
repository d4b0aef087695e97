package dev.tcli.exec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line description of an exec plugin, read from a comment near the top of the file:
 * {@code # tcli-description: Say hello to the on-call}. Reading a few KB of text is all a
 * listing may do; running every plugin to ask it would make {@code tcli --help} as slow as the
 * slowest plugin and run code the user never asked to run.
 */
final class Descriptions {
    /** Enough for a shebang, a licence header and the description. */
    static final int MAX_BYTES = 4096;
    static final int MAX_LINES = 10;
    static final int MAX_LENGTH = 200;
    /** {@code #}, {@code //}, {@code --}, {@code ;} comments, so plugins in any scripting language can have one. */
    private static final Pattern LINE = Pattern.compile("^\\s*(?:#|//|--|;)+\\s*tcli-description:\\s*(.*)$");

    private Descriptions() {
    }

    static String read(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAX_BYTES);
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return parse(head);
    }

    static String parse(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return ""; // a compiled binary: whatever text it holds is not meant for us
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(head)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return "";
        }
        String[] lines = text.split("\r?\n", MAX_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            Matcher m = LINE.matcher(lines[i]);
            if (m.matches()) {
                return clean(m.group(1));
            }
        }
        return "";
    }

    /**
     * Control characters out (an escape sequence in a file on PATH must not repaint the user's
     * terminal during {@code tcli --help}), one line, bounded length.
     */
    private static String clean(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        String out = sb.toString().strip();
        return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH - 1) + "…" : out;
    }
}
