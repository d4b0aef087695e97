package dev.tcli.logs;

import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.output.Output;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The search's progress on stderr, never on stdout. On a terminal: one line rewritten in place
 * (state, messages so far, elapsed) and cleared at the end. Otherwise a line per state change,
 * for logs of scripts. Nothing with {@code -q}.
 */
public final class Progress {
    private final PrintWriter err;
    private final Output out;
    private final boolean tty;
    private final boolean quiet;
    private final long start = System.nanoTime();
    private String lastState = "";
    private boolean drawn;

    public Progress(ModuleContext ctx) {
        this.err = ctx.stderr();
        this.out = ctx.out();
        this.tty = ctx.terminal().stderrIsTty();
        this.quiet = ctx.flags().quiet();
    }

    /** A progress that prints nothing (tail's short jobs). */
    public static Progress silent(ModuleContext ctx) {
        Progress p = new Progress(ctx);
        p.lastState = null;
        return p;
    }

    private boolean off() {
        return quiet || lastState == null;
    }

    void update(String state, int messages, int records) {
        if (off()) {
            return;
        }
        String line = line(state, messages, records);
        if (tty) {
            // the kernel's progress line: cut to the width, cleared before anything else is printed
            out.progress(line);
            drawn = true;
        } else if (!state.equals(lastState)) {
            err.println(line);
            err.flush();
        }
        lastState = state;
    }

    void done(String state, int messages, int records) {
        if (off()) {
            return;
        }
        if (tty && drawn) {
            out.progress(null);
        }
        err.println("search " + state + ": " + counts(messages, records) + " found in " + elapsed());
        err.flush();
    }

    private String line(String state, int messages, int records) {
        return "searching: " + state + ", " + counts(messages, records) + ", " + elapsed();
    }

    private static String counts(int messages, int records) {
        return String.format(Locale.ROOT, "%,d messages", messages) + (records > 0 ? String.format(Locale.ROOT, ", %,d records", records) : "");
    }

    private String elapsed() {
        Duration d = Duration.ofNanos(System.nanoTime() - start);
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
