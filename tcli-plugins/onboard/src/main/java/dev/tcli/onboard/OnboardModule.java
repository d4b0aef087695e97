package dev.tcli.onboard;

import dev.tcli.onboard.commands.OnboardCommand;
import dev.tcli.spi.TcliModule;

/** {@code tcli onboard}: "can I do my on-call job yet?", and a practice incident in the sandbox. */
public final class OnboardModule implements TcliModule {
    @Override
    public String name() {
        return "onboard";
    }

    @Override
    public String description() {
        return "Day one: check you can do the on-call job (accounts, SSH, tools, team checks) and run a practice incident";
    }

    @Override
    public Class<?> command() {
        return OnboardCommand.class;
    }
}
