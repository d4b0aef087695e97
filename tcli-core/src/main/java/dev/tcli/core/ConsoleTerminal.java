package dev.tcli.core;

import dev.tcli.spi.ExitCode;
import dev.tcli.spi.Flags;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Terminal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Prompts on stderr, answers from stdin, only when both are terminals (docs/design.md §2). */
final class ConsoleTerminal implements Terminal {
    private final SystemEnv sys;
    private final Flags flags;
    private final PrintWriter err;
    private final Screen screen;
    private final Interrupts interrupts;
    private BufferedReader reader;

    ConsoleTerminal(SystemEnv sys, Flags flags, PrintWriter err, Screen screen, Interrupts interrupts) {
        this.sys = sys;
        this.flags = flags;
        this.err = err;
        this.screen = screen;
        this.interrupts = interrupts;
    }

    @Override
    public boolean stdinIsTty() {
        return sys.stdinTty();
    }

    @Override
    public boolean stdoutIsTty() {
        return sys.stdoutTty();
    }

    @Override
    public boolean stderrIsTty() {
        return sys.stderrTty();
    }

    @Override
    public int width() {
        return screen.outWidth();
    }

    @Override
    public void confirm(String question) {
        // a dry run sends nothing, so there is nothing to confirm
        if (flags.yes() || flags.dryRun()) {
            return;
        }
        if (!sys.stdinTty()) {
            throw TcliException.usage(question.replaceAll("\\?$", "") + ": not on a terminal, so pass --yes to confirm");
        }
        String answer = readLine(question + " [y/N] ", "not confirmed; nothing was done");
        String a = answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
        if (!a.equals("y") && !a.equals("yes")) {
            throw new TcliException(ExitCode.FAILED, "not confirmed; nothing was done");
        }
    }

    @Override
    public String prompt(String question) {
        if (!sys.stdinTty()) {
            throw TcliException.usage("cannot ask '" + question.trim() + "': not on a terminal; pass it as an option");
        }
        String line = readLine(question, "interrupted");
        if (line == null) {
            throw TcliException.usage("no answer to '" + question.trim() + "' (end of input)");
        }
        return line.trim();
    }

    @Override
    public char[] promptSecret(String question) {
        if (!sys.stdinTty()) {
            throw TcliException.usage("cannot ask for a secret: not on a terminal; use the *_cmd setting or an environment variable");
        }
        java.io.Console console = System.console();
        if (console != null && sys.in() == System.in) {
            char[] v = console.readPassword("%s", question);
            if (v == null) {
                throw TcliException.usage("no answer (end of input)");
            }
            return v;
        }
        String line = readLine(question, "interrupted");
        return line == null ? new char[0] : line.toCharArray();
    }

    /**
     * Ctrl-C while the question waits ends the line the terminal left after {@code ^C} and says
     * what happened, so the shell's prompt starts on a line of its own (the JVM then exits 130).
     */
    private String readLine(String prompt, String onInterrupt) {
        err.print(prompt);
        err.flush();
        Runnable ended = () -> {
            if (interrupts.claimLastWord()) {
                err.println();
                err.println("tcli: " + onInterrupt);
                err.flush();
            }
        };
        interrupts.register(ended);
        try {
            if (reader == null) {
                reader = new BufferedReader(new InputStreamReader(sys.in(), StandardCharsets.UTF_8));
            }
            return reader.readLine();
        } catch (IOException e) {
            throw TcliException.usage("cannot read the answer: " + e.getMessage());
        } finally {
            interrupts.unregister(ended);
        }
    }
}
