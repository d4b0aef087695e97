package dev.tcli.web;

import dev.tcli.spi.TcliModule;
import dev.tcli.web.commands.WebCommand;

/** {@code tcli web}: the team's dashboards and bookmarks from {@code [web]} of the team file. */
public final class WebModule implements TcliModule {
    @Override
    public String name() {
        return "web";
    }

    @Override
    public String description() {
        return "The team's dashboards and bookmarks: list them, open one in the browser";
    }

    @Override
    public Class<?> command() {
        return WebCommand.class;
    }
}
