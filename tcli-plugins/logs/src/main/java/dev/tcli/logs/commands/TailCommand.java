package dev.tcli.logs.commands;

import dev.tcli.logs.Progress;
import dev.tcli.logs.Rows;
import dev.tcli.logs.SavedSearches;
import dev.tcli.logs.SearchJob;
import dev.tcli.logs.SearchRequest;
import dev.tcli.logs.SumoClient;
import dev.tcli.logs.TimeRange;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.Flags.OutputFormat;
import dev.tcli.spi.Mappers;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import dev.tcli.spi.output.Column;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "tail", description = "Follow new log messages until Ctrl-C: short Sumo Logic searches over a sliding window, each message printed once.",
        footerHeading = "%nExamples:%n",
        footer = {"  tcli logs tail '_sourceCategory=live/api error'", "  tcli logs tail '_sourceHost=live-builder-worker-*' --interval 10s",
            "  tcli logs tail --saved live-api-errors -o jsonl | jq -r ._raw"})
public final class TailCommand implements Callable<Integer> {
    /** How far back each window reaches past the previous one: messages are indexed up to a couple of minutes late. */
    static final Duration OVERLAP = Duration.ofMinutes(2);

    private final ModuleContext ctx;

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "A Sumo Logic query without an aggregate.")
    String query;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "5s", description = "Time between searches (default 5s; Sumo allows 4 requests a second).")
    String interval;

    @Option(names = "--since", paramLabel = "WHEN", defaultValue = "1m", description = "How much history to print first (default 1m).")
    String since;

    @Option(names = "--tz", paramLabel = "ZONE", description = "Time zone of the TIME column (default the profile's timezone).")
    String tz;

    @Option(names = "--fields", split = ",", paramLabel = "F", description = "Only these fields, e.g. time,host,_raw.")
    List<String> fields;

    @Option(names = "--saved", paramLabel = "NAME", description = "Follow the team's saved search [logs.saved.NAME].")
    String saved;

    private final AtomicBoolean stopped = new AtomicBoolean();

    public TailCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @SuppressWarnings("try") // the resource is a Ctrl-C guard: held for the block, never read
    @Override
    public Integer call() throws Exception {
        String q = saved != null ? savedQuery() : query;
        if (q == null || q.isBlank()) {
            throw TcliException.usage("what to follow? e.g. tcli logs tail '_sourceCategory=live/api error', or --saved NAME");
        }
        Duration every = Times.parseDuration(interval);
        if (every.compareTo(Duration.ofMillis(10)) < 0) {
            throw TcliException.usage("--interval must be at least 10ms");
        }
        if (ctx.out().format() == OutputFormat.CSV) {
            throw TcliException.usage("tail streams without end: use the table or -o jsonl (json prints one object a line)");
        }
        TimeRange tr = new TimeRange();
        tr.tz = tz;
        ZoneId zone = tr.zone(ctx);
        if (new SearchRequest(q, Instant.EPOCH, Instant.EPOCH, zone, false).aggregate()) {
            throw TcliException.usage("tail follows messages; an aggregate (| count ...) needs tcli logs search");
        }
        List<String> selected = Rows.fields(fields);
        SumoClient sumo = SumoClient.connect(ctx);
        Object wake = new Object();
        try (AutoCloseable hook = ctx.onInterrupt(() -> {
            stopped.set(true);
            synchronized (wake) {
                wake.notifyAll();
            }
        })) {
            Seen seen = new Seen();
            Late late = new Late();
            Instant from = dev.tcli.spi.TimeWindow.of(since, null, null, "--since", "now", zone, ctx.clock()).from();
            ctx.out().note("following " + q + " every " + interval + " (Ctrl-C to stop)");
            while (!stopped.get()) {
                Instant to = ctx.clock().instant();
                List<Map<String, String>> fresh = late.keepInOrder(round(sumo, q, from, to, zone, seen));
                print(fresh, zone, selected);
                if (ctx.stdout().checkError()) {
                    // the reader has gone (| head -1): nothing more to poll for
                    return ExitCode.OK;
                }
                from = to.minus(OVERLAP);
                seen.forgetBefore(from.minus(Duration.ofMinutes(1)));
                synchronized (wake) {
                    long until = System.nanoTime() + every.toNanos();
                    long left;
                    while (!stopped.get() && (left = until - System.nanoTime()) > 0) {
                        wake.wait(Math.max(1, left / 1_000_000));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new TcliException(ExitCode.INTERRUPTED, "interrupted; tail stopped and its search jobs are deleted");
    }

    private String savedQuery() {
        if (query != null) {
            throw TcliException.usage("give a QUERY or --saved NAME, not both");
        }
        return SavedSearches.find(ctx, saved).query();
    }

    /** One short job over [from, to]: the messages not printed before, oldest first. */
    private List<Map<String, String>> round(SumoClient sumo, String q, Instant from, Instant to, ZoneId zone, Seen seen) {
        List<Map<String, String>> fresh = new ArrayList<>();
        try (SearchJob job = SearchJob.start(ctx, sumo, new SearchRequest(q, from, to, zone, false), Progress.silent(ctx))) {
            for (Map<String, String> m : job.messages(0)) {
                if (seen.add(m)) {
                    fresh.add(m);
                }
            }
        }
        Collections.reverse(fresh);
        // oldest first, whatever order the job returned them in
        fresh.sort(java.util.Comparator.comparing(SearchJob::time));
        return fresh;
    }

    private void print(List<Map<String, String>> rows, ZoneId zone, List<String> selected) {
        if (rows.isEmpty()) {
            return;
        }
        if (ctx.out().machine()) {
            // one object a line in json too: a document that never ends would be no use to a reader
            for (Map<String, String> m : Rows.select(rows, selected)) {
                try {
                    ctx.stdout().println(Mappers.json().writeValueAsString(m));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            // the renderer's table aligns a whole listing; a tail prints rows as they come, in the same columns
            List<Column<Map<String, String>>> cols = Rows.messageColumns(zone, selected);
            for (Map<String, String> m : Rows.select(rows, selected)) {
                List<String> cells = new ArrayList<>();
                for (Column<Map<String, String>> c : cols) {
                    Object v = c.value().apply(m);
                    cells.add(v == null ? "" : dev.tcli.spi.output.SafeText.escape(v.toString()));
                }
                ctx.stdout().println(String.join("  ", cells));
            }
        }
        ctx.stdout().flush();
    }

    /**
     * The output never goes back in time: a message indexed late (timestamped before the last
     * line printed, found by the overlapping window) is left out and counted on stderr, since a
     * line printed above its predecessor misleads whoever reads the tail. logs search shows it.
     */
    final class Late {
        private long printedUpTo = Long.MIN_VALUE;

        List<Map<String, String>> keepInOrder(List<Map<String, String>> fresh) {
            List<Map<String, String>> kept = new ArrayList<>();
            int skipped = 0;
            for (Map<String, String> m : fresh) {
                long t = SearchJob.time(m).toEpochMilli();
                if (t < printedUpTo) {
                    skipped++;
                } else {
                    printedUpTo = t;
                    kept.add(m);
                }
            }
            if (skipped > 0) {
                ctx.out().note(skipped + (skipped == 1 ? " message" : " messages")
                        + " indexed late (older than the last line) not shown; 'tcli logs search' has them");
            }
            return kept;
        }
    }

    /** Message ids already printed, with their times, so overlapping windows print each message once. */
    static final class Seen {
        private final Map<String, Long> ids = new LinkedHashMap<>();

        /** True when new. Messages without an id are keyed by their content. */
        boolean add(Map<String, String> m) {
            String id = m.getOrDefault("_messageid", m.get("_messagetime") + "|" + m.get("_sourcehost") + "|" + m.get("_raw"));
            return ids.putIfAbsent(id, SearchJob.time(m).toEpochMilli()) == null;
        }

        void forgetBefore(Instant t) {
            for (Iterator<Long> it = ids.values().iterator(); it.hasNext();) {
                if (it.next() < t.toEpochMilli()) {
                    it.remove();
                }
            }
        }

        int size() {
            return ids.size();
        }
    }
}
