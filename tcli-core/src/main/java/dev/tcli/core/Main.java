package dev.tcli.core;

/** The process entry point: real environment, real exit code, Ctrl-C cleanup. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = run(new Tcli(SystemEnv.current()), args);
        // halt, not System.exit: on JDK 21+ Runtime.exit asks System.getLogger whether to log the
        // exit, and that first request starts java.util.logging (10-17 ms, a fifth of --help).
        // What exit adds is shutdown hooks: tcli's own (below) does nothing once the run has
        // finished, the output is flushed, and nothing else in tcli or its libraries registers one.
        // Ctrl-C still goes through the JVM's exit and runs the hook.
        Runtime.getRuntime().halt(code);
    }

    /**
     * One run as the process runs it, short of exiting; the startup cache's training calls this
     * too, so that what a real start loads (this class, the hook) is in the cache.
     */
    public static int run(Tcli tcli, String[] args) {
        // On Ctrl-C the JVM runs shutdown hooks and exits 130: undo server-side work first.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!tcli.finished()) {
                tcli.interrupts().runAll();
                tcli.sayInterrupted();
            }
        }, "tcli-interrupt"));
        int code = tcli.run(args);
        System.out.flush();
        System.err.flush();
        return code;
    }
}
