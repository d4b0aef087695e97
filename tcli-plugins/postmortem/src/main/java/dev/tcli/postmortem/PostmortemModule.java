package dev.tcli.postmortem;

import dev.tcli.postmortem.commands.PostmortemCommand;
import dev.tcli.spi.TcliModule;

/** {@code tcli postmortem}: the blameless postmortem draft. */
public final class PostmortemModule implements TcliModule {
    @Override
    public String name() {
        return "postmortem";
    }

    @Override
    public String description() {
        return "Draft a blameless postmortem with a UTC timeline from PagerDuty, Statuspage and the journal";
    }

    @Override
    public Class<?> command() {
        return PostmortemCommand.class;
    }
}
