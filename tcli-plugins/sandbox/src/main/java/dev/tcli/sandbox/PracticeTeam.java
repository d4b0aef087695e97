package dev.tcli.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The practice team's control repo: {@code sandbox/team}, a git checkout of
 * {@code sandbox/team-origin.git} holding a {@code tcli-team.toml} that matches the seeded team
 * (its services, the nodes its incidents and logs name, saved searches that find the seeded
 * errors). It has an upstream so that {@code tcli team show} and {@code team sync} behave as with
 * a real control repo. Created on first use, recreated by {@code tcli sandbox reset}.
 */
public final class PracticeTeam {
    public static final String DIR = "team";
    static final String ORIGIN = "team-origin.git";
    public static final String FILE = "tcli-team.toml";
    private static final List<String> FILES = List.of(FILE, "RUNBOOK.md");
    private static final long GIT_SECONDS = 20;

    private final Path sandboxDir;

    public PracticeTeam(Path sandboxDir) {
        this.sandboxDir = sandboxDir;
    }

    public Path dir() {
        return sandboxDir.resolve(DIR);
    }

    public Path origin() {
        return sandboxDir.resolve(ORIGIN);
    }

    /**
     * The checkout, created if missing. Returns a note when git could not make it a checkout
     * (the team file is still there, so everything but {@code team sync} works).
     */
    public String ensure() {
        if (Files.isDirectory(dir())) {
            return null;
        }
        return locked(() -> Files.isDirectory(dir()) ? null : create());
    }

    /** Deletes the checkout and its origin and creates them afresh; returns a note as {@link #ensure()} does. */
    public String recreate() {
        return locked(() -> {
            delete(dir());
            delete(origin());
            return create();
        });
    }

    private interface Work {
        String run() throws IOException, InterruptedException;
    }

    /** Two tcli processes on a fresh sandbox must not both build it; one JVM cannot hold two FileLocks on a file. */
    private String locked(Work work) {
        synchronized (PracticeTeam.class) {
            try {
                Files.createDirectories(sandboxDir);
                try (FileChannel ch = FileChannel.open(sandboxDir.resolve(".team.lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE)) {
                    ch.lock(); // released when the channel closes
                    return work.run();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("sandbox team repo in " + sandboxDir + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating the sandbox team repo", e);
            }
        }
    }

    /** Built in a temp dir and renamed into place, so a crash never leaves half a checkout. */
    private String create() throws IOException, InterruptedException {
        Path tmp = sandboxDir.resolve(".team.tmp");
        delete(tmp);
        delete(origin());
        Files.createDirectories(tmp);
        for (String f : FILES) {
            try (InputStream in = PracticeTeam.class.getResourceAsStream("team/" + f)) {
                Files.copy(in, tmp.resolve(f));
            }
        }
        String failure = null;
        try {
            git(sandboxDir, "init", "-q", "--bare", ORIGIN);
            git(origin(), "symbolic-ref", "HEAD", "refs/heads/main");
            git(tmp, "init", "-q");
            git(tmp, "symbolic-ref", "HEAD", "refs/heads/main");
            git(tmp, "add", "--", FILES.get(0), FILES.get(1));
            git(tmp, "commit", "-q", "-m", "Habitat Builder practice team (tcli sandbox)");
            git(tmp, "remote", "add", "origin", origin().toString());
            git(tmp, "push", "-q", "-u", "origin", "main");
            // a fetch leaves FETCH_HEAD: the checkout counts as synced just now
            git(tmp, "fetch", "-q", "origin");
        } catch (IOException e) {
            failure = e.getMessage();
            delete(tmp.resolve(".git"));
            delete(origin());
        }
        try {
            Files.move(tmp, dir(), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dir());
        }
        return failure == null ? null : "the sandbox team repo " + dir() + " is not a git checkout (" + failure + ")";
    }

    /**
     * Runs git without the user's or the system's git config (no hooks, templates, signing or
     * prompts from there): the practice repo comes out the same everywhere.
     */
    private void git(Path in, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(in.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("GIT_"));
        env.put("HOME", sandboxDir.toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("LC_ALL", "C");
        env.put("GIT_AUTHOR_NAME", "tcli sandbox");
        env.put("GIT_AUTHOR_EMAIL", "sandbox@example.com");
        env.put("GIT_COMMITTER_NAME", "tcli sandbox");
        env.put("GIT_COMMITTER_EMAIL", "sandbox@example.com");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot run git: " + e.getMessage(), e);
        }
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try (InputStream s = p.getInputStream()) {
                return new String(s.readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                return "";
            }
        });
        if (!p.waitFor(GIT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("git " + args[0] + " did not finish in " + GIT_SECONDS + "s");
        }
        String out = output.join();
        if (p.exitValue() != 0) {
            String last = out.isEmpty() ? "exit " + p.exitValue() : out.lines().reduce((a, b) -> b).orElse("");
            throw new IOException("git " + args[0] + ": " + last);
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
