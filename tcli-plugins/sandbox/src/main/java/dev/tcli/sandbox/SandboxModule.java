package dev.tcli.sandbox;

import dev.tcli.sandbox.commands.SandboxCommand;
import dev.tcli.spi.TcliModule;

/** {@code tcli sandbox}: manage the built-in practice environment. */
public final class SandboxModule implements TcliModule {
    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public String description() {
        return "The built-in practice team: reset it, inspect it, serve it to other tools";
    }

    @Override
    public Class<?> command() {
        return SandboxCommand.class;
    }
}
