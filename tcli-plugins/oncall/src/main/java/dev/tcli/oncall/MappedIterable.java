package dev.tcli.oncall;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A lazy view of {@code rows}: each mapped as the iteration reaches it, kept when {@code keep}
 * holds. Listings stream page by page, so a 20,000-incident account is never held in memory.
 */
final class MappedIterable<A, B> implements Iterable<B> {
    private final Iterable<A> rows;
    private final Function<A, B> map;
    private final Predicate<B> keep;

    MappedIterable(Iterable<A> rows, Function<A, B> map, Predicate<B> keep) {
        this.rows = rows;
        this.map = map;
        this.keep = keep;
    }

    @Override
    public Iterator<B> iterator() {
        return new Iterator<>() {
            private final Iterator<A> it = rows.iterator();
            private B next;

            @Override
            public boolean hasNext() {
                while (next == null && it.hasNext()) {
                    B b = map.apply(it.next());
                    next = keep.test(b) ? b : null;
                }
                return next != null;
            }

            @Override
            public B next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                B b = next;
                next = null;
                return b;
            }
        };
    }
}
