package dev.tcli.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.Journal;
import dev.tcli.spi.JournalEntry;
import dev.tcli.spi.Mappers;
import dev.tcli.spi.TcliException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * docs/design.md §9. One JSON object per line, appended under a file lock and forced to disk
 * before the command returns. A line cut short by a crash is followed by a newline before the
 * next entry, so it can never swallow the lines after it.
 */
final class JsonlJournal implements Journal {
    /** Opens the journal file for a locked append; a seam so a test can hand in a disk that fails. */
    @FunctionalInterface
    interface Opener {
        FileChannel open(Path file) throws IOException;
    }

    private static final Opener FILE = dev.tcli.spi.PrivateFiles::openForAppend;

    private final Path file;
    private final Opener opener;
    private final Supplier<String> profile;
    private final String user;
    private final Clock clock;

    JsonlJournal(Path file, Supplier<String> profile, String user, Clock clock) {
        this(file, profile, user, clock, FILE);
    }

    JsonlJournal(Path file, Supplier<String> profile, String user, Clock clock, Opener opener) {
        this.file = file;
        this.opener = opener;
        this.profile = profile;
        this.user = user;
        this.clock = clock;
    }

    @Override
    public Entries read(Predicate<JournalEntry> keep) {
        return JournalReader.read(file, keep);
    }

    @Override
    public void record(String module, String verb, String target, String outcome, Map<String, ?> details) {
        ObjectNode e = Mappers.json().createObjectNode();
        e.put("time", dev.tcli.spi.Times.utc(clock.instant()));
        e.put("profile", profile.get());
        e.put("user", user);
        e.put("module", module);
        e.put("verb", verb);
        e.put("target", target);
        e.put("outcome", outcome);
        if (details != null && !details.isEmpty()) {
            e.set("details", Mappers.json().valueToTree(details));
        }
        String line = Redactor.redact(e.toString()) + "\n";
        try {
            // 0600 in a 0700 directory, never through a symlink: it holds names and what the user did
            try (FileChannel ch = opener.open(file)) {
                ch.lock(); // released when the channel closes
                long size = ch.size();
                String prefix = "";
                if (size > 0) {
                    ByteBuffer last = ByteBuffer.allocate(1);
                    ch.read(last, size - 1);
                    if (last.get(0) != '\n') {
                        prefix = "\n";
                    }
                }
                ch.write(ByteBuffer.wrap((prefix + line).getBytes(StandardCharsets.UTF_8)), size);
                ch.force(true);
            }
        } catch (IOException ex) {
            throw new TcliException(ExitCode.FAILED, "could not write the journal " + file + ": " + ex.getMessage()
                    + " (the action itself was done)");
        }
    }
}
