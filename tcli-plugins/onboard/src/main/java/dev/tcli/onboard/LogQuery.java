package dev.tcli.onboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Would a Sumo Logic query find a message? Enough of the language to judge a trainee's search in
 * the drill: keywords and quoted phrases (case-insensitive, {@code *} wildcards) against
 * {@code _raw}, metadata filters such as {@code _sourceCategory=live/api}, {@code NOT}/{@code !},
 * and {@code OR} (any part may match); everything after the first {@code |} is ignored.
 */
final class LogQuery {
    private record Term(String field, Pattern pattern, boolean negated) {
        boolean test(Map<String, String> m) {
            String v = m.get(field);
            boolean hit = v != null && pattern.matcher(v).find();
            return negated != hit;
        }
    }

    private final List<Term> terms = new ArrayList<>();
    private boolean any;

    private LogQuery(String query) {
        String filter = query.split("\\|", 2)[0];
        boolean negate = false;
        for (String word : TeamChecks.split(filter.replace("(", " ").replace(")", " ") + " ")) {
            String up = word.toUpperCase(Locale.ROOT);
            if (up.equals("AND")) {
                continue;
            }
            if (up.equals("OR")) {
                any = true;
                continue;
            }
            if (up.equals("NOT") || word.equals("!")) {
                negate = true;
                continue;
            }
            if (word.startsWith("!")) {
                negate = true;
                word = word.substring(1);
            }
            int eq = word.indexOf('=');
            if (eq > 0 && word.startsWith("_")) {
                terms.add(new Term(word.substring(0, eq).toLowerCase(Locale.ROOT), glob(word.substring(eq + 1), true), negate));
            } else {
                terms.add(new Term("_raw", glob(word, false), negate));
            }
            negate = false;
        }
    }

    static LogQuery parse(String query) {
        try {
            return new LogQuery(query);
        } catch (IllegalArgumentException e) {
            return new LogQuery("");
        }
    }

    private static Pattern glob(String text, boolean whole) {
        List<String> parts = new ArrayList<>();
        for (String part : text.split("\\*", -1)) {
            parts.add(part.isEmpty() ? "" : Pattern.quote(part));
        }
        String re = String.join(".*", parts);
        return Pattern.compile(whole ? "^" + re + "$" : re, Pattern.CASE_INSENSITIVE);
    }

    boolean matches(Map<String, String> message) {
        if (terms.isEmpty()) {
            return true;
        }
        return any ? terms.stream().anyMatch(t -> t.test(message)) : terms.stream().allMatch(t -> t.test(message));
    }
}
