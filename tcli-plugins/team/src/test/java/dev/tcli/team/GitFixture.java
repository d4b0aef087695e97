package dev.tcli.team;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real git repos in a temp dir: a bare "origin", a "seed" clone where teammates push, and the
 * user's checkout (the team repo tcli reads). No network.
 */
final class GitFixture {
    final Path origin;
    final Path seed;
    final Path checkout;
    private final Path home;

    GitFixture(Path tmp, String teamToml) throws Exception {
        home = tmp.resolve("git-home");
        Files.createDirectories(home);
        origin = tmp.resolve("origin.git");
        seed = tmp.resolve("seed");
        checkout = tmp.resolve("ops-team");
        git(tmp, "init", "-q", "--bare", "-b", "main", origin.toString());
        git(tmp, "clone", "-q", origin.toString(), seed.toString());
        git(seed, "checkout", "-q", "-b", "main");
        commit(seed, "tcli-team.toml", teamToml, "team file");
        git(seed, "push", "-q", "-u", "origin", "main");
        git(tmp, "clone", "-q", origin.toString(), checkout.toString());
    }

    /** A teammate's change, pushed to origin. */
    void push(String file, String text, String message) throws Exception {
        commit(seed, file, text, message);
        git(seed, "push", "-q", "origin", "main");
    }

    void commit(Path repo, String file, String text, String message) throws Exception {
        Files.writeString(repo.resolve(file), text);
        git(repo, "add", file);
        git(repo, "commit", "-q", "-m", message);
    }

    String git(Path dir, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "Teammate");
        env.put("GIT_AUTHOR_EMAIL", "mate@example.com");
        env.put("GIT_COMMITTER_NAME", "Teammate");
        env.put("GIT_COMMITTER_EMAIL", "mate@example.com");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
