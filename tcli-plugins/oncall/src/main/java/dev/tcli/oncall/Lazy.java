package dev.tcli.oncall;

import java.util.function.Supplier;

/** Computes once for every check that needs it (e.g. who I am in PagerDuty); a failure is re-thrown to each. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> compute;
    private T value;
    private RuntimeException failure;
    private boolean done;

    private Lazy(Supplier<T> compute) {
        this.compute = compute;
    }

    static <T> Lazy<T> of(Supplier<T> compute) {
        return new Lazy<>(compute);
    }

    @Override
    public synchronized T get() {
        if (!done) {
            try {
                value = compute.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            done = true;
        }
        if (failure != null) {
            throw failure;
        }
        return value;
    }
}
