package dev.tcli.status;

import dev.tcli.spi.TcliModule;
import dev.tcli.status.commands.StatusCommand;

/** {@code tcli status}: tell customers through the public Atlassian Statuspage. */
public final class StatusModule implements TcliModule {
    @Override
    public String name() {
        return "status";
    }

    @Override
    public String description() {
        return "The public status page (Atlassian Statuspage): components, incidents, templates";
    }

    @Override
    public Class<?> command() {
        return StatusCommand.class;
    }
}
