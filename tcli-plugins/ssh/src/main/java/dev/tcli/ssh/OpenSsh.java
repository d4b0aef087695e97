package dev.tcli.ssh;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line for the system {@code ssh} that reaches a node like tcli does: through the
 * jump host (a ProxyCommand, so the jump hop also gets the identity file), with the
 * known_hosts of {@code $HOME} (OpenSSH itself would use the passwd home directory).
 */
public final class OpenSsh {
    private OpenSsh() {
    }

    public static List<String> argv(Path home, Environment env, Node node, boolean acceptNew, List<String> command) {
        String knownHosts = home.resolve(".ssh").resolve("known_hosts").toString();
        List<String> common = new ArrayList<>();
        common.add("-o");
        common.add("UserKnownHostsFile=" + knownHosts);
        common.add("-o");
        // "ask": OpenSSH shows the fingerprint and asks on the terminal, like tcli's own --accept-new
        common.add("StrictHostKeyChecking=" + (acceptNew ? "ask" : "yes"));
        if (env.identityFile() != null) {
            common.add("-i");
            common.add(env.identityFile());
        }
        List<String> argv = new ArrayList<>();
        argv.add("ssh");
        argv.addAll(common);
        if (env.jump() != null) {
            JumpHost j = env.jump();
            // ProxyCommand runs through the user's shell: every word is quoted
            List<String> proxy = new ArrayList<>(List.of("ssh"));
            proxy.addAll(common);
            proxy.addAll(List.of("-p", String.valueOf(j.port()), "-W", "%h:%p", "--", j.user() + "@" + j.host()));
            argv.add("-o");
            argv.add("ProxyCommand=" + String.join(" ", proxy.stream().map(w -> w.equals("%h:%p") ? w : RemoteCommand.quote(w)).toList()));
        }
        argv.add("-p");
        argv.add(String.valueOf(node.port()));
        if (command.isEmpty()) {
            argv.add("-t");
        }
        argv.add("--");
        argv.add(node.user() + "@" + node.host());
        if (!command.isEmpty()) {
            // one word for ssh, quoted for the remote shell, like tcli ssh exec
            argv.add(RemoteCommand.of(command).line());
        }
        return argv;
    }
}
