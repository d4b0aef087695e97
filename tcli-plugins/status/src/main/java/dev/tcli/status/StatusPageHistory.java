package dev.tcli.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.IncidentHistory;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.http.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The status page's incidents for other modules ({@code postmortem new}), through
 * {@link StatuspageClient}: one incident with its posted updates as the timeline. Registered in
 * {@code META-INF/services/dev.tcli.spi.IncidentHistory}.
 */
public final class StatusPageHistory implements IncidentHistory {

    @Override
    public Kind kind() {
        return Kind.STATUS_PAGE;
    }

    /** Unknown is exit 5 naming the page, with a hint for finding the id. */
    @Override
    public Incident incident(String ref, ModuleContext ctx) {
        StatuspageClient statuspage = StatuspageClient.connect(ctx);
        JsonNode n;
        try {
            n = statuspage.incident(ref);
        } catch (ApiException e) {
            throw e;
        } catch (TcliException e) {
            throw e.exitCode() == ExitCode.NOT_FOUND ? TcliException.notFound("no Statuspage incident " + ref + " on page "
                    + statuspage.pageId() + ": check the id with `tcli status incident list`") : e;
        }
        List<String> components = new ArrayList<>();
        n.path("components").forEach(c -> components.add(c.path("name").asText("?")));
        List<Entry> updates = new ArrayList<>();
        for (JsonNode u : n.path("incident_updates")) {
            Instant at = time(u.path("created_at").asText(null));
            if (at == null) {
                continue;
            }
            String status = u.path("status").asText("update");
            List<String> changes = new ArrayList<>();
            for (JsonNode c : u.path("affected_components")) {
                String to = c.path("new_status").asText("");
                if (!to.isBlank()) {
                    changes.add(c.path("name").asText(c.path("code").asText("?")) + " \u2192 " + to);
                }
            }
            updates.add(new Entry(u.path("id").asText(), at, status, null, false, changes.isEmpty() ? null : String.join(", ", changes),
                    u.path("body").asText(null), "Status page " + status));
        }
        // the API lists updates newest first; a stable sort keeps its order for updates in the same instant
        updates.sort(Comparator.comparing(Entry::at));
        return new Incident("Statuspage", n.path("id").asText(), null, n.path("name").asText(null), null, n.path("status").asText(null),
                n.path("impact").asText(null), components, n.path("shortlink").asText(null), time(n.path("created_at").asText(null)),
                time(n.path("resolved_at").asText(null)), updates);
    }

    private static Instant time(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
