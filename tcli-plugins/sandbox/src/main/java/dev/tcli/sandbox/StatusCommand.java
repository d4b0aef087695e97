package dev.tcli.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.output.Column;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "status", description = "Where the sandbox keeps its state and what it holds.",
        footerHeading = "%nExamples:%n", footer = {"  tcli sandbox status", "  tcli sandbox status -o json"})
public final class StatusCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    public StatusCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    /** One emulator's state: how many of each kind of record. */
    public record ServiceState(String service, String file, String seededAt, Map<String, Integer> holds) {
    }

    @Override
    public Integer call() throws IOException {
        Path dir = ctx.paths().stateDir().resolve("sandbox");
        List<ServiceState> rows = new ArrayList<>();
        for (Emulator e : SandboxServer.emulators()) {
            Path f = dir.resolve(e.name() + ".json");
            Map<String, Integer> holds = new java.util.LinkedHashMap<>();
            String seeded = null;
            if (Files.exists(f)) {
                JsonNode n = Exchange.JSON.readTree(f.toFile());
                seeded = n.path("_seeded_at").asText(null);
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                    var field = it.next();
                    if (field.getValue().isArray() || field.getValue().isObject()) {
                        holds.put(field.getKey(), field.getValue().size());
                    }
                }
            }
            rows.add(new ServiceState(e.name(), f.toString(), seeded == null ? "not yet created (seeded on first use)" : seeded, holds));
        }
        ctx.out().note("sandbox state: " + dir);
        ctx.out().list(rows, List.of(Column.of("SERVICE", ServiceState::service), Column.of("SEEDED", ServiceState::seededAt),
                Column.of("HOLDS", r -> {
                    List<String> parts = new ArrayList<>();
                    r.holds().forEach((k, v) -> parts.add(v + " " + k));
                    return String.join(", ", parts);
                })));
        return 0;
    }
}
