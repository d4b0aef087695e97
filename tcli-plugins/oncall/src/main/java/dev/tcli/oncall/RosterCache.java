package dev.tcli.oncall;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.spi.Mappers;
import dev.tcli.spi.ModuleContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The last good answer of {@code who} and {@code schedule}, per profile and question, in
 * {@code $XDG_STATE_HOME/tcli/oncall/}: on-call contacts must be reachable exactly when the
 * paging service is not. Written atomically (temp file + rename); a damaged file is ignored.
 */
public final class RosterCache {
    private final ModuleContext ctx;
    private final Path file;

    /** One cached answer: when it was fetched, and the rows. */
    public record Entry<T>(Instant asOf, List<T> rows, String me) {
        public String age(Instant now) {
            Duration d = Duration.between(asOf, now);
            if (d.toDays() > 0) {
                return d.toDays() + "d " + d.toHoursPart() + "h";
            }
            return d.toHours() > 0 ? d.toHours() + "h " + d.toMinutesPart() + "m" : Math.max(0, d.toMinutes()) + "m";
        }
    }

    public RosterCache(ModuleContext ctx, String verb, String key) {
        this.ctx = ctx;
        String safe = (ctx.profile() + "-" + verb + "-" + key).replaceAll("[^A-Za-z0-9._-]", "_");
        this.file = ctx.paths().stateDir().resolve("oncall").resolve(safe + ".json");
    }

    public <T> void save(List<T> rows, String me) {
        try {
            ObjectNode n = Mappers.json().createObjectNode();
            n.put("as_of", ctx.clock().instant().toString());
            n.put("me", me);
            n.set("rows", Mappers.json().valueToTree(rows));
            // names and emails: 0600, a unique temp file renamed over the old one (dev.tcli.spi.PrivateFiles)
            dev.tcli.spi.PrivateFiles.replace(file, Mappers.json().writeValueAsBytes(n));
        } catch (IOException e) {
            ctx.out().note("could not cache the roster in " + file + ": " + e.getMessage());
        }
    }

    public <T> Optional<Entry<T>> load(Class<T> type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = Mappers.json().readTree(file.toFile());
            JavaType listType = Mappers.json().getTypeFactory().constructCollectionType(List.class, type);
            List<T> rows = Mappers.json().convertValue(n.path("rows"), listType);
            return Optional.of(new Entry<>(Instant.parse(n.path("as_of").asText()), rows, n.path("me").asText(null)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

}
