package dev.tcli.ssh;

import dev.tcli.spi.TcliModule;
import dev.tcli.ssh.commands.SshCommand;

/** {@code tcli ssh}: the production nodes, through the environment's jump host. */
public final class SshModule implements TcliModule {
    @Override
    public String name() {
        return "ssh";
    }

    @Override
    public String description() {
        return "Reach production nodes through the jump host: hosts, exec, shell, tunnel, ssh config";
    }

    @Override
    public Class<?> command() {
        return SshCommand.class;
    }
}
