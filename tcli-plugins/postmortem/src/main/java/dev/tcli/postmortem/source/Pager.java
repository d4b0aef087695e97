package dev.tcli.postmortem.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.util.List;
import java.util.Locale;

/**
 * The paging service a postmortem reads its incident and timeline from, chosen like the oncall
 * module does by {@code [profiles.X.oncall] provider}. The incident comes back in PagerDuty's
 * shape ({@code id, incident_number, title, status, urgency, created_at, resolved_at,
 * service.summary, html_url}) whichever service answers, so the draft is written once.
 */
public interface Pager {

    /** {@code PagerDuty} or {@code Splunk On-Call}: the source column of the timeline. */
    String name();

    /** One incident by id or number; exit 5 naming it when unknown. */
    JsonNode incident(String ref);

    /** Its timeline, oldest first. */
    List<LogEntry> logEntries(JsonNode incident);

    static Pager connect(ModuleContext ctx) {
        String provider = ctx.settings("oncall").string("provider", "pagerduty").toLowerCase(Locale.ROOT);
        return switch (provider) {
            case "pagerduty" -> PagerDuty.connect(ctx);
            case "victorops", "splunk", "splunk-oncall" -> SplunkOnCall.connect(ctx);
            default -> throw TcliException.config("[profiles." + ctx.profile() + ".oncall] provider = '" + provider
                    + "' is not known; use \"pagerduty\" or \"victorops\"");
        };
    }
}
