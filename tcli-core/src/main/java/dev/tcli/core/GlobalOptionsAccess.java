package dev.tcli.core;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** A context with default options and a given home, for tools that walk the whole command tree (man pages, tests). */
public final class GlobalOptionsAccess {
    private GlobalOptionsAccess() {
    }

    public static DefaultContext context(Path home) {
        SystemEnv sys = new SystemEnv(Map.of("HOME", home.toString()), new ByteArrayInputStream(new byte[0]),
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()),
                false, false, false, Clock.systemUTC(), home);
        return new DefaultContext(sys, new GlobalOptions(), new ModuleRegistry(home.resolve("no-plugins"), sys.env()),
                new Interrupts(), Tcli.version());
    }
}
