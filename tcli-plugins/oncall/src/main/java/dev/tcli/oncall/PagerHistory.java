package dev.tcli.oncall;

import dev.tcli.spi.ExitCode;
import dev.tcli.spi.IncidentHistory;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.http.ApiException;

/**
 * The paging service's incidents for other modules ({@code postmortem new}), through the profile's
 * provider: PagerDuty or Splunk On-Call, with the same client, credentials and retries as
 * {@code tcli oncall}. Registered in {@code META-INF/services/dev.tcli.spi.IncidentHistory}.
 */
public final class PagerHistory implements IncidentHistory {

    @Override
    public Kind kind() {
        return Kind.PAGER;
    }

    /** {@code ref} is an id or number, {@code #1042} too; unknown is exit 5 with a hint for finding the id. */
    @Override
    public Incident incident(String ref, ModuleContext ctx) {
        OncallProvider pager = OncallProvider.of(ctx);
        String id = ref.startsWith("#") ? ref.substring(1) : ref;
        try {
            return pager.record(id);
        } catch (ApiException e) {
            throw e; // a 404 on another call than the incident's keeps the service's message
        } catch (TcliException e) {
            if (e.exitCode() != ExitCode.NOT_FOUND) {
                throw e;
            }
            boolean pagerDuty = pager.name().equals("pagerduty");
            String hint = pagerDuty ? "check the id or number with `tcli oncall incidents --since 30d`"
                    : id.matches("\\d{1,12}") ? "check the number with `tcli oncall incidents --since 30d`" : "incidents are numbers like 1042";
            throw TcliException.notFound("no " + (pagerDuty ? "PagerDuty" : "Splunk On-Call") + " incident " + ref + ": " + hint);
        }
    }
}
