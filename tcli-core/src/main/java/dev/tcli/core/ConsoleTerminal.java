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
    private BufferedReader reader;

    ConsoleTerminal(SystemEnv sys, Flags flags, PrintWriter err) {
        this.sys = sys;
        this.flags = flags;
        this.err = err;
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
        if (!sys.stdoutTty()) {
            return 0;
        }
        String cols = sys.get("COLUMNS");
        try {
            return cols == null ? 0 : Integer.parseInt(cols.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
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
        String answer = readLine(question + " [y/N] ");
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
        String line = readLine(question);
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
        String line = readLine(question);
        return line == null ? new char[0] : line.toCharArray();
    }

    private String readLine(String prompt) {
        err.print(prompt);
        err.flush();
        try {
            if (reader == null) {
                reader = new BufferedReader(new InputStreamReader(sys.in(), StandardCharsets.UTF_8));
            }
            return reader.readLine();
        } catch (IOException e) {
            throw TcliException.usage("cannot read the answer: " + e.getMessage());
        }
    }
}
