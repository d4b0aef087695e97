package dev.tcli.status;

import dev.tcli.spi.TcliException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Finds a component or template by the name people type: case-insensitive, with a "did you mean". */
final class Names {
    private Names() {
    }

    static <T> T find(String wanted, List<T> items, Function<T, String> name, String kind, String listCommand) {
        String w = norm(wanted);
        List<String> names = new ArrayList<>();
        for (T item : items) {
            if (norm(name.apply(item)).equals(w)) {
                return item;
            }
            names.add(name.apply(item));
        }
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String n : names) {
            String c = norm(n);
            int score = c.startsWith(w) || c.contains(w) ? 0 : distance(c, w);
            if (score < bestScore) {
                bestScore = score;
                best = n;
            }
        }
        String hint = best != null && bestScore <= Math.max(2, w.length() / 3) ? "did you mean '" + best + "'? " : "";
        throw TcliException.notFound("no " + kind + " '" + wanted + "' on the status page; " + hint + "(" + kind + "s: "
                + String.join(", ", names) + "; see `" + listCommand + "`)");
    }

    private static String norm(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Levenshtein distance, for typos like "depto". */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
