package dev.tcli.logs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.DidYouMean;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.util.ArrayList;
import java.util.List;

/** The team's saved searches: {@code [logs.saved.NAME]} in {@code tcli-team.toml}, with {@code query} and an optional {@code since}. */
public final class SavedSearches {

    /** One saved search, as {@code tcli logs saved -o json} prints it. */
    public record Saved(String name, String query, String since, String description) {
    }

    private SavedSearches() {
    }

    public static List<Saved> all(ModuleContext ctx) {
        List<Saved> out = new ArrayList<>();
        JsonNode saved = ctx.team().at("/logs/saved");
        if (!saved.isObject()) {
            return out;
        }
        saved.properties().forEach(e -> {
            JsonNode n = e.getValue();
            String query = n.path("query").isTextual() ? n.path("query").asText() : null;
            if (query == null || query.isBlank()) {
                throw TcliException.config(ctx.team().where("logs.saved." + e.getKey()) + ": logs.saved." + e.getKey()
                        + ": query is missing; a saved search needs query = \"...\"");
            }
            out.add(new Saved(e.getKey(), query, n.path("since").isTextual() ? n.path("since").asText() : null,
                    n.path("description").isTextual() ? n.path("description").asText() : null));
        });
        return out;
    }

    /** The saved search {@code name}; exit 5 naming the known ones (exit 3 without a team file). */
    public static Saved find(ModuleContext ctx, String name) {
        if (!ctx.team().present() && ctx.team().repo().isPresent()) {
            throw TcliException.config("no saved search '" + name + "': " + ctx.team().whyAbsent());
        }
        if (!ctx.team().present()) {
            throw TcliException.config("no saved search '" + name + "': no team repo is configured; set [team] repo in your config "
                    + "to the checkout holding tcli-team.toml, whose [logs.saved.NAME] tables hold the team's searches");
        }
        List<Saved> all = all(ctx);
        for (Saved s : all) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        List<String> names = all.stream().map(Saved::name).toList();
        String close = names.stream().filter(n -> n.contains(name) || name.contains(n)).findFirst()
                .orElse(DidYouMean.best(name, names));
        throw TcliException.notFound("no saved search '" + name + "' in " + ctx.team().file().map(Object::toString).orElse("the team file")
                + (close != null ? "; did you mean '" + close + "'?" : "")
                + (names.isEmpty() ? " (it defines none)" : "; known: " + String.join(", ", names)) + " (tcli logs saved lists them)");
    }
}
