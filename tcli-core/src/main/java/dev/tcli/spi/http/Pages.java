package dev.tcli.spi.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Streams a paginated listing page by page: only one page is held at a time, so listing 10,000
 * incidents takes the memory of one page.
 */
public final class Pages {

    /** One page of results and whether another follows. */
    public record Page(List<JsonNode> items, boolean more) {
    }

    /** Fetches the page that starts at {@code offset} (0-based, counted in items). */
    @FunctionalInterface
    public interface Fetcher {
        Page fetch(int offset);
    }

    private Pages() {
    }

    /** Items of every page, fetched lazily as the iteration reaches them. */
    public static Iterable<JsonNode> byOffset(Fetcher fetcher) {
        return () -> new Iterator<>() {
            private int offset;
            private Iterator<JsonNode> current = List.<JsonNode>of().iterator();
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && more) {
                    Page page = fetcher.fetch(offset);
                    offset += page.items().size();
                    current = page.items().iterator();
                    more = page.more() && !page.items().isEmpty();
                }
                return current.hasNext();
            }

            @Override
            public JsonNode next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
