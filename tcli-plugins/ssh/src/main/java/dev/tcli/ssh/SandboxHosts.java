package dev.tcli.ssh;

import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sandbox reaches no real machine. Its practice nodes are {@code .invalid} names; but a team repo
 * the user configured wins in the sandbox too, and its nodes are real. So under a sandbox profile every
 * connection (tcli's own client and the system ssh alike) is allowed only to {@code .invalid} names
 * (which then fail as unreachable, as on the practice team) and to loopback (a test's own sshd).
 */
public final class SandboxHosts {
    private SandboxHosts() {
    }

    /** Refuses (exit 2) an environment with a real host when the profile is the sandbox. */
    public static void require(ModuleContext ctx, Environment env) {
        if (!ctx.sandbox()) {
            return;
        }
        List<String> real = new ArrayList<>();
        if (env.jump() != null && !practice(env.jump().host())) {
            real.add("jump host " + env.jump().host());
        }
        for (Node n : env.nodes()) {
            if (!practice(n.host())) {
                real.add(n.name() + " (" + n.host() + ")");
            }
        }
        if (!real.isEmpty()) {
            String source = ctx.team().source();
            throw TcliException.usage("the sandbox connects to no real machine, and environment " + env.name() + " has real hosts: "
                    + String.join(", ", real.subList(0, Math.min(3, real.size()))) + (real.size() > 3 ? ", ..." : "")
                    + (source.isEmpty() ? "" : " (from " + source + ")")
                    + "; practise on the practice team repo (unset TCLI_TEAM_DIR / [team] repo) or use a real profile");
        }
    }

    /** A host the sandbox may connect to: a {@code .invalid} name (never resolves) or loopback. */
    public static boolean practice(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.equals("invalid") || h.endsWith(".invalid") || h.equals("localhost") || h.startsWith("127.")
                || h.equals("::1") || h.equals("[::1]");
    }
}
