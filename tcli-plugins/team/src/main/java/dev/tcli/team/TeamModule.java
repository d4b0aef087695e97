package dev.tcli.team;

import dev.tcli.spi.TcliModule;
import dev.tcli.team.commands.TeamCommand;

/** {@code tcli team}: the team's control repo and its {@code tcli-team.toml}. */
public final class TeamModule implements TcliModule {
    @Override
    public String name() {
        return "team";
    }

    @Override
    public String description() {
        return "The team control repo: show what it defines, sync it, validate tcli-team.toml";
    }

    @Override
    public Class<?> command() {
        return TeamCommand.class;
    }
}
