package dev.tcli.ssh.commands;

import picocli.CommandLine.Option;

/** The options every connecting verb shares. */
public final class Connection {
    @Option(names = {"-e", "--env"}, paramLabel = "ENV", description = "Environment of the team file (default: [profiles.P.ssh] environment, or the only one).")
    public String env;

    @Option(names = "--accept-new", description = "Offer to trust a host key known_hosts does not have yet (asks on a terminal, or --yes).")
    public boolean acceptNew;

    public dev.tcli.ssh.SshClient.HostKeyPolicy policy() {
        return acceptNew ? dev.tcli.ssh.SshClient.HostKeyPolicy.ACCEPT_NEW : dev.tcli.ssh.SshClient.HostKeyPolicy.STRICT;
    }
}
