package dev.tcli.core;

/** The process entry point: real environment, real exit code, Ctrl-C cleanup. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Tcli tcli = new Tcli(SystemEnv.current());
        // On Ctrl-C the JVM runs shutdown hooks and exits 130: undo server-side work first.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!tcli.finished()) {
                tcli.interrupts().runAll();
            }
        }, "tcli-interrupt"));
        int code = tcli.run(args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }
}
