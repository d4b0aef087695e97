package dev.tcli.hab;

import dev.tcli.hab.commands.HabCommand;
import dev.tcli.spi.TcliModule;

/** {@code tcli hab}: the Habitat supervisor on the production nodes. */
public final class HabModule implements TcliModule {
    @Override
    public String name() {
        return "hab";
    }

    @Override
    public String description() {
        return "Habitat supervisor on the nodes: status, safe restarts, logs, package promotion";
    }

    @Override
    public Class<?> command() {
        return HabCommand.class;
    }
}
