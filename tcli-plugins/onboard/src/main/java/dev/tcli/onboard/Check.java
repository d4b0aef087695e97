package dev.tcli.onboard;

import java.time.Duration;

/**
 * One line of the checklist: a name (what {@code --only} selects), what to do when it fails,
 * its own timeout (null: the command's {@code --timeout}) and the probe itself.
 */
public record Check(String name, String hint, Duration timeout, Probe probe) {

    /** Finds out; may block up to the timeout, which the checklist enforces anyway. */
    @FunctionalInterface
    public interface Probe {
        Outcome run(Duration timeout) throws Exception;
    }

    /** A check that is skipped without running, e.g. when its service is not configured. */
    public static Check skipped(String name, String reason) {
        return new Check(name, null, null, t -> Outcome.skip(reason));
    }

    public static Check of(String name, String hint, Probe probe) {
        return new Check(name, hint, null, probe);
    }
}
