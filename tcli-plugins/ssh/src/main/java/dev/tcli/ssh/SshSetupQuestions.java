package dev.tcli.ssh;

import dev.tcli.spi.SetupQuestions;
import java.util.List;

/** {@code tcli config init}'s question about SSH: which of the team file's environments (the user only by flag). */
public final class SshSetupQuestions implements SetupQuestions {
    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<Flag> flags() {
        return List.of(
                new Flag("--ssh-environment", "ENV", "Team environment for ssh/hab (e.g. live)."),
                new Flag("--ssh-user", "USER", "Login name on the jump host (default: $USER)."));
    }

    @Override
    public void ask(Setup setup) {
        setup.put("ssh", "environment", setup.answer("--ssh-environment", "Team environment for ssh/hab (e.g. live)", null));
        setup.put("ssh", "user", setup.answer("--ssh-user", null, null));
    }
}
