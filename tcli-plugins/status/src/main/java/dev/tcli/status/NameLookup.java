package dev.tcli.status;

import dev.tcli.spi.DidYouMean;
import dev.tcli.spi.TcliException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Finds a component or template by the name people type: case-insensitive, with a "did you mean". */
public final class NameLookup {
    private NameLookup() {
    }

    public static <T> T find(String wanted, List<T> items, Function<T, String> name, String kind, String listCommand) {
        String w = norm(wanted);
        List<String> names = new ArrayList<>();
        for (T item : items) {
            if (norm(name.apply(item)).equals(w)) {
                return item;
            }
            names.add(name.apply(item));
        }
        String best = names.stream().filter(n -> !w.isEmpty() && norm(n).contains(w)).findFirst()
                .orElse(DidYouMean.best(w, names));
        String hint = best != null ? "did you mean '" + best + "'? " : "";
        throw TcliException.notFound("no " + kind + " '" + wanted + "' on the status page; " + hint + "(" + kind + "s: "
                + String.join(", ", names) + "; see `" + listCommand + "`)");
    }

    private static String norm(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
