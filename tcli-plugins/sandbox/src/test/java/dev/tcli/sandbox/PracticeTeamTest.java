package dev.tcli.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.tcli.sandbox.pagerduty.HabitatTeam;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The practice control repo: a real git checkout with an upstream, telling the seed's story. */
class PracticeTeamTest {
    @TempDir
    Path tmp;

    private String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().put("HOME", tmp.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), String.join(" ", argv) + ": " + out);
        return out;
    }

    private JsonNode teamFile(PracticeTeam team) throws IOException {
        return new TomlMapper().readTree(team.dir().resolve(PracticeTeam.FILE).toFile());
    }

    @Test
    void isAGitCheckoutWithOneCommitAndAnUpstream() throws Exception {
        PracticeTeam team = new PracticeTeam(tmp.resolve("sandbox"));
        assertNull(team.ensure());
        assertEquals("1", git(team.dir(), "rev-list", "--count", "HEAD"));
        assertEquals("main", git(team.dir(), "rev-parse", "--abbrev-ref", "HEAD"));
        assertEquals("origin/main", git(team.dir(), "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{u}"));
        assertEquals("", git(team.dir(), "status", "--porcelain"));
        assertTrue(Files.exists(team.dir().resolve(".git/FETCH_HEAD")), "fetched once, so it counts as synced");
        assertFalse(Files.exists(tmp.resolve("sandbox/.team.tmp")));
    }

    @Test
    void matchesTheSeededTeam() throws Exception {
        PracticeTeam team = new PracticeTeam(tmp.resolve("sandbox"));
        team.ensure();
        JsonNode t = teamFile(team);
        for (HabitatTeam.Service s : HabitatTeam.SERVICES) {
            assertTrue(t.path("services").has(s.name()), "service " + s.name() + " of the seed");
        }
        Set<String> nodes = new TreeSet<>();
        t.at("/environments/live/nodes").forEach(n -> {
            nodes.add(n.path("name").asText());
            assertTrue(n.path("host").asText().endsWith(".sandbox.invalid"), n.toString());
        });
        // every node an incident names, and the nodes the log corpus writes from
        Set<String> named = new TreeSet<>(List.of("live-builder-jobsrv-0", "live-builder-datastore-0"));
        Pattern node = Pattern.compile("live-[a-z-]+-\\d+");
        for (HabitatTeam.PastIncident i : HabitatTeam.history(Seed.at(Instant.now()))) {
            Matcher m = node.matcher(i.title());
            while (m.find()) {
                named.add(m.group());
            }
        }
        assertTrue(nodes.containsAll(named), "missing " + named + " vs " + nodes);
        t.path("services").forEach(s -> s.path("requires").forEach(r -> assertTrue(t.path("services").has(r.asText()), r.asText())));
    }

    @Test
    void recreateDiscardsWhatThePracticeChanged() throws Exception {
        PracticeTeam team = new PracticeTeam(tmp.resolve("sandbox"));
        team.ensure();
        Path file = team.dir().resolve(PracticeTeam.FILE);
        String seeded = Files.readString(file);
        Files.writeString(file, "broken = [");
        Files.writeString(team.dir().resolve("scratch.txt"), "x");
        assertNull(team.ensure(), "an existing checkout is left as it is");
        assertEquals("broken = [", Files.readString(file));

        assertNull(team.recreate());
        assertEquals(seeded, Files.readString(file));
        assertFalse(Files.exists(team.dir().resolve("scratch.txt")));
        assertEquals("1", git(team.dir(), "rev-list", "--count", "HEAD"));
        assertEquals("", git(team.dir(), "status", "--porcelain"));
    }

    @Test
    void twoFirstUsesAtOnceBuildOneCheckout() throws Exception {
        Path dir = tmp.resolve("sandbox");
        var a = CompletableFuture.supplyAsync(() -> new PracticeTeam(dir).ensure());
        var b = CompletableFuture.supplyAsync(() -> new PracticeTeam(dir).ensure());
        assertNull(a.join());
        assertNull(b.join());
        assertEquals("1", git(dir.resolve(PracticeTeam.DIR), "rev-list", "--count", "HEAD"));
        assertEquals("", git(dir.resolve(PracticeTeam.DIR), "status", "--porcelain"));
    }
}
