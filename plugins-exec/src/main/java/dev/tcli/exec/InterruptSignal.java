package dev.tcli.exec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Steps tcli aside from SIGINT while a plugin owns the terminal, and puts the previous handler
 * back afterwards.
 *
 * <p>The JDK has no supported API for this: the only one is {@code sun.misc.Signal} (module
 * {@code jdk.unsupported}). javac warns on every mention of it and the warning has no lint key,
 * so no {@code @SuppressWarnings} can silence it and the build's {@code -Werror} would fail. It
 * is therefore reached by reflection, here and nowhere else: if a future JDK removes it, this
 * class degrades to "cannot step aside" (Ctrl-C then ends tcli as well as the plugin) instead of
 * breaking the build or the run.
 */
final class InterruptSignal {

    private static final String SIGNAL = "sun.misc.Signal";
    private static final String HANDLER = "sun.misc.SignalHandler";

    private InterruptSignal() {
    }

    /**
     * Installs a handler that does nothing (the plugin got the same SIGINT from the terminal; its
     * exit code will tell) and returns the previous one, or null when there is nothing to step
     * aside from (-Xrs, a platform without SIGINT, a JDK without {@code sun.misc.Signal}).
     *
     * <p>A Java handler, not SIG_IGN: caught signals are reset to the default by exec, ignored ones
     * would be inherited and the plugin could not be interrupted at all.
     */
    static Object ignore() {
        try {
            Class<?> handlerType = Class.forName(HANDLER);
            Object ignoring = Proxy.newProxyInstance(InterruptSignal.class.getClassLoader(),
                    new Class<?>[] {handlerType}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "hashCode": return System.identityHashCode(proxy);
                            case "equals": return proxy == args[0];
                            case "toString": return "tcli: SIGINT goes to the plugin";
                            default: return null; // handle(Signal): nothing to do
                        }
                    });
            return handle(ignoring);
        } catch (ReflectiveOperationException | IllegalArgumentException | LinkageError e) {
            return null;
        }
    }

    /** Puts back the handler {@link #ignore()} returned; a no-op for null. */
    static void restore(Object previous) {
        if (previous == null) {
            return;
        }
        try {
            handle(previous);
        } catch (ReflectiveOperationException | IllegalArgumentException | LinkageError e) {
            // cannot happen for a handler we just replaced; nothing better to do
        }
    }

    private static Object handle(Object handler) throws ReflectiveOperationException {
        Class<?> signalType = Class.forName(SIGNAL);
        Class<?> handlerType = Class.forName(HANDLER);
        Object sigint = signalType.getConstructor(String.class).newInstance("INT");
        Method handle = signalType.getMethod("handle", signalType, handlerType);
        try {
            return handle.invoke(null, sigint, handler);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae; // -Xrs or no such signal here
            }
            throw e;
        }
    }
}
