package dev.tcli.oncall.commands;

import dev.tcli.oncall.Incident;
import dev.tcli.oncall.IncidentQuery;
import dev.tcli.oncall.IncidentState;
import dev.tcli.oncall.OncallProvider;
import dev.tcli.oncall.Urgency;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "incidents", description = "List incidents: by default every open one (triggered and acknowledged), all pages streamed.",
        footerHeading = "%nExamples:%n",
        footer = {"  tcli oncall incidents", "  tcli oncall incidents --mine --status triggered",
            "  tcli oncall incidents --status resolved --since 7d --service builder-api -o json",
            "  tcli oncall incidents --since 2026-11-20 --until 2026-11-21 --limit 50"})
public final class IncidentsCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = "--status", split = ",", paramLabel = "STATUS", description = "triggered, acknowledged, resolved (comma-separated; default: open ones)")
    List<String> statuses = new ArrayList<>();
    @Option(names = "--mine", description = "Only incidents assigned to me")
    boolean mine;
    @Option(names = "--team", description = "Only this team's incidents (name or id)")
    String team;
    @Option(names = "--service", description = "Only this service's incidents (name or id)")
    String service;
    @Option(names = "--urgency", description = "high or low")
    String urgency;
    @Option(names = "--since", description = "Created at or after: 2h, 7d, today, 2026-11-20 ...")
    String since;
    @Option(names = "--until", description = "Created before (default now)")
    String until;
    @Option(names = "--limit", description = "At most N incidents, 1 or more (default: all)")
    Integer limit;

    public IncidentsCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        IncidentQuery query = query();
        Iterable<Incident> rows = OncallProvider.of(ctx).incidents(query);
        ctx.out().list(limit != null ? limited(rows, limit) : rows, IncidentActions.incidentColumns(ctx));
        return 0;
    }

    private IncidentQuery query() {
        List<String> wanted = new ArrayList<>();
        for (String s : statuses) {
            wanted.add(IncidentState.parse(s, "--status"));
        }
        // the one window reader (dev.tcli.spi.TimeWindow): a start after the end, or in the future, is exit 2 here too
        var window = since == null && until == null ? null
                : dev.tcli.spi.TimeWindow.of(since, until, null, "--since", "--until", ctx.zone(), ctx.clock());
        Instant from = window == null ? null : window.from();
        Instant to = until == null ? null : window.to();
        if (wanted.isEmpty() && from == null && to == null) {
            wanted = List.of("triggered", "acknowledged");
        }
        if (limit != null && limit < 1) {
            // 0 is not "unlimited": leave --limit out for all
            throw TcliException.usage("--limit must be 1 or more (leave it out for all incidents), not " + limit);
        }
        if (to != null && from == null) {
            from = to.minus(java.time.Duration.ofDays(30));
        }
        return new IncidentQuery(wanted, mine, team, service, Urgency.parse(urgency, "--urgency"), from, to, limit == null ? 0 : limit);
    }

    private static <T> Iterable<T> limited(Iterable<T> rows, int max) {
        return () -> new Iterator<>() {
            private final Iterator<T> it = rows.iterator();
            private int n;

            @Override
            public boolean hasNext() {
                return n < max && it.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                n++;
                return it.next();
            }
        };
    }
}
