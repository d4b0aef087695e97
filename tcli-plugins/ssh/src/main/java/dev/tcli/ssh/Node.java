package dev.tcli.ssh;

import java.util.List;

/**
 * One production node of an environment, as the team file's {@code [[environments.E.nodes]]}
 * or the inventory command describes it. {@code host} and {@code port} are as seen from the
 * jump host; {@code gatewayPort} is the Habitat supervisor's HTTP gateway on the node.
 */
public record Node(String name, String host, int port, String user, List<String> roles, int gatewayPort) {
    public static final int DEFAULT_GATEWAY_PORT = 9631;

    public Node {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return role == null || roles.contains(role);
    }
}
