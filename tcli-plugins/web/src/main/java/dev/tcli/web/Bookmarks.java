package dev.tcli.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.DidYouMean;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code [web]} table of the team file, in file order. A bookmark is {@code name = "URL"}
 * or {@code name = { url = "...", description = "..." }}; anything else is left to
 * {@code tcli team validate} to report.
 */
public final class Bookmarks {
    private final List<Bookmark> all;

    private Bookmarks(List<Bookmark> all) {
        this.all = List.copyOf(all);
    }

    public static Bookmarks of(ModuleContext ctx) {
        if (!ctx.team().present() && ctx.team().repo().isPresent()) {
            throw TcliException.config(ctx.team().whyAbsent());
        }
        if (!ctx.team().present()) {
            throw TcliException.config("no team file: set [team] repo in " + ctx.paths().configFile()
                    + " (or TCLI_TEAM_DIR) to the control repo holding tcli-team.toml, whose [web] lists the bookmarks");
        }
        List<Bookmark> list = new ArrayList<>();
        ctx.team().at("/web").properties().forEach(e -> {
            JsonNode v = e.getValue();
            String url = v.isTextual() ? v.asText() : v.path("url").isTextual() ? v.get("url").asText() : null;
            if (url != null) {
                list.add(new Bookmark(e.getKey(), url));
            }
        });
        return new Bookmarks(list);
    }

    static Bookmarks of(List<Bookmark> list) {
        return new Bookmarks(list);
    }

    public List<Bookmark> all() {
        return all;
    }

    /**
     * The bookmark {@code query} means: the exact name, else the only name it starts, else the
     * only name containing it (case-insensitive). Several candidates are a usage error listing
     * them; none is "not found" with the closest names as suggestions.
     */
    public Bookmark find(String query) {
        String q = query.toLowerCase(Locale.ROOT);
        for (Bookmark b : all) {
            if (b.name().equals(query)) {
                return b;
            }
        }
        Optional<Bookmark> one = unique(all.stream().filter(b -> b.name().equalsIgnoreCase(query)).toList(), query);
        if (one.isPresent()) {
            return one.get();
        }
        one = unique(all.stream().filter(b -> b.name().toLowerCase(Locale.ROOT).startsWith(q)).toList(), query);
        if (one.isPresent()) {
            return one.get();
        }
        one = unique(all.stream().filter(b -> b.name().toLowerCase(Locale.ROOT).contains(q)).toList(), query);
        if (one.isPresent()) {
            return one.get();
        }
        List<String> close = suggestions(q);
        throw TcliException.notFound("no bookmark '" + query + "' in [web] of the team file"
                + (close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?")
                + " ('tcli web list' shows them all)");
    }

    private static Optional<Bookmark> unique(List<Bookmark> matches, String query) {
        if (matches.size() > 1) {
            throw TcliException.usage("'" + query + "' matches several bookmarks: "
                    + String.join(", ", matches.stream().map(Bookmark::name).toList()) + "; be more specific");
        }
        return matches.stream().findFirst();
    }

    /** Up to three names within a small edit distance, or that contain the query's letters in order. */
    List<String> suggestions(String q) {
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Bookmark b : all) {
            String n = b.name().toLowerCase(Locale.ROOT);
            int d = Math.min(DidYouMean.distance(q, n), n.length() > q.length() ? DidYouMean.distance(q, n.substring(0, q.length())) + 1 : Integer.MAX_VALUE);
            if (d <= Math.max(2, q.length() / 3) || subsequence(q, n)) {
                scored.add(new Scored(b.name(), subsequence(q, n) ? Math.min(d, 3) : d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance));
        return scored.stream().limit(3).map(Scored::name).toList();
    }

    private static boolean subsequence(String q, String n) {
        int i = 0;
        for (int j = 0; j < n.length() && i < q.length(); j++) {
            if (n.charAt(j) == q.charAt(i)) {
                i++;
            }
        }
        return q.length() >= 3 && i == q.length();
    }
}
