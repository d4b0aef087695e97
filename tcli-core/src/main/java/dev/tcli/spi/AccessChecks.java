package dev.tcli.spi;

import java.time.Duration;
import java.util.List;

/**
 * "Can I use this service yet?": the checks {@code tcli onboard check} runs for one service a
 * module owns, such as the token being accepted and my user being on a rota. The module that
 * talks to the service contributes them (oncall for PagerDuty and Splunk On-Call, status for
 * Statuspage, logs for Sumo Logic), so onboard never imports it and a build without that module
 * simply has no such lines. Like {@link IncidentHistory}, an implementation is registered in
 * {@code META-INF/services/dev.tcli.spi.AccessChecks} and found with {@link ModuleContext#services};
 * a plugin jar can contribute checks for another service (Opsgenie, Grafana, ...) the same way.
 *
 * <p>Onboard lists the services A–Z by {@link #section()} (when two contribute the same section,
 * the first found is used) and each service's checks in the order {@link #checks} gives them.
 * When the profile has no {@code [profiles.NAME.<section>]} table, every check is shown skipped
 * ({@code PagerDuty is not configured ([profiles.live.pagerduty])}) without calling
 * {@link #checks}; when the configuration does not load, they are skipped by {@link #names()}.
 */
public interface AccessChecks {

    /** The service's table in the profile and the checks' order among services: {@code pagerduty}. */
    String section();

    /** The service as people name it, for "is not configured": {@code PagerDuty}, {@code Splunk On-Call}. */
    String service();

    /**
     * The checks' names, the same as {@link #checks} gives them and in the same order, known
     * without reading the configuration. A name is what {@code --only} selects; a check that
     * refines another is named after it ({@code pagerduty}, {@code pagerduty-contact}) so that
     * {@code --only pagerduty} runs them together.
     */
    List<String> names();

    /**
     * The checks for the active profile, whose {@link #section()} is present. Called once per
     * run, before any check runs, so it reads settings but does no I/O; its checks may share work
     * (one "who am I" call for three checks). A {@link TcliException} here fails the run's
     * service checks as a whole; one thrown by a probe fails that check with its message.
     */
    List<Check> checks(ModuleContext ctx);

    /**
     * One line of the checklist.
     *
     * @param name        what {@code --only} selects and the line shows: {@code pagerduty-contact}
     * @param description what passing proves, in a few words: {@code a phone, SMS or push contact method}
     * @param hint        whom to ask or what to do when it fails, shown under the failure
     *                    (a {@link Result} may give a more precise one)
     * @param probe       finds out
     */
    record Check(String name, String description, String hint, Probe probe) {
    }

    /** Runs one check; may block up to {@code timeout}, after which onboard reports it as timed out and interrupts it. */
    @FunctionalInterface
    interface Probe {
        Result run(Duration timeout) throws Exception;
    }

    /** Passed, failed, or skipped (could not run here, e.g. nothing to check against). */
    enum Status {
        OK, FAIL, SKIP
    }

    /**
     * What one check found.
     *
     * @param detail what was seen, or why it failed or was skipped
     * @param hint   for a failure, what to do when it differs from the check's own hint; else null
     */
    record Result(Status status, String detail, String hint) {
        public static Result ok(String detail) {
            return new Result(Status.OK, detail, null);
        }

        public static Result fail(String detail) {
            return new Result(Status.FAIL, detail, null);
        }

        public static Result fail(String detail, String hint) {
            return new Result(Status.FAIL, detail, hint);
        }

        public static Result skip(String reason) {
            return new Result(Status.SKIP, reason, null);
        }
    }
}
