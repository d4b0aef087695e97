package dev.tcli.journal;

import dev.tcli.journal.commands.JournalCommand;
import dev.tcli.spi.TcliModule;

/** {@code tcli journal}: what tcli did, read back from the action journal. */
public final class JournalModule implements TcliModule {
    @Override
    public String name() {
        return "journal";
    }

    @Override
    public String description() {
        return "What tcli did: acks, restarts, status updates... from the action journal, filterable by incident";
    }

    @Override
    public Class<?> command() {
        return JournalCommand.class;
    }
}
