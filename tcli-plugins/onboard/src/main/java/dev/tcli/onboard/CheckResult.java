package dev.tcli.onboard;

/**
 * One finished check, as {@code -o json} prints it.
 *
 * @param ok      true passed, false failed, null skipped
 * @param hint    what to do; only for failures (null otherwise)
 * @param seconds how long the check took
 */
public record CheckResult(String name, Boolean ok, String detail, String hint, double seconds) {

    public String mark() {
        return ok == null ? "skip" : ok ? "✔" : "✘";
    }
}
