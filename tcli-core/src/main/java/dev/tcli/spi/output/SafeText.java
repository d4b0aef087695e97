package dev.tcli.spi.output;

/**
 * Text from servers and team files shown on a terminal: control characters (C0 except tab,
 * DEL, C1, and so ESC) become visible escapes ({@code \x1b}, {@code \r}, {@code \n},
 * {@code \x9b}), so an alert title or a log line cannot clear the screen, retitle the window or
 * hide a line with a carriage return. Used by the renderer for table and CSV output and by the
 * error printer for stderr; JSON and JSONL keep the exact text (JSON escaping already makes it safe).
 */
public final class SafeText {
    private SafeText() {
    }

    /** True when {@code c} is shown escaped. */
    public static boolean isControl(int c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0);
    }

    /** {@code s} with every control character escaped; the same string when there is none (null stays null). */
    public static String escape(String s) {
        return escape(s, false);
    }

    /** As {@link #escape(String)}, but newlines kept: for free text printed as several lines (an update's body). */
    public static String escapeKeepingLines(String s) {
        return escape(s, true);
    }

    private static boolean shown(char c, boolean keepLines) {
        return isControl(c) && !(keepLines && c == '\n');
    }

    private static String escape(String s, boolean keepLines) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !shown(s.charAt(i), keepLines)) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!shown(c, keepLines)) {
                b.append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else {
                b.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            }
        }
        return b.toString();
    }
}
