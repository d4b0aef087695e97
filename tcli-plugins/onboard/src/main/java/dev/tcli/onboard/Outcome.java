package dev.tcli.onboard;

/**
 * What one check found.
 *
 * @param ok     true passed, false failed, null skipped
 * @param detail what was seen (or why it was skipped)
 * @param hint   what to do about a failure; null keeps the check's own hint
 */
public record Outcome(Boolean ok, String detail, String hint) {
    public static Outcome pass(String detail) {
        return new Outcome(true, detail, null);
    }

    public static Outcome fail(String detail) {
        return new Outcome(false, detail, null);
    }

    public static Outcome fail(String detail, String hint) {
        return new Outcome(false, detail, hint);
    }

    public static Outcome skip(String reason) {
        return new Outcome(null, reason, null);
    }
}
