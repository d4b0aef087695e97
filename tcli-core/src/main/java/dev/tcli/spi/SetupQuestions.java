package dev.tcli.spi;

import java.util.List;

/**
 * The questions {@code tcli config init} asks about the services a module talks to, and the
 * settings the answers become. The module that owns the service contributes them (oncall for
 * PagerDuty and Splunk On-Call, status for Statuspage, logs for Sumo Logic, ssh for the
 * environment), so the core never names a built-in module and a build without one simply does
 * not ask about its service. Like {@link AccessChecks}, an implementation is registered in
 * {@code META-INF/services/dev.tcli.spi.SetupQuestions}; a plugin jar adds questions for its own
 * service the same way.
 *
 * <p>Each question has a flag, so that the same setup runs without a terminal (a script, a
 * dotfiles repo): {@link #flags()} are declared before the command line is parsed and appear in
 * {@code tcli config init --help}, man pages and completion. A flag the core or an earlier
 * contributor already declares is not added again (the first one keeps it).
 */
public interface SetupQuestions {

    /**
     * Where these questions come among the others, lowest first (ties by class name): oncall 10,
     * status 20, logs 30, ssh 40; {@code 100} unless overridden, so a plugin's come after the
     * built-ins'. The profile name comes before all of them; the team repo and time zone after.
     */
    default int order() {
        return 100;
    }

    /** The flags that answer the questions without a terminal: {@code --opsgenie-api-key-cmd CMD}. */
    List<Flag> flags();

    /**
     * Asks, in order, through {@code setup}, and records what the profile should hold. A
     * {@link TcliException#usage} for an answer that cannot be right ({@code --provider opsgenie})
     * stops the whole setup before anything is written.
     */
    void ask(Setup setup);

    /**
     * One option of {@code tcli config init}.
     *
     * @param name        with its dashes: {@code --pagerduty-email}
     * @param paramLabel  {@code EMAIL}
     * @param description one line for {@code --help}
     */
    record Flag(String name, String paramLabel, String description) {
    }

    /** One run of {@code tcli config init}, as a contributor sees it. */
    interface Setup {

        /**
         * The answer to one question: the flag's value when the flag was given (a blank one
         * skips the setting: null); else, on a terminal, what the user types at {@code question}
         * (blank: {@code fallback}); else {@code fallback}. A null {@code question} is never
         * asked (a flag-only setting such as a base URL).
         *
         * @param flag one of this contributor's {@link #flags()}
         * @return the answer, or null to leave the setting out
         */
        String answer(String flag, String question, String fallback);

        /** Records {@code key = value} in {@code [profiles.NAME.table]}; a null or blank value is left out. */
        void put(String table, String key, String value);

        /** Whether {@code table} has a setting yet: follow-up questions are asked only for a service being set up. */
        boolean has(String table);
    }
}
