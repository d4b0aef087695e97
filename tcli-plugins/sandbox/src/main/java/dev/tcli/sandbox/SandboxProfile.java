package dev.tcli.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.spi.ProfileProvider;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code --profile sandbox}: starts the emulators on loopback and points every service's
 * settings at them (docs/design.md §7). Output is marked as practice on stderr. When the user
 * names no team repo, the practice team's control repo ({@link PracticeTeam}) stands in.
 */
public final class SandboxProfile implements ProfileProvider {
    public static final String NAME = "sandbox";
    public static final String NOTICE = "tcli: SANDBOX: practice data from built-in emulators, nothing here is live";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "built in: local emulators of PagerDuty, Splunk On-Call, Statuspage and Sumo Logic with a seeded team";
    }

    static Path stateDir(ProfileEnv env) {
        return env.paths().stateDir().resolve("sandbox");
    }

    @Override
    public OpenProfile open(ProfileEnv env) throws Exception {
        SandboxServer server = SandboxServer.start(stateDir(env), 0, Clock.systemUTC());
        if (!env.quiet()) {
            env.stderr().println(NOTICE);
            env.stderr().flush();
        }
        return new OpenProfile() {
            @Override
            public ObjectNode settings() {
                return server.settings();
            }

            /** The practice control repo, created on first use: only for commands that read the team file. */
            @Override
            public Optional<Path> teamRepo() {
                PracticeTeam team = new PracticeTeam(stateDir(env));
                String note = team.ensure();
                if (note != null && !env.quiet()) {
                    env.stderr().println("tcli: " + note);
                    env.stderr().flush();
                }
                return Optional.of(team.dir());
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
