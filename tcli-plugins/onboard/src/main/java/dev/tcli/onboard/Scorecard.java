package dev.tcli.onboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The end of a drill, as {@code -o json} prints it.
 *
 * @param ended          {@code done}, {@code timeout} or {@code interrupted}
 * @param steps          every step in runbook order, done or not
 * @param practiceNext   what to work on, most important first
 */
public record Scorecard(String incident, Integer incidentNumber, String title, String startedAt, String ended,
        Double timeToAck, Double timeToStatusUpdate, Double timeToFindTheLog, Double timeToResolve, Double timeToPostmortem,
        List<StepResult> steps, List<String> practiceNext) {

    /** One step: done or not, seconds after the page, what was seen. */
    public record StepResult(String step, String title, boolean done, Double seconds, String detail) {
    }

    /** Slower than this and the scorecard says so (a page escalates to the secondary after minutes, customers notice after 15). */
    static final Duration ACK_TARGET = Duration.ofMinutes(5);
    static final Duration STATUS_TARGET = Duration.ofMinutes(15);

    static List<String> advice(List<StepResult> steps, String profile, Integer number) {
        List<String> out = new ArrayList<>();
        String p = "tcli --profile " + profile + " ";
        String n = number == null ? "NUMBER" : String.valueOf(number);
        for (StepResult s : steps) {
            switch (s.step()) {
                case "ack" -> {
                    if (!s.done()) {
                        out.add("Acknowledge first: '" + p + "oncall ack " + n + "' stops the escalation to your secondary.");
                    } else if (s.seconds() > ACK_TARGET.toSeconds()) {
                        out.add("Ack faster (took " + human(s.seconds()) + "): keep '" + p + "oncall incidents --mine' one keystroke away.");
                    }
                }
                case "status_update" -> {
                    if (!s.done()) {
                        out.add("Tell customers early: '" + p + "status incident create --template ...' (see '" + p + "status templates').");
                    } else if (s.seconds() > STATUS_TARGET.toSeconds()) {
                        out.add("Post to the status page sooner (took " + human(s.seconds()) + "); a template makes it one command.");
                    }
                }
                case "find_the_log" -> {
                    if (!s.done()) {
                        out.add("Find the evidence: '" + p + "logs search \"_sourceCategory=live/api error\" --since 15m'.");
                    }
                }
                case "resolve" -> {
                    if (!s.done()) {
                        out.add("Close both loops: '" + p + "oncall resolve " + n + "' and '" + p + "status incident resolve ID'.");
                    }
                }
                case "postmortem" -> {
                    if (!s.done()) {
                        out.add("Draft the postmortem while it is fresh: '" + p + "postmortem new --incident " + n + "'.");
                    }
                }
                default -> {
                }
            }
        }
        if (out.isEmpty()) {
            out.add("Every step done in time: run the drill again without --help, or practise the SSH side with 'tcli onboard check'.");
        }
        return out;
    }

    public static String human(Double seconds) {
        if (seconds == null) {
            return "-";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
