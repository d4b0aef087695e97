package dev.tcli.exec;

import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one exec plugin and returns its exit code unchanged.
 *
 * <p>In a real tcli process the plugin gets the terminal itself ({@code inheritIO}), so it can
 * prompt, page and colour like any program, and tcli steps aside for Ctrl-C: the terminal sends
 * SIGINT to the whole foreground process group, the plugin decides what an interrupt means, and
 * tcli waits and passes on whatever exit code that gives. When tcli runs in-process (tests, or
 * anything embedding it) its streams are not file descriptors, so the plugin's output is copied
 * into them instead.
 */
final class PluginProcess {
    /** After the plugin exits, how long its output may keep arriving (a background child can hold the pipe open). */
    private static final long DRAIN_MILLIS = 10_000;

    private PluginProcess() {
    }

    static int run(Path executable, List<String> args, Map<String, String> env, ModuleContext ctx) {
        List<String> argv = new ArrayList<>(args.size() + 1);
        argv.add(executable.toString());
        argv.addAll(args); // an argv array, never a shell: spaces, quotes, '$' and '*' arrive as typed
        ctx.stdout().flush();
        ctx.stderr().flush();
        boolean attached = attachedToProcess(ctx);
        if (attached && LauncherHandoff.offer(argv, ctx.env(), env)) {
            return 0;   // bin/tcli runs the plugin in our place once we have exited
        }
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().clear();
        pb.environment().putAll(env);
        return attached ? runOnTerminal(pb, executable) : runPiped(pb, executable, ctx);
    }

    /**
     * True when the context's streams are this process's own: the core hands {@code System.in}
     * itself to a real run, and a byte array or pipe of its own to an in-process one.
     */
    static boolean attachedToProcess(ModuleContext ctx) {
        return ctx.stdin() == System.in;
    }

    private static int runOnTerminal(ProcessBuilder pb, Path executable) {
        System.out.flush();
        System.err.flush();
        pb.inheritIO();
        // Installed before the start so no Ctrl-C falls between start and install.
        Object previous = InterruptSignal.ignore();
        // SIGTERM or SIGHUP (terminal closed) end tcli: take the plugin with us rather than orphan
        // it. The hook is in place before the start, so a SIGTERM arriving while the plugin starts
        // cannot slip between the two; it waits for the start to finish (or fail) and then stops it.
        ProcessHolder started = new ProcessHolder();
        Thread hangup = new Thread(started::destroy, "tcli-plugin-hangup");
        Runtime.getRuntime().addShutdownHook(hangup);
        try {
            Process p = null;
            try {
                p = start(pb, executable);
            } finally {
                started.set(p); // null when it could not start: nothing to stop
            }
            return waitFor(p);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hangup);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running, which is what we want
            }
            InterruptSignal.restore(previous);
        }
    }

    private static int runPiped(ProcessBuilder pb, Path executable, ModuleContext ctx) {
        Process p = start(pb, executable);
        Thread out = copy(p.getInputStream(), ctx.stdout(), "tcli-plugin-stdout");
        Thread err = copy(p.getErrorStream(), ctx.stderr(), "tcli-plugin-stderr");
        feed(ctx.stdin(), p.getOutputStream());
        int code = waitFor(p);
        try {
            out.join(DRAIN_MILLIS);
            err.join(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return code;
    }

    private static Process start(ProcessBuilder pb, Path executable) {
        try {
            return pb.start();
        } catch (IOException e) {
            throw new TcliException(ExitCode.FAILED, "cannot run plugin " + executable + ": " + e.getMessage()
                    + "; check that it is executable and starts with a '#!' line");
        }
    }

    private static int waitFor(Process p) {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            // tcli itself was interrupted (in-process Ctrl-C): do not leave the plugin running
            p.destroy();
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException again) {
                p.destroyForcibly();
            }
            Thread.currentThread().interrupt();
            throw new TcliException(ExitCode.INTERRUPTED, "interrupted");
        }
    }

    /**
     * The plugin once started, for the shutdown hook: it may run while {@code pb.start()} is still
     * under way, and then waits for it (bounded: a shutdown must not hang on a stuck fork).
     */
    static final class ProcessHolder {
        private static final long START_WAIT_MILLIS = 5_000;
        private Process process;
        private boolean settled;

        synchronized void set(Process p) {
            process = p;
            settled = true;
            notifyAll();
        }

        synchronized void destroy() {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_WAIT_MILLIS);
            try {
                long left;
                while (!settled && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (process != null) {
                process.destroy();
            }
        }
    }

    /** Copies the plugin's text output into tcli's writer as it comes, flushing so prompts show before input is read. */
    private static Thread copy(InputStream from, PrintWriter to, String name) {
        Thread t = new Thread(() -> {
            try (Reader r = new InputStreamReader(from, StandardCharsets.UTF_8)) {
                char[] buf = new char[8192];
                int n;
                while ((n = r.read(buf)) >= 0) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // the plugin closed its end; nothing more to copy
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Gives the plugin tcli's stdin, then end-of-file. A plugin that never reads it just closes the pipe. */
    private static void feed(InputStream from, OutputStream to) {
        Thread t = new Thread(() -> {
            try (OutputStream o = to) {
                from.transferTo(o);
            } catch (IOException e) {
                // broken pipe: the plugin exited or closed stdin without reading everything
            }
        }, "tcli-plugin-stdin");
        t.setDaemon(true);
        t.start();
    }
}
