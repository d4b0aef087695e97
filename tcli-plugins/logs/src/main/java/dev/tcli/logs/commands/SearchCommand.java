package dev.tcli.logs.commands;

import dev.tcli.logs.Progress;
import dev.tcli.logs.Rows;
import dev.tcli.logs.SavedSearches;
import dev.tcli.logs.SearchJob;
import dev.tcli.logs.SearchRequest;
import dev.tcli.logs.SumoClient;
import dev.tcli.logs.TimeRange;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "search", description = "Run a Sumo Logic search: messages newest first, or the records of an aggregate (| count by ...).",
        footerHeading = "%nExamples:%n",
        footer = {"  tcli logs search '_sourceCategory=live/api error' --since 1h",
            "  tcli logs search '_sourceHost=live-builder-api-0 AND (503 OR timeout)' --from '2026-11-20 09:00' --to '2026-11-20 10:00' --tz Europe/London",
            "  tcli logs search '_sourceCategory=live/* error | count by _sourcecategory, _sourcehost'",
            "  tcli logs search --saved live-api-errors --fields time,host,message",
            "  tcli logs search 'error' --since 1d -o jsonl > errors.jsonl"})
public final class SearchCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "A Sumo Logic query, e.g. '_sourceCategory=live/api error'.")
    String query;

    @Mixin
    TimeRange range = new TimeRange();

    @Option(names = "--limit", paramLabel = "N", description = "Print at most N messages (or records).")
    Long limit;

    @Option(names = "--fields", split = ",", paramLabel = "F", description = "Only these fields, e.g. time,host,_raw (any Sumo field; aliases time, host, category, message).")
    List<String> fields;

    @Option(names = "--by-receipt-time", description = "Search by when Sumo received the messages, not their own timestamps (late-shipped logs).")
    boolean byReceiptTime;

    @Option(names = "--saved", paramLabel = "NAME", description = "Run the team's saved search [logs.saved.NAME] (its query and default range).")
    String saved;

    public SearchCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String q = query;
        String defaultSince = null;
        if (saved != null) {
            if (query != null) {
                throw TcliException.usage("give a QUERY or --saved NAME, not both");
            }
            SavedSearches.Saved s = SavedSearches.find(ctx, saved);
            q = s.query();
            defaultSince = s.since();
        }
        if (q == null || q.isBlank()) {
            throw TcliException.usage("what to search for? e.g. tcli logs search '_sourceCategory=live/api error', or --saved NAME");
        }
        if (limit != null && limit < 1) {
            throw TcliException.usage("--limit must be at least 1");
        }
        ZoneId zone = range.zone(ctx);
        Instant[] r = range.resolve(ctx, defaultSince);
        SearchRequest request = new SearchRequest(q, r[0], r[1], zone, byReceiptTime);
        List<String> selected = Rows.fields(fields);
        long max = limit == null ? 0 : limit;
        SumoClient sumo = SumoClient.connect(ctx);
        try (SearchJob job = SearchJob.start(ctx, sumo, request, new Progress(ctx))) {
            if (request.aggregate()) {
                List<Map<String, String>> records = job.records(max);
                ctx.out().list(Rows.select(records, selected), Rows.recordColumns(records, selected));
            } else {
                ctx.out().list(Rows.select(job.messages(max), selected), Rows.messageColumns(zone, selected));
                if (job.state().equals("FORCE PAUSED") && (max == 0 || max > job.messageCount())) {
                    ctx.out().warn(String.format("Sumo Logic paused the search at %,d messages (its limit for searches without an "
                            + "aggregate); narrow the query or the time range, or count instead (| count by _sourcehost)", job.messageCount()));
                }
            }
            if (!job.errors().isEmpty()) {
                throw TcliException.failed("Sumo Logic reported errors for this search, its results are incomplete: "
                        + String.join("; ", job.errors()));
            }
        }
        return 0;
    }
}
