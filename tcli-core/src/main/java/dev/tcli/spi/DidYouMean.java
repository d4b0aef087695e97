package dev.tcli.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The one "did you mean" of tcli: a typo'd module, verb, bookmark, saved search, component or
 * template is answered with the nearest names, scored the same way everywhere.
 */
public final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * Up to {@code max} candidates close to {@code typed}, nearest first: within an edit distance of
     * {@code max(2, length/3)} (case-insensitive, an adjacent swap counts as one edit), or one being a
     * prefix of the other.
     */
    public static List<String> nearest(String typed, Collection<String> candidates, int max) {
        record Scored(String name, int distance) {
        }
        String t = typed == null ? "" : typed.toLowerCase(Locale.ROOT);
        List<Scored> scored = new ArrayList<>();
        for (String c : candidates) {
            String n = c.toLowerCase(Locale.ROOT);
            int d = distance(t, n);
            boolean prefix = !t.isEmpty() && (n.startsWith(t) || t.startsWith(n) && n.length() > 2);
            if (d <= Math.max(2, t.length() / 3) || prefix) {
                scored.add(new Scored(c, prefix ? Math.min(d, 1) : d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance));
        return scored.stream().limit(max).map(Scored::name).toList();
    }

    /** The nearest candidate, or null. */
    public static String best(String typed, Collection<String> candidates) {
        List<String> n = nearest(typed, candidates, 1);
        return n.isEmpty() ? null : n.get(0);
    }

    /** Levenshtein distance with adjacent transpositions (optimal string alignment): "ackk", "akc". */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
