package dev.tcli.sandbox.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.sandbox.Emulator;
import dev.tcli.sandbox.Exchange;
import dev.tcli.sandbox.PracticeTeam;
import dev.tcli.sandbox.SandboxReport;
import dev.tcli.sandbox.SandboxServer;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.Mappers;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.output.Column;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "status", description = "Where the sandbox keeps its state and what it holds, practice team repo included.",
        footerHeading = "%nExamples:%n", footer = {"  tcli sandbox status", "  tcli sandbox status -o json"})
public final class SandboxStatusCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    public SandboxStatusCommand(ModuleContext ctx) {
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
                for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext();) {
                    var field = it.next();
                    if (field.getValue().isArray() || field.getValue().isObject()) {
                        holds.put(field.getKey(), field.getValue().size());
                    }
                }
            }
            rows.add(new ServiceState(e.name(), f.toString(), seeded == null ? "not yet created (seeded on first use)" : seeded, holds));
        }
        rows.add(team(new PracticeTeam(dir)));
        ctx.out().note("sandbox state: " + dir);
        SandboxReport.teamInUse(ctx, new PracticeTeam(dir)).forEach(ctx.out()::note);
        SandboxReport.faults(dir).forEach(ctx.out()::note);
        ctx.out().list(rows, List.of(Column.of("SERVICE", ServiceState::service), Column.of("SEEDED", ServiceState::seededAt),
                Column.of("HOLDS", r -> {
                    List<String> parts = new ArrayList<>();
                    r.holds().forEach((k, v) -> parts.add(v + " " + k));
                    return String.join(", ", parts);
                })));
        return 0;
    }

    /** The practice control repo as one more row: when it was created and what its team file defines. */
    private static ServiceState team(PracticeTeam team) throws IOException {
        Path file = team.dir().resolve(PracticeTeam.FILE);
        if (!Files.exists(file)) {
            return new ServiceState("team", team.dir().toString(), "not yet created (created on first use)", Map.of());
        }
        JsonNode t = Mappers.toml().readTree(file.toFile());
        int nodes = 0;
        for (JsonNode env : t.path("environments")) {
            nodes += env.path("nodes").size();
        }
        Map<String, Integer> holds = new java.util.LinkedHashMap<>();
        holds.put("environments", t.path("environments").size());
        holds.put("nodes", nodes);
        holds.put("services", t.path("services").size());
        holds.put("saved searches", t.path("logs").path("saved").size());
        holds.put("bookmarks", t.path("web").size());
        holds.put("checks", t.path("onboard").path("checks").size());
        return new ServiceState("team", team.dir().toString(), created(team.dir()), holds);
    }

    /** The first entry of HEAD's reflog is the practice repo's initial commit. */
    private static String created(Path repo) throws IOException {
        Path reflog = repo.resolve(".git/logs/HEAD");
        if (Files.isRegularFile(reflog)) {
            String first = Files.readAllLines(reflog).stream().findFirst().orElse("");
            String[] head = first.split("\t", 2)[0].trim().split("\\s+");
            if (head.length >= 2 && head[head.length - 2].matches("\\d+")) {
                return Instant.ofEpochSecond(Long.parseLong(head[head.length - 2])).toString();
            }
        }
        return Files.getLastModifiedTime(repo).toInstant().toString() + " (not a git checkout)";
    }
}
