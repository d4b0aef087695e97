package dev.tcli.oncall;

/**
 * What happened to one incident of a mutation (ack, resolve, reassign...): per incident, because
 * both providers can accept some and refuse others in one call.
 *
 * @param outcome e.g. {@code acknowledged}, {@code already_acknowledged}, {@code resolved}, {@code failed}
 */
public record ActionResult(String id, String number, String title, String outcome, String message) {

    public boolean failed() {
        return "failed".equals(outcome);
    }

    public static ActionResult of(Incident i, String outcome, String message) {
        return new ActionResult(i.id(), i.number(), i.title(), outcome, message);
    }
}
