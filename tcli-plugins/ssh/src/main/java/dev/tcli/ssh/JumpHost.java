package dev.tcli.ssh;

/** The environment's bastion: every node is reached through it, never directly. */
public record JumpHost(String host, int port, String user) {
    @Override
    public String toString() {
        return user + "@" + host + (port == 22 ? "" : ":" + port);
    }
}
