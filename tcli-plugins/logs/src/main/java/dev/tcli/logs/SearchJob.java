package dev.tcli.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Sumo Logic search job from creation to deletion: polls its status (backing off up to the
 * poll interval, never past Sumo's 30 s idle cancel), hands out messages page by page as the job
 * finds them (only one page held at a time, so a million messages take the memory of one page),
 * reports pending errors and warnings, and deletes the job when closed, on error, and on Ctrl-C.
 */
public final class SearchJob implements AutoCloseable {
    static final Duration FIRST_POLL = Duration.ofMillis(250);

    private final ModuleContext ctx;
    private final SumoClient sumo;
    private final Progress progress;
    private final String id;
    private final AutoCloseable interruptHook;
    private final AtomicBoolean deleted = new AtomicBoolean();
    private final AtomicBoolean interrupted = new AtomicBoolean();
    /** Null until a DELETE was tried; then whether Sumo answered it. */
    private final java.util.concurrent.atomic.AtomicReference<Boolean> deleteOutcome = new java.util.concurrent.atomic.AtomicReference<>();
    private final Object wake = new Object();
    private final List<String> errors = new ArrayList<>();
    private String state = "NOT STARTED";
    private int messageCount;
    private int recordCount;
    private Duration nextPoll;
    private boolean polled;

    private SearchJob(ModuleContext ctx, SumoClient sumo, Progress progress, String id) {
        this.ctx = ctx;
        this.sumo = sumo;
        this.progress = progress;
        this.id = id;
        this.nextPoll = min(FIRST_POLL, sumo.pollInterval());
        this.interruptHook = ctx.onInterrupt(this::interrupt);
    }

    /** Creates the job (POST); the caller closes it. */
    @SuppressWarnings("try") // the resource is a Ctrl-C guard: held for the block, never read
    public static SearchJob start(ModuleContext ctx, SumoClient sumo, SearchRequest request, Progress progress) {
        // Ctrl-C while the create is in flight: the job exists once Sumo answers, so the hook waits
        // for the answer (bounded) and deletes the job; the process may exit right after the hook
        java.util.concurrent.CompletableFuture<String> created = new java.util.concurrent.CompletableFuture<>();
        AtomicBoolean early = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<String> earlyFate = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.CountDownLatch hookDone = new java.util.concurrent.CountDownLatch(1);
        String id;
        try (AutoCloseable hook = ctx.onInterrupt(() -> {
            early.set(true);
            try {
                String made = created.get(15, java.util.concurrent.TimeUnit.SECONDS);
                if (made != null) {
                    sumo.delete(made);
                    earlyFate.set("search job " + made + " deleted");
                }
            } catch (Exception e) {
                earlyFate.set("the search job may be left running; it expires 30 s after its last poll");
            } finally {
                hookDone.countDown();
            }
        })) {
            try {
                id = sumo.create(request.body());
                created.complete(id);
            } catch (RuntimeException e) {
                created.complete(null);
                throw e;
            }
            if (early.get()) {
                hookDone.await(20, java.util.concurrent.TimeUnit.SECONDS);
                String fate = earlyFate.get();
                throw new TcliException(ExitCode.INTERRUPTED, "interrupted" + (fate == null ? "" : "; " + fate));
            }
        } catch (TcliException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TcliException(ExitCode.INTERRUPTED, "interrupted");
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
        return new SearchJob(ctx, sumo, progress, id);
    }

    String id() {
        return id;
    }

    public String state() {
        return state;
    }

    /** The pendingErrors Sumo reported (they are not repeated: Sumo sends each once). */
    public List<String> errors() {
        return errors;
    }

    public int messageCount() {
        return messageCount;
    }

    /** Messages newest first, at most {@code limit} (0 = all), fetched lazily as the job finds them. */
    public Iterable<Map<String, String>> messages(long limit) {
        return () -> new Iterator<>() {
            private final Deque<Map<String, String>> page = new ArrayDeque<>();
            private int offset;
            private boolean done;

            @Override
            public boolean hasNext() {
                while (page.isEmpty() && !done) {
                    if (limit > 0 && offset >= limit) {
                        done = true;
                        break;
                    }
                    if (offset < messageCount) {
                        int want = (int) Math.min(sumo.pageSize(), Math.min(messageCount - offset, limit > 0 ? limit - offset : Long.MAX_VALUE));
                        page.addAll(call(() -> sumo.messages(id, offset, want)));
                        if (page.isEmpty()) {
                            poll(); // the count ran ahead of what can be paged: ask again
                        }
                        offset += page.size();
                    } else if (finished()) {
                        done = true;
                    } else {
                        poll();
                    }
                }
                return !page.isEmpty();
            }

            @Override
            public Map<String, String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.removeFirst();
            }
        };
    }

    /** The aggregate's records, once the job is done (records are few: they are collected). */
    public List<Map<String, String>> records(long limit) {
        while (!finished()) {
            poll();
        }
        List<Map<String, String>> out = new ArrayList<>();
        int offset = 0;
        while (offset < recordCount && (limit <= 0 || out.size() < limit)) {
            int at = offset;
            int want = Math.min(sumo.pageSize(), recordCount - offset);
            JsonNode p = call(() -> sumo.page(id, "records", at, want));
            int got = 0;
            for (JsonNode r : p.path("records")) {
                if (limit <= 0 || out.size() < limit) {
                    out.add(flat(r.path("map")));
                }
                got++;
            }
            if (got == 0) {
                break;
            }
            offset += got;
        }
        return out;
    }

    /** Gathering is over: DONE, or FORCE PAUSED (Sumo stops a non-aggregate search around 100,000 messages). */
    private boolean finished() {
        return state.equals("DONE GATHERING RESULTS") || state.equals("FORCE PAUSED");
    }

    /** Waits (first 250 ms, growing to the poll interval), then asks the job's status. */
    private void poll() {
        if (polled) {
            sleep(nextPoll);
            nextPoll = min(Duration.ofMillis((long) (nextPoll.toMillis() * 1.5)), sumo.pollInterval());
        }
        polled = true;
        JsonNode s = call(() -> sumo.status(id));
        if (!s.path("state").isTextual() || s.path("state").asText().isBlank()) {
            // a status without a state would be polled forever: exit 6 (close() deletes the job)
            throw dev.tcli.spi.http.ApiException.malformed("Sumo Logic", "GET " + SumoClient.JOBS + "/" + id, "no job state");
        }
        state = s.path("state").asText("");
        messageCount = s.path("messageCount").asInt(0);
        recordCount = s.path("recordCount").asInt(0);
        for (JsonNode w : s.path("pendingWarnings")) {
            ctx.out().warn("Sumo Logic: " + w.asText());
        }
        for (JsonNode e : s.path("pendingErrors")) {
            errors.add(e.asText());
            ctx.out().warn("Sumo Logic search error: " + e.asText());
        }
        progress.update(state, messageCount, recordCount);
        if (state.equals("CANCELLED")) {
            throw new TcliException(ExitCode.FAILED, "Sumo Logic cancelled search job " + id + " after " + messageCount
                    + " messages (a job not polled for 30 s is cancelled, or someone cancelled it); run the search again");
        }
    }

    /** True when the user pressed Ctrl-C; an answer after that (likely a 404 for the deleted job) is not an error. */
    private <T> T call(java.util.function.Supplier<T> request) {
        checkInterrupted();
        try {
            return request.get();
        } catch (RuntimeException e) {
            checkInterrupted();
            throw e;
        }
    }

    private void checkInterrupted() {
        if (interrupted.get() || Thread.interrupted()) { // clears the flag: the DELETE below must still get through
            interrupt();
            // "deleted" only when the DELETE was answered: otherwise say what is left behind
            throw new TcliException(ExitCode.INTERRUPTED, "interrupted; " + (Boolean.TRUE.equals(deleteOutcome.get())
                    ? "search job " + id + " deleted" : "search job " + id + " could not be deleted; it expires 30 s after its last poll"));
        }
    }

    private void sleep(Duration d) {
        checkInterrupted();
        synchronized (wake) {
            try {
                long until = System.nanoTime() + d.toNanos();
                long left;
                while (!interrupted.get() && (left = until - System.nanoTime()) > 0) {
                    wake.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        checkInterrupted();
    }

    /** Ctrl-C: delete the job now (the process may exit right after this hook), and stop the loop. */
    private void interrupt() {
        interrupted.set(true);
        synchronized (wake) {
            wake.notifyAll();
        }
        deleteQuietly();
    }

    private synchronized void deleteQuietly() { // a second caller waits for the first DELETE to be answered
        if (deleted.compareAndSet(false, true)) {
            try {
                sumo.delete(id);
                deleteOutcome.set(true);
            } catch (RuntimeException e) {
                deleteOutcome.set(false);
                // the job ends on its own within 30 s when nobody polls it
                ctx.out().warn("could not delete Sumo Logic search job " + id + " (" + e.getMessage() + "); it expires in 30 s");
            }
        }
    }

    @Override
    public void close() {
        progress.done(state, messageCount, recordCount);
        try {
            interruptHook.close();
        } catch (Exception ignored) {
            // closing a registration cannot fail in a way worth reporting
        }
        deleteQuietly();
    }

    /** Sumo's {@code map} as one flat row; every value a string, as Sumo sends them. */
    static Map<String, String> flat(JsonNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static Instant time(Map<String, String> m) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(m.getOrDefault("_messagetime", "0")));
        } catch (NumberFormatException e) {
            return Instant.EPOCH;
        }
    }
}
