package dev.tcli.sandbox.sumologic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The slice of the Sumo Logic query language the emulator understands: keyword terms and quoted
 * phrases (case-insensitive, {@code *} wildcards, matched against {@code _raw}), metadata filters
 * such as {@code _sourceCategory=live/api} or {@code _sourceHost=live-builder-api-*}, {@code AND},
 * {@code OR}, {@code NOT} (or {@code !}) with parentheses and implicit AND, then at most one
 * aggregate: {@code | count}, {@code | count by FIELD[, FIELD]} or {@code | count FIELD}. Anything
 * else is a parse error, as a malformed query is for the real service.
 */
final class SumoQuery {

    /** A predicate on one message's map (lowercase field names). */
    interface Expr {
        boolean test(Map<String, String> m);
    }

    /** Thrown for a query Sumo would refuse with {@code searchjob.parse.error}. */
    static final class ParseError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message, null, false, false);
        }
    }

    private final Expr filter;
    private final List<String> countBy;
    private final boolean aggregate;

    private SumoQuery(Expr filter, boolean aggregate, List<String> countBy) {
        this.filter = filter;
        this.aggregate = aggregate;
        this.countBy = countBy;
    }

    boolean matches(Map<String, String> message) {
        return filter.test(message);
    }

    boolean aggregate() {
        return aggregate;
    }

    /** The lowercase fields of {@code | count by ...}; empty for a plain {@code | count}. */
    List<String> countBy() {
        return countBy;
    }

    static SumoQuery parse(String text) {
        int bar = indexOfPipe(text);
        String search = bar < 0 ? text : text.substring(0, bar);
        List<String> tokens = tokenize(search);
        Parser p = new Parser(tokens);
        Expr filter = tokens.isEmpty() ? m -> true : p.or();
        if (p.pos < tokens.size()) {
            throw new ParseError("Unexpected '" + tokens.get(p.pos) + "' at position " + (p.pos + 1) + " of the search expression.");
        }
        if (bar < 0) {
            return new SumoQuery(filter, false, List.of());
        }
        String pipe = text.substring(bar + 1).trim();
        if (indexOfPipe(pipe) >= 0) {
            throw new ParseError("The sandbox emulator supports one aggregate operator (| count by FIELD); got: " + text.substring(bar));
        }
        String[] words = pipe.split("[\\s,]+");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new ParseError("Expected an operator after '|'.");
        }
        if (!words[0].equalsIgnoreCase("count")) {
            throw new ParseError("Unsupported operator '" + words[0] + "' (the sandbox emulator understands keywords, "
                    + "field=value, AND/OR/NOT and | count by FIELD).");
        }
        List<String> by = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            if (i == 1 && words[i].equalsIgnoreCase("by")) {
                continue;
            }
            if (!words[i].matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new ParseError("Invalid field name '" + words[i] + "' in count.");
            }
            by.add(words[i].toLowerCase(Locale.ROOT));
        }
        if (words.length >= 2 && words[1].equalsIgnoreCase("by") && by.isEmpty()) {
            throw new ParseError("Expected a field after 'count by'.");
        }
        return new SumoQuery(filter, true, List.copyOf(by));
    }

    private static int indexOfPipe(String s) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '|' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '=' || c == '!') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new ParseError("Unterminated quoted string starting at position " + (i + 1) + ".");
                }
                out.add(s.substring(i, end + 1));
                i = end + 1;
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "()=\"".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    private static final class Parser {
        private final List<String> t;
        private int pos;

        Parser(List<String> tokens) {
            this.t = tokens;
        }

        private String peek() {
            return pos < t.size() ? t.get(pos) : null;
        }

        private boolean keyword(String k) {
            String p = peek();
            return p != null && p.equalsIgnoreCase(k);
        }

        Expr or() {
            Expr left = and();
            while (keyword("OR")) {
                pos++;
                Expr a = left;
                Expr b = and();
                left = m -> a.test(m) || b.test(m);
            }
            return left;
        }

        Expr and() {
            Expr left = not();
            while (peek() != null && !keyword("OR") && !peek().equals(")")) {
                if (keyword("AND")) {
                    pos++;
                }
                Expr a = left;
                Expr b = not();
                left = m -> a.test(m) && b.test(m);
            }
            return left;
        }

        Expr not() {
            if (keyword("NOT") || "!".equals(peek())) {
                pos++;
                Expr e = not();
                return m -> !e.test(m);
            }
            return primary();
        }

        Expr primary() {
            String tok = peek();
            if (tok == null) {
                throw new ParseError("The search expression ends where a term was expected.");
            }
            if (tok.equals("(")) {
                pos++;
                Expr e = or();
                if (!")".equals(peek())) {
                    throw new ParseError("Missing ')' in the search expression.");
                }
                pos++;
                return e;
            }
            if (tok.equals(")") || tok.equals("=") || keyword("AND") || keyword("OR")) {
                throw new ParseError("Unexpected '" + tok + "' at position " + (pos + 1) + " of the search expression.");
            }
            pos++;
            if ("=".equals(peek())) {
                pos++;
                String value = peek();
                if (value == null || value.equals("(") || value.equals(")") || value.equals("=")) {
                    throw new ParseError("Expected a value after '" + tok + "='.");
                }
                pos++;
                String field = tok.toLowerCase(Locale.ROOT);
                Pattern p = wildcard(unquote(value));
                return m -> {
                    String v = m.get(field);
                    return v != null && p.matcher(v).matches();
                };
            }
            String word = unquote(tok);
            if (word.equals("*")) {
                return m -> true;
            }
            Pattern p = Pattern.compile(".*" + wildcard(word).pattern() + ".*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
            if (!word.contains("*")) {
                String lower = word.toLowerCase(Locale.ROOT);
                return m -> m.getOrDefault("_raw", "").toLowerCase(Locale.ROOT).contains(lower);
            }
            return m -> p.matcher(m.getOrDefault("_raw", "")).matches();
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static Pattern wildcard(String glob) {
        StringBuilder sb = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (sb.length() > 0 || glob.startsWith("*")) {
                sb.append(".*");
            }
            sb.append(Pattern.quote(part));
        }
        return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }
}
