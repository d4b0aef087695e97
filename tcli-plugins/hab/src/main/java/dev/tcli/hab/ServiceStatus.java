package dev.tcli.hab;

import java.util.List;

/**
 * One service as a node's supervisor reports it, from the HTTP gateway or {@code hab svc status}.
 *
 * @param health  ok, warning, critical, unknown; null when the source does not say (the CLI)
 * @param source  gateway or cli; "none" for a node that could not be asked
 * @param error   why the node could not be asked (then only node and error are set)
 */
public record ServiceStatus(String node, String pkg, String type, String desired, String state, Long elapsed,
                            String pid, String group, String health, List<String> binds, String source, String error) {

    public static ServiceStatus failed(String node, String error) {
        return new ServiceStatus(node, null, null, null, "unreachable", null, null, null, null, List.of(), "none", error);
    }

    /** The service name: {@code builder-api} of {@code habitat/builder-api/7602/2018...}. */
    public String name() {
        if (pkg != null) {
            String[] parts = pkg.split("/");
            if (parts.length >= 2) {
                return parts[1];
            }
        }
        return group == null ? null : group.split("\\.")[0];
    }

    /** True when {@code ident} (origin/name[/version[/release]] or just name) names this service. */
    public boolean matches(String ident) {
        if (pkg == null) {
            return false;
        }
        return ident.contains("/") ? (pkg + "/").startsWith(ident + "/") : ident.equals(name());
    }

    public boolean up() {
        return "up".equals(state);
    }

    /** Up, and not reported critical by its health check. */
    public boolean healthy() {
        return up() && (health == null || !health.equals("critical"));
    }
}
