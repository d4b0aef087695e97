package dev.tcli.ssh;

import java.util.List;
import java.util.Optional;

/**
 * One {@code [environments.NAME]} of the team file: the jump host, the key to use, the prefix
 * for privileged commands and the nodes.
 *
 * @param jump         null when the nodes are reachable directly (no {@code jump_host})
 * @param identityFile the expanded identity file, or null to use the ssh-agent / default keys
 * @param sudo         the prefix for privileged remote commands, split into words (may be empty)
 */
public record Environment(String name, JumpHost jump, String identityFile, List<String> sudo, List<Node> nodes) {
    public Environment {
        sudo = List.copyOf(sudo);
        nodes = List.copyOf(nodes);
    }

    public Optional<Node> node(String nodeName) {
        return nodes.stream().filter(n -> n.name().equals(nodeName)).findFirst();
    }

    /** The nodes carrying {@code role} (every node when role is null). */
    public List<Node> nodes(String role) {
        return nodes.stream().filter(n -> n.hasRole(role)).toList();
    }
}
