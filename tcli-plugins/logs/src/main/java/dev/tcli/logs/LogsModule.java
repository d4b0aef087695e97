package dev.tcli.logs;

import dev.tcli.logs.commands.LogsCommand;
import dev.tcli.spi.TcliModule;

/** {@code tcli logs}: find the errors, through Sumo Logic's Search Job API. */
public final class LogsModule implements TcliModule {
    @Override
    public String name() {
        return "logs";
    }

    @Override
    public String description() {
        return "Search and follow the logs (Sumo Logic search jobs), and the team's saved searches";
    }

    @Override
    public Class<?> command() {
        return LogsCommand.class;
    }
}
