package dev.tcli.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Cleanup registered by a running command (a search job to delete, a remote command to stop)
 * that must run if the user presses Ctrl-C. The real process runs it from a shutdown hook;
 * tests call {@link #runAll()}.
 */
public final class Interrupts {
    private final List<Runnable> cleanups = new CopyOnWriteArrayList<>();

    public AutoCloseable register(Runnable cleanup) {
        cleanups.add(cleanup);
        return () -> cleanups.remove(cleanup);
    }

    void unregister(Runnable cleanup) {
        cleanups.remove(cleanup);
    }

    /** Runs every pending cleanup once, newest first; a failing cleanup does not stop the others. */
    public void runAll() {
        List<Runnable> pending = new ArrayList<>(cleanups);
        cleanups.clear();
        for (int i = pending.size() - 1; i >= 0; i--) {
            try {
                pending.get(i).run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Interrupts.class).warn("cleanup after interrupt failed: {}",
                        Redactor.redact(String.valueOf(e.getMessage())));
            }
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean lastWord = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * After Ctrl-C the run's last line (tcli: interrupted...) is printed once: by the command if
     * it gets there first, else by the shutdown hook, or by a prompt that was waiting. True for
     * the first caller only.
     */
    public boolean claimLastWord() {
        return lastWord.compareAndSet(false, true);
    }

    public boolean pending() {
        return !cleanups.isEmpty();
    }
}
