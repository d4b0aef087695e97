package dev.tcli.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line numbers of the keys of a TOML file, so that an error can name {@code file:line}
 * (docs/design.md §5: "the file, line and key"). The one implementation: the kernel's
 * {@code where()} for config and team files and {@code tcli team validate} both use it.
 *
 * <p>A key is a dotted path; the n-th {@code [[array.of.tables]]} is addressed by index
 * ({@code environments.live.nodes[1].host}), and without an index a path means the first one
 * ({@code environments.live.nodes.host}), for callers that only know the key's name.
 */
public final class TomlLines {
    private static final String SEGMENT = "(?:[A-Za-z0-9_\\-]+|\"[^\"]*\"|'[^']*')";
    private static final String DOTTED = SEGMENT + "(?:\\s*\\.\\s*" + SEGMENT + ")*";
    private static final Pattern HEADER = Pattern.compile("^\\s*\\[(\\[)?\\s*(" + DOTTED + ")\\s*\\](\\])?\\s*(#.*)?$");
    private static final Pattern KEY = Pattern.compile("^\\s*(" + DOTTED + ")\\s*=");
    private static final Pattern ONE = Pattern.compile(SEGMENT);

    private final Map<String, Integer> lines = new HashMap<>();
    /** The same paths without array indices: the first occurrence of each. */
    private final Map<String, Integer> unindexed = new HashMap<>();

    private TomlLines() {
    }

    /** Reads a file; an unreadable file simply knows no lines. */
    public static TomlLines of(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            return new TomlLines();
        }
    }

    /** Reads TOML text (one that does not parse still yields the lines it could match). */
    public static TomlLines parse(String text) {
        TomlLines t = new TomlLines();
        Map<String, Integer> arrays = new HashMap<>();
        String table = "";
        String plainTable = "";
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            Matcher h = HEADER.matcher(line);
            if (h.matches()) {
                boolean array = h.group(1) != null && h.group(3) != null;
                List<String> parts = segments(h.group(2));
                String cur = "";
                for (int i = 0; i < parts.size(); i++) {
                    cur = cur.isEmpty() ? parts.get(i) : cur + "." + parts.get(i);
                    if (i < parts.size() - 1 && arrays.containsKey(cur)) {
                        cur = cur + "[" + (arrays.get(cur) - 1) + "]";
                    }
                }
                if (array) {
                    int count = arrays.merge(cur, 1, Integer::sum);
                    t.lines.putIfAbsent(cur, n);
                    cur = cur + "[" + (count - 1) + "]";
                }
                t.lines.putIfAbsent(cur, n);
                table = cur;
                plainTable = String.join(".", parts);
                t.unindexed.putIfAbsent(plainTable, n);
                continue;
            }
            Matcher k = KEY.matcher(line);
            if (k.lookingAt()) {
                String key = String.join(".", segments(k.group(1)));
                t.lines.putIfAbsent(table.isEmpty() ? key : table + "." + key, n);
                t.unindexed.putIfAbsent(plainTable.isEmpty() ? key : plainTable + "." + key, n);
            }
        }
        return t;
    }

    private static List<String> segments(String dotted) {
        List<String> out = new ArrayList<>();
        Matcher m = ONE.matcher(dotted);
        while (m.find()) {
            String s = m.group();
            if (s.startsWith("\"") || s.startsWith("'")) {
                s = s.substring(1, s.length() - 1);
            }
            out.add(s);
        }
        return out;
    }

    /**
     * The line of a key such as {@code environments.live.nodes[1].host}; when the key itself is
     * not written out (an inline table, a missing key) the line of its nearest parent; 0 when
     * nothing matches.
     */
    public int line(String key) {
        String k = key;
        while (!k.isEmpty()) {
            Integer l = lines.get(k);
            if (l != null) {
                return l;
            }
            int cut = Math.max(k.lastIndexOf('.'), k.lastIndexOf('['));
            k = cut <= 0 ? "" : k.substring(0, cut);
        }
        return 0;
    }

    /**
     * The line of exactly this key or table header (without indices: the first of an array of
     * tables); 0 when it is not written out.
     */
    public int exactLine(String key) {
        Integer l = lines.get(key);
        return l != null ? l : unindexed.getOrDefault(key, 0);
    }
}
