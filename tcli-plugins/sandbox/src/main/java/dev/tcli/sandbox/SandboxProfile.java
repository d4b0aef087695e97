package dev.tcli.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.spi.ProfileProvider;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code --profile sandbox}: starts the emulators on loopback and points every service's
 * settings at them (DESIGN.md section 7). Output is marked as practice on stderr.
 */
public final class SandboxProfile implements ProfileProvider {
    public static final String NAME = "sandbox";
    static final String NOTICE = "tcli: SANDBOX: practice data from built-in emulators, nothing here is live";

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

            @Override
            public void close() {
                server.close();
            }
        };
    }
}
