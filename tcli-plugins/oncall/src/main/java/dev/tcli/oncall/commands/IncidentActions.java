package dev.tcli.oncall.commands;

import dev.tcli.oncall.ActionResult;
import dev.tcli.oncall.Incident;
import dev.tcli.oncall.OncallProvider;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.Times;
import dev.tcli.spi.output.Column;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Acting on incidents, as every mutating verb does: look all up first, send with a Ctrl-C guard, journal, report per incident. */
public final class IncidentActions {
    static final String MODULE = "oncall";

    private IncidentActions() {
    }

    /**
     * Looks up every reference before anything is sent (docs/oncall.md: unknown → exit 5 naming it),
     * so a typo in the third id never leaves the first two half-done.
     */
    static List<Incident> find(OncallProvider provider, List<String> refs) {
        Map<String, Incident> out = new LinkedHashMap<>();
        for (String ref : refs) {
            Incident i = provider.incident(ref.startsWith("#") ? ref.substring(1) : ref);
            out.putIfAbsent(i.id(), i);
        }
        return new ArrayList<>(out.values());
    }

    /**
     * Sends one mutation with a Ctrl-C guard. If the user interrupts while the request is in
     * flight, nobody can say whether the service applied it: each incident is journaled as
     * {@code interrupted}, stderr says how to check, and the command ends with exit 130 instead
     * of reporting an outcome it never saw.
     */
    @SuppressWarnings("try") // the resource is a Ctrl-C guard: held for the block, never read
    static <T> T sending(ModuleContext ctx, String verb, List<Incident> incidents, java.util.function.Supplier<T> send) {
        java.util.concurrent.atomic.AtomicBoolean interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        T result;
        try (AutoCloseable guard = ctx.onInterrupt(() -> {
            interrupted.set(true);
            for (Incident i : incidents) {
                ctx.journal().record(MODULE, verb, i.id(), "interrupted", Map.of("number", String.valueOf(i.number()),
                        "message", "interrupted while the request was in flight; the outcome is unknown"));
            }
            ctx.stderr().println("tcli: interrupted while sending " + verb + " for "
                    + String.join(", ", incidents.stream().map(Incident::label).toList())
                    + "; it may or may not have been applied: check with 'tcli oncall show ID'");
            ctx.stderr().flush();
        })) {
            result = send.get();
        } catch (dev.tcli.spi.TcliException e) {
            if (e.exitCode() == dev.tcli.spi.ExitCode.UNAVAILABLE && !interrupted.get() && !ctx.flags().dryRun()) {
                // a timeout, 5xx or malformed answer after sending: maybe applied, so journaled as unknown, never "try again"
                for (Incident i : incidents) {
                    ctx.journal().record(MODULE, verb, i.id(), dev.tcli.spi.UnknownOutcome.OUTCOME, Map.of("number", String.valueOf(i.number()),
                            "error", e.getMessage()));
                }
                throw new dev.tcli.spi.TcliException(e.exitCode(), e.getMessage().replaceFirst(";\\s*try again[^;]*$", "") + "; " + verb
                        + " may or may not have been applied: check with 'tcli oncall show ID' before retrying (journaled as unknown)", e);
            }
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw dev.tcli.spi.TcliException.failed(e.getMessage());
        }
        if (interrupted.get()) {
            throw new dev.tcli.spi.TcliException(dev.tcli.spi.ExitCode.INTERRUPTED, "interrupted");
        }
        return result;
    }

    static void journal(ModuleContext ctx, String verb, ActionResult r, Map<String, ?> sent) {
        Map<String, Object> details = new LinkedHashMap<>(sent);
        details.put("provider", ctx.settings("oncall").string("provider", "pagerduty"));
        if (r.number() != null) {
            details.put("number", r.number());
        }
        if (r.message() != null) {
            details.put("message", r.message());
        }
        ctx.journal().record(MODULE, verb, r.id(), r.failed() ? "failed" : r.outcome(), details);
    }

    static List<Column<ActionResult>> resultColumns() {
        return List.of(Column.of("ID", ActionResult::id), Column.of("#", ActionResult::number),
                Column.status("OUTCOME", ActionResult::outcome), Column.of("TITLE", ActionResult::title),
                Column.dim("NOTE", ActionResult::message));
    }

    static List<Column<Incident>> incidentColumns(ModuleContext ctx) {
        return List.of(Column.of("ID", Incident::id), Column.of("#", Incident::number), Column.status("STATUS", Incident::status),
                Column.of("URGENCY", Incident::urgency), Column.of("SERVICE", Incident::service),
                Column.of("ASSIGNEES", i -> String.join(", ", i.assignees())),
                Column.dim("CREATED", i -> i.createdAt() == null ? null : Times.format(Instant.parse(i.createdAt()), ctx.zone())),
                Column.of("TITLE", Incident::title));
    }

    /**
     * Prints per-incident results, journals each, and fails (exit 1) naming the incidents a
     * partial failure left behind.
     */
    static int report(ModuleContext ctx, String verb, List<ActionResult> results, Map<String, ?> sent) {
        for (ActionResult r : results) {
            journal(ctx, verb, r, sent);
        }
        ctx.out().list(results, resultColumns());
        List<String> failed = results.stream().filter(ActionResult::failed)
                .map(r -> (r.number() != null ? "#" + r.number() : r.id()) + (r.message() != null ? " (" + r.message() + ")" : ""))
                .toList();
        if (!failed.isEmpty()) {
            throw dev.tcli.spi.TcliException.failed(verb + " failed for " + String.join(", ", failed)
                    + (failed.size() < results.size() ? "; the others succeeded" : ""));
        }
        return 0;
    }
}
