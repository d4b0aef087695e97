package dev.tcli.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A write whose outcome can be unknown: after a timeout, a 5xx, a malformed answer (exit 6) or
 * Ctrl-C (130) once the request was sent, the service may have applied it. Retrying blindly
 * duplicates it (a second Statuspage incident), so such a failure is journaled with the outcome
 * {@code unknown} and the message says to check before retrying. Failures the service answered
 * clearly (4xx: exit 1, 2, 4, 5) are definite and pass through unchanged.
 */
public final class UnknownOutcome {
    public static final String OUTCOME = "unknown";

    private UnknownOutcome() {
    }

    /**
     * Runs {@code write}; on an unknown outcome journals {@code module verb target} as
     * {@code unknown} (with {@code details} and the error) and rethrows with "check before retrying".
     *
     * @param check how to check, e.g. {@code tcli status incident list --unresolved}
     */
    @SuppressWarnings("try") // the resource is a Ctrl-C guard: held for the block, never read
    public static <T> T guard(ModuleContext ctx, String module, String verb, String target, Map<String, ?> details, String check,
            Supplier<T> write) {
        AtomicBoolean interrupted = new AtomicBoolean();
        T result;
        try (AutoCloseable onCtrlC = ctx.onInterrupt(() -> {
            interrupted.set(true);
            journal(ctx, module, verb, target, details, "interrupted while the request was in flight");
            ctx.stderr().println("tcli: interrupted while sending " + verb + " " + target + "; it may or may not have been applied: check with '"
                    + check + "' before retrying");
            ctx.stderr().flush();
        })) {
            result = write.get();
        } catch (TcliException e) {
            if (interrupted.get() || e.exitCode() == ExitCode.INTERRUPTED) {
                throw new TcliException(ExitCode.INTERRUPTED, "interrupted", e);
            }
            if (e.exitCode() != ExitCode.UNAVAILABLE || ctx.flags().dryRun()) {
                throw e;
            }
            journal(ctx, module, verb, target, details, e.getMessage());
            String why = e.getMessage().replaceFirst(";\\s*try again[^;]*$", "").replaceFirst(";\\s*try again[^;]*;", ";");
            throw new TcliException(ExitCode.UNAVAILABLE, why + "; " + verb + " may or may not have been applied: check with '" + check
                    + "' before retrying (journaled as unknown)", e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw TcliException.failed(e.getMessage());
        }
        if (interrupted.get()) {
            throw new TcliException(ExitCode.INTERRUPTED, "interrupted");
        }
        return result;
    }

    private static void journal(ModuleContext ctx, String module, String verb, String target, Map<String, ?> details, String error) {
        Map<String, Object> d = new LinkedHashMap<>(details);
        d.put("error", error);
        ctx.journal().record(module, verb, target, OUTCOME, d);
    }
}
