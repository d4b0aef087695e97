package dev.tcli.spi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A profile that exists without configuration, such as {@code sandbox}. Registered in
 * {@code META-INF/services/dev.tcli.spi.ProfileProvider}. The core opens it lazily, the first
 * time a command asks for a setting or secret, and closes it when the command ends.
 */
public interface ProfileProvider {

    /** The profile name, e.g. {@code sandbox}. */
    String name();

    /** One line for {@code tcli config profiles}. */
    String description();

    /**
     * Starts whatever backs the profile.
     *
     * @param env the environment of this run (paths, stderr for the one-line notice)
     */
    OpenProfile open(ProfileEnv env) throws Exception;

    /** What the provider needs from the core. */
    interface ProfileEnv {
        Paths paths();

        java.io.PrintWriter stderr();

        boolean quiet();
    }

    /** A running profile: its settings, shaped like a {@code [profiles.NAME]} table. */
    interface OpenProfile extends AutoCloseable {
        /** {@code {"oncall": {...}, "pagerduty": {"base_url": ..., "token": ...}, ...}} */
        ObjectNode settings();

        /** A team control repo that goes with the profile, when the config names none. */
        default java.util.Optional<java.nio.file.Path> teamRepo() {
            return java.util.Optional.empty();
        }

        @Override
        void close();
    }
}
