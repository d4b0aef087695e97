package dev.tcli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.core.GlobalOptionsAccess;
import dev.tcli.core.Tcli;
import dev.tcli.spi.DryRun;
import dev.tcli.testkit.TcliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The kernel's --dry-run rule over the whole command tree: every verb declares {@link DryRun}; each one
 * that changes something, run with --dry-run in the sandbox, prints what it would do and leaves every file
 * under $HOME (sandbox state, journal, ~/.ssh, the config) byte-identical; each refused one exits 2.
 */
class DryRunEveryVerbTest {
    @TempDir
    Path tmp;

    /**
     * A real invocation of every verb that honours --dry-run (after "--profile sandbox ... --dry-run --yes").
     * A new verb that changes something needs a line here, or this test fails naming it.
     */
    static Map<String, List<String>> samples(String statusIncident) {
        Map<String, List<String>> m = new TreeMap<>();
        m.put("tcli config init", List.of("--name", "practice", "--provider", "pagerduty", "--pagerduty-email",
                "a@example.com", "--pagerduty-token-cmd", "echo token"));
        m.put("tcli hab logs", List.of("live-builder-api-0", "--since", "1h"));
        m.put("tcli hab promote", List.of("habitat/builder-api/7602/20180906202535", "stable"));
        m.put("tcli hab restart", List.of("live-builder-api-0", "habitat/builder-api"));
        m.put("tcli hab restart-supervisor", List.of("live-builder-api-0"));
        m.put("tcli oncall ack", List.of("1244"));
        m.put("tcli oncall escalate", List.of("1244"));
        m.put("tcli oncall note", List.of("1244", "rolled", "back"));
        m.put("tcli oncall override", List.of("--schedule", "Builder Primary", "--user", "me", "--start", "now", "--end", "in 3h"));
        m.put("tcli oncall reassign", List.of("1244", "--to", "alex.chen@example.com"));
        m.put("tcli oncall resolve", List.of("1244"));
        m.put("tcli oncall resolve-event", List.of("--service", "builder-api", "--dedup-key", "queue-stuck"));
        m.put("tcli oncall responders add", List.of("1244", "--user", "alex.chen@example.com"));
        m.put("tcli oncall snooze", List.of("1242", "--for", "1h")); // 1242 is the acknowledged one
        m.put("tcli oncall trigger", List.of("--service", "builder-api", "--summary", "practice page"));
        m.put("tcli postmortem new", List.of("--incident", "1244"));
        m.put("tcli sandbox fault", List.of("429", "--service", "pagerduty"));
        m.put("tcli sandbox reset", List.of());
        m.put("tcli ssh", List.of("live-builder-api-0"));
        m.put("tcli ssh config", List.of("--write"));
        m.put("tcli ssh exec", List.of("live-builder-api-0", "--", "uptime"));
        m.put("tcli ssh tunnel", List.of("live-builder-api-0", "8080:80"));
        m.put("tcli status component set", List.of("API", "major"));
        m.put("tcli status incident create", List.of("--name", "practice", "--message", "investigating", "--no-notify"));
        m.put("tcli status incident resolve", List.of(statusIncident));
        m.put("tcli status incident update", List.of(statusIncident, "--message", "still looking"));
        m.put("tcli team sync", List.of());
        return m;
    }

    /** Verbs whose dry run reads the node over SSH before printing what they would run there. */
    private static final java.util.Set<String> READS_THE_NODE_FIRST = java.util.Set.of("tcli hab restart");

    @Test
    void everyVerbHonoursDryRunOrIsRefused() throws Exception {
        CommandLine root = Tcli.fullTree(GlobalOptionsAccess.context(tmp.resolve("tree")));
        Map<String, DryRun> verbs = new TreeMap<>();
        List<String> undeclared = new ArrayList<>();
        for (CommandLine cl : EveryCommandTest.walk(root)) {
            var spec = cl.getCommandSpec();
            Object verb = spec.userObject();
            if (spec.parent() == null || !(verb instanceof Callable || verb instanceof Runnable)) {
                continue; // the root, groups that only print usage, exec plugins
            }
            DryRun d = verb.getClass().getAnnotation(DryRun.class);
            if (d == null) {
                undeclared.add(spec.qualifiedName() + " (" + verb.getClass().getName() + ")");
            } else {
                verbs.put(spec.qualifiedName(), d);
            }
        }
        assertEquals(List.of(), undeclared, "verbs without @DryRun: the kernel would refuse --dry-run for them");
        assertTrue(verbs.size() > 40, "expected every module's verbs, found " + verbs);

        var t = new TcliHarness(tmp);
        var reset = t.run("--profile", "sandbox", "sandbox", "reset");
        assertEquals(0, reset.exit(), reset.toString());
        Files.createDirectories(t.home().resolve(".ssh"));
        Files.writeString(t.home().resolve(".ssh/config"), "Host work\n  HostName work.example.com\n");
        var list = t.run("--profile", "sandbox", "status", "incident", "list", "-o", "json");
        assertEquals(0, list.exit(), list.toString());
        String statusIncident = list.json().get(0).path("id").asText();
        // a first run of each read creates what reads create (seeded files, the practice repo) before the snapshot
        assertEquals(0, t.run("--profile", "sandbox", "sandbox", "status").exit());

        Map<String, List<String>> samples = samples(statusIncident);
        List<String> problems = new ArrayList<>();
        for (var e : verbs.entrySet()) {
            String name = e.getKey();
            List<String> words = new ArrayList<>(List.of(name.split(" ")).subList(1, name.split(" ").length));
            switch (e.getValue().value()) {
                case READ_ONLY -> {
                    if (samples.containsKey(name)) {
                        problems.add(name + " is declared read-only but has a dry-run sample: which is it?");
                    }
                }
                case REFUSED -> {
                    words.add("--dry-run");
                    var r = t.run(withProfile(words));
                    if (r.exit() != 2 || !r.stderr().contains("does not support --dry-run")) {
                        problems.add(name + " --dry-run should be refused with exit 2: " + r);
                    }
                }
                case HONOURED -> {
                    List<String> args = samples.get(name);
                    if (args == null) {
                        problems.add(name + " honours --dry-run but has no sample invocation in this test");
                        continue;
                    }
                    // the global options first: after a verb's "--" they would be the remote command's
                    List<String> line = new ArrayList<>(name.startsWith("tcli config ") ? List.of() : List.of("--profile", "sandbox"));
                    line.addAll(List.of("--dry-run", "--yes"));
                    line.addAll(words);
                    line.addAll(args);
                    Map<String, String> before = snapshot(t.home());
                    var r = t.run(line.toArray(String[]::new));
                    Map<String, String> after = snapshot(t.home());
                    if (READS_THE_NODE_FIRST.contains(name)) {
                        // it checks the service on the node before it would restart it; the practice nodes are unreachable
                        if (r.exit() != 6 || !r.stderr().contains("cannot reach node")) {
                            problems.add(name + " --dry-run in the sandbox should stop at the unreachable node: " + r);
                        }
                    } else if (r.exit() != 0 || r.stdout().isBlank()) {
                        problems.add(name + " --dry-run should exit 0 and print what it would do: " + r);
                    }
                    if (!before.equals(after)) {
                        problems.add(name + " --dry-run changed files: " + changed(before, after));
                    }
                    if (r.stderr().contains("Exception")) {
                        problems.add(name + ": " + r);
                    }
                }
                default -> throw new AssertionError(e.getValue());
            }
        }
        for (String s : samples.keySet()) {
            if (!verbs.containsKey(s)) {
                problems.add("sample for " + s + ", which is not a verb");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void helpIsNeverRefused() {
        var r = new TcliHarness(tmp).run("sandbox", "serve", "--help", "--dry-run");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("Usage: tcli sandbox serve"), r.toString());
    }

    private static String[] withProfile(List<String> words) {
        List<String> all = new ArrayList<>(List.of("--profile", "sandbox"));
        all.addAll(words);
        return all.toArray(String[]::new);
    }

    /** Every file under $HOME but tcli's cache (help listings), by content hash. */
    static Map<String, String> snapshot(Path home) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Path cache = home.resolve(".cache");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(p) && !p.startsWith(cache) && !p.getFileName().toString().endsWith(".lock")) {
                    out.put(home.relativize(p).toString(), sha(Files.readAllBytes(p)));
                }
            }
        }
        return out;
    }

    private static String changed(Map<String, String> before, Map<String, String> after) {
        List<String> out = new ArrayList<>();
        for (String k : after.keySet()) {
            if (!after.get(k).equals(before.get(k))) {
                out.add(before.containsKey(k) ? "changed " + k : "created " + k);
            }
        }
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> out.add("deleted " + k));
        return String.join(", ", out);
    }

    private static String sha(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
