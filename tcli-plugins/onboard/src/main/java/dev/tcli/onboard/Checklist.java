package dev.tcli.onboard;

import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.output.LiveRows;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs every check at once, each bounded by its timeout, and shows results as they arrive:
 * on a terminal a checklist redrawn in place (pending lines turn into ✔, ✘ or skip), otherwise
 * one plain line per finished check. A check that overruns is reported as timed out and its
 * thread interrupted (a team check's process is killed); the others are not held up.
 */
public final class Checklist {
    private static final String PENDING = "…";

    private final ModuleContext ctx;
    private final Duration defaultTimeout;

    public Checklist(ModuleContext ctx, Duration defaultTimeout) {
        this.ctx = ctx;
        this.defaultTimeout = defaultTimeout;
    }

    /** Runs the checks; results in the checks' order. */
    @SuppressWarnings("try") // the resource is a Ctrl-C guard: held for the block, never read
    public List<CheckResult> run(List<Check> checks) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, checks.size()), daemon("onboard-check"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("onboard-timeout"));
        LinkedBlockingQueue<Integer> done = new LinkedBlockingQueue<>();
        CheckResult[] results = new CheckResult[checks.size()];
        Display display = display(checks);
        try (AutoCloseable onCtrlC = ctx.onInterrupt(pool::shutdownNow)) {
            for (int i = 0; i < checks.size(); i++) {
                int k = i;
                Check c = checks.get(i);
                Duration timeout = c.timeout() != null ? c.timeout() : defaultTimeout;
                long start = System.nanoTime();
                AtomicBoolean reported = new AtomicBoolean();
                Consumer<Outcome> report = out -> {
                    if (reported.compareAndSet(false, true)) {
                        double secs = Math.round((System.nanoTime() - start) / 1e7) / 100.0;
                        results[k] = new CheckResult(c.name(), out.ok(), out.detail(),
                                Boolean.FALSE.equals(out.ok()) ? (out.hint() != null ? out.hint() : c.hint()) : null, secs);
                        done.add(k);
                    }
                };
                Future<?> task = pool.submit(() -> report.accept(probe(c, timeout)));
                // the verdict is given at the deadline; the interrupt then stops the work (a team check's process is killed)
                timer.schedule(() -> {
                    report.accept(Outcome.fail("timed out after " + seconds(timeout)));
                    task.cancel(true);
                }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            for (int n = 0; n < checks.size(); n++) {
                int k = done.take();
                display.finished(k, results[k]);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TcliException(ExitCode.INTERRUPTED, "interrupted; stopped the checks still running");
        } catch (TcliException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
            timer.shutdownNow();
        }
        display.end(results);
        return List.of(results);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private static Outcome probe(Check c, Duration timeout) {
        try {
            Outcome o = c.probe().run(timeout);
            return o != null ? o : Outcome.fail("the check said nothing");
        } catch (TcliException e) {
            return Outcome.fail(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.fail("interrupted");
        } catch (Exception e) {
            return Outcome.fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    public static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    private Display display(List<Check> checks) {
        if (ctx.out().machine()) {
            return new Display() {
            };
        }
        PrintWriter out = ctx.stdout();
        boolean color = ctx.flags().color();
        // rows cut to the terminal's width and redrawn in place; plain lines where that cannot work
        LiveRows rows = ctx.out().liveRows(checks.stream().map(c -> String.format("%-4s %s", PENDING, c.name())).toList());
        if (rows != null) {
            return new LiveDisplay(out, rows, color);
        }
        return new Display() {
            @Override
            public void finished(int index, CheckResult r) {
                out.println(line(r, false));
                if (r.hint() != null) {
                    out.println("    hint: " + r.hint());
                }
                out.flush();
            }
        };
    }

    static String line(CheckResult r, boolean color) {
        String mark = r.mark();
        if (color) {
            String c = r.ok() == null ? "\u001b[2m" : r.ok() ? "\u001b[32m" : "\u001b[31m";
            mark = c + mark + "\u001b[0m";
        }
        return String.format("%-4s %s: %s", mark, r.name(), r.detail() == null ? "" : r.detail());
    }

    /** How results reach the user while checks run. */
    private interface Display {
        default void finished(int index, CheckResult r) {
        }

        default void end(CheckResult[] results) {
        }
    }

    /** Pending rows first, each rewritten in place when its check finishes; hints below at the end. */
    private static final class LiveDisplay implements Display {
        private final PrintWriter out;
        private final LiveRows rows;
        private final boolean color;

        LiveDisplay(PrintWriter out, LiveRows rows, boolean color) {
            this.out = out;
            this.rows = rows;
            this.color = color;
        }

        @Override
        public void finished(int index, CheckResult r) {
            rows.set(index, line(r, color));
        }

        @Override
        public void end(CheckResult[] results) {
            rows.close();
            // in full below the block: a row cut to the width may have lost the detail
            for (CheckResult r : results) {
                if (r.hint() != null) {
                    out.println(r.name() + ": " + r.hint());
                }
            }
            out.flush();
        }
    }
}
