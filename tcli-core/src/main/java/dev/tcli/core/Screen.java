package dev.tcli.core;

import dev.tcli.spi.output.LiveRows;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a person sees at a terminal, in one place: the terminal's width, a transient progress
 * line on stderr that is cleared before anything else reaches the screen, and a block of rows
 * redrawn in place. Three escape sequences (carriage return, erase line, cursor up/down) are
 * all it takes, so no terminal library is loaded; the width comes from the launcher.
 *
 * <p>stdout and stderr are handed out as writers that clear a drawn progress line before
 * their first character: data, a warning or an error message never lands after it on the same
 * screen row, whichever module prints it and however (Output, stdout(), an exception).
 */
final class Screen {
    static final String ELLIPSIS = "…";

    private final PrintStream rawErr;
    private final boolean outTty;
    private final boolean errTty;
    private final int width;
    private final PrintWriter out;
    private final PrintWriter err;
    private boolean drawn;

    Screen(SystemEnv sys) {
        this.rawErr = sys.err();
        this.outTty = sys.stdoutTty();
        this.errTty = sys.stderrTty();
        this.width = columns(sys);
        this.out = new PrintWriter(new Guard(sys.out()), false);
        this.err = new PrintWriter(new Guard(sys.err()), true);
    }

    /**
     * The terminal's width: {@code $COLUMNS} when exported, else what the launcher measured
     * ({@code -Dtcli.columns}); 0 when unknown.
     */
    static int columns(SystemEnv sys) {
        String cols = sys.get("COLUMNS");
        if (cols == null) {
            cols = System.getProperty("tcli.columns");
        }
        try {
            int n = cols == null ? 0 : Integer.parseInt(cols.trim());
            return n > 0 && n < 10_000 ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    /** Width of stdout's terminal; 0 when stdout is not a terminal or the width is unknown. */
    int outWidth() {
        return outTty ? width : 0;
    }

    /** Shows {@code line} as the progress line on a terminal's stderr (nothing otherwise); null or empty clears it. */
    synchronized void progress(String line) {
        if (!errTty) {
            return;
        }
        if (line == null || line.isEmpty()) {
            clear();
            return;
        }
        // what stdout holds must reach the screen before the line is drawn under it
        out.flush();
        rawErr.print("\r" + fit(line, width > 0 ? width - 1 : 79) + "\u001b[K");
        rawErr.flush();
        drawn = true;
    }

    /** Erases the progress line, if one is drawn. */
    synchronized void clear() {
        if (drawn) {
            drawn = false;
            rawErr.print("\r\u001b[K");
            rawErr.flush();
        }
    }

    /** Rows redrawn in place on stdout, or null when stdout is not a terminal of known width. */
    LiveRows liveRows(List<String> rows) {
        if (outWidth() <= 1) {
            return null;
        }
        return new Block(rows);
    }

    /** {@code s} cut to {@code max} characters, the last one an ellipsis when cut. */
    static String fit(String s, int max) {
        if (max <= 0 || s.length() <= max) {
            return s;
        }
        if (s.indexOf('\u001b') < 0) {
            return max == 1 ? ELLIPSIS : s.substring(0, max - 1) + ELLIPSIS;
        }
        // colour codes take no room on the screen: count only what is shown
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u001b') {
                int end = i + 1;
                while (end < s.length() && !Character.isLetter(s.charAt(end))) {
                    end++;
                }
                sb.append(s, i, Math.min(end + 1, s.length()));
                i = end;
                continue;
            }
            if (shown == max - 1 && visible(s, i) > 1) {
                return sb.append(ELLIPSIS).append("\u001b[0m").toString();
            }
            sb.append(c);
            shown++;
        }
        return sb.toString();
    }

    /** Characters shown from {@code from} on, escape sequences not counted. */
    private static int visible(String s, int from) {
        int n = 0;
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\u001b') {
                while (i + 1 < s.length() && !Character.isLetter(s.charAt(i + 1))) {
                    i++;
                }
                i++;
            } else {
                n++;
            }
        }
        return n;
    }

    /** Clears the progress line before the first character of every write. */
    private final class Guard extends Writer {
        private final Writer target;
        private final PrintStream stream;

        Guard(PrintStream stream) {
            this.stream = stream;
            this.target = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            if (len > 0 && drawn) {
                clear();
            }
            target.write(buf, off, len);
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            if (len > 0 && drawn) {
                clear();
            }
            target.write(s, off, len);
        }

        /**
         * A PrintStream keeps a failed write to itself; passing it on lets {@code checkError()}
         * tell a streaming command that its reader has gone ({@code | head -1}).
         */
        @Override
        public void flush() throws IOException {
            target.flush();
            if (stream.checkError()) {
                throw new IOException("the reader has gone");
            }
        }

        @Override
        public void close() throws IOException {
            target.flush();
        }
    }

    /**
     * Every row cut to width - 1 columns, so that no row wraps and "n rows up" is n screen
     * rows. The cursor rests on the line below the block between updates.
     */
    private final class Block implements LiveRows {
        private final List<String> rows;
        private final int max;
        private boolean closed;

        Block(List<String> initial) {
            this.rows = new ArrayList<>(initial);
            this.max = width - 1;
            synchronized (Screen.this) {
                clear();
                for (String r : rows) {
                    out.print(fit(r, max) + "\n");
                }
                out.flush();
            }
        }

        @Override
        public void set(int index, String line) {
            synchronized (Screen.this) {
                if (closed || index < 0 || index >= rows.size()) {
                    return;
                }
                rows.set(index, line);
                int up = rows.size() - index;
                out.print("\u001b[" + up + "A\r\u001b[2K" + fit(line, max) + "\u001b[" + up + "B\r");
                out.flush();
            }
        }

        @Override
        public void close() {
            synchronized (Screen.this) {
                closed = true;
                out.flush();
            }
        }
    }
}
