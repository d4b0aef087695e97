package dev.tcli.status.commands;

import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** What customers will read: the update's text (given, piped or from the editor), and the question before it is published. */
final class StatusUpdate {
    private StatusUpdate() {
    }

    /** Customers will see it: ask on a terminal, need --yes otherwise. A dry run sends nothing, so it does not ask. */
    static void confirm(ModuleContext ctx, String question) {
        if (!ctx.flags().dryRun()) {
            ctx.terminal().confirm(question);
        }
    }

    /**
     * The update text: as given, or with {@code -} from stdin (a pipe) or from {@code $EDITOR} on a
     * terminal, the way {@code git commit} does it.
     */
    static String message(ModuleContext ctx, String value) {
        if (value == null || !value.equals("-")) {
            return value;
        }
        String text;
        if (ctx.terminal().stdinIsTty()) {
            text = editor(ctx);
        } else {
            try {
                text = new String(ctx.stdin().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw TcliException.failed("could not read the message from stdin: " + e.getMessage());
            }
        }
        text = text.strip();
        if (text.isEmpty()) {
            throw TcliException.usage("the message is empty: nothing posted");
        }
        return text;
    }

    static final String TEMPLATE = """

            # The message for the public status page: subscribers may be emailed and texted it.
            # Say what users see, what is being done and when the next update comes.
            # Lines starting with '#' are left out; an empty message posts nothing.
            """;

    private static String editor(ModuleContext ctx) {
        String editor = ctx.env().getOrDefault("VISUAL", ctx.env().getOrDefault("EDITOR", "vi"));
        try {
            Path f = Files.createTempFile("tcli-status-", ".md");
            try {
                // like git commit: a first empty line to write on, then what is expected, as comments
                Files.writeString(f, TEMPLATE);
                Process p = new ProcessBuilder("sh", "-c", editor + " \"$1\"", "sh", f.toString()).inheritIO().start();
                if (p.waitFor() != 0) {
                    throw TcliException.failed("the editor (" + editor + ") failed: nothing posted");
                }
                StringBuilder out = new StringBuilder();
                for (String line : Files.readAllLines(f)) {
                    if (!line.startsWith("#")) {
                        out.append(line).append('\n');
                    }
                }
                return out.toString();
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw TcliException.failed("could not run the editor: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TcliException(ExitCode.INTERRUPTED, "interrupted");
        }
    }
}
