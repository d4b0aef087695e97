package dev.tcli.team;

import dev.tcli.spi.ExitCode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.TeamConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The team's control repo as git sees it: branch, upstream, when it was last synced, and
 * {@code git} itself run with the user's environment (never through a shell, never prompting).
 */
public final class TeamRepo {
    private final ModuleContext ctx;
    private final Path dir;

    private TeamRepo(ModuleContext ctx, Path dir) {
        this.ctx = ctx;
        this.dir = dir;
    }

    /** The configured repo; exit 3 when none is configured or it is not a git checkout. */
    public static TeamRepo of(ModuleContext ctx) {
        TeamConfig team = ctx.team();
        Path dir = team.repo().orElseThrow(() -> TcliException.config("no team repo configured: set [team] repo in "
                + ctx.paths().configFile() + " (or TCLI_TEAM_DIR) to your checkout of the team's control repo"));
        if (!Files.isDirectory(dir)) {
            throw TcliException.config(team.whyAbsent());
        }
        return new TeamRepo(ctx, dir);
    }

    public Path dir() {
        return dir;
    }

    /** True when the directory is a git checkout ({@code .git} dir, or a worktree's {@code .git} file). */
    public boolean isGit() {
        return Files.exists(dir.resolve(".git"));
    }

    private Optional<Path> gitDir() {
        Path git = dir.resolve(".git");
        if (Files.isDirectory(git)) {
            return Optional.of(git);
        }
        try {
            if (Files.isRegularFile(git)) {
                String line = Files.readString(git).trim();
                if (line.startsWith("gitdir:")) {
                    return Optional.of(dir.resolve(line.substring(7).trim()).normalize());
                }
            }
        } catch (IOException e) {
            // treated as not a checkout
        }
        return Optional.empty();
    }

    /** The checked-out branch, or empty on a detached HEAD. Read from {@code .git/HEAD}: no git needed. */
    public Optional<String> branch() {
        try {
            Optional<Path> g = gitDir();
            if (g.isEmpty()) {
                return Optional.empty();
            }
            String head = Files.readString(g.get().resolve("HEAD")).trim();
            return head.startsWith("ref: refs/heads/") ? Optional.of(head.substring("ref: refs/heads/".length())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * When the checkout last talked to its remote: the later of {@code FETCH_HEAD}'s time (every
     * fetch and pull, even with nothing new) and the last clone/pull/fetch in HEAD's reflog.
     * Empty when it never did. Local commits and checkouts do not count.
     */
    public Optional<Instant> lastSync() {
        Optional<Path> g = gitDir();
        if (g.isEmpty()) {
            return Optional.empty();
        }
        Instant best = null;
        try {
            Path fetch = g.get().resolve("FETCH_HEAD");
            if (Files.exists(fetch)) {
                best = Files.getLastModifiedTime(fetch).toInstant();
            }
        } catch (IOException e) {
            // fall through to the reflog
        }
        Path reflog = g.get().resolve("logs/HEAD");
        if (Files.isRegularFile(reflog)) {
            try {
                for (String line : Files.readAllLines(reflog, StandardCharsets.UTF_8)) {
                    Instant t = syncTime(line);
                    if (t != null && (best == null || t.isAfter(best))) {
                        best = t;
                    }
                }
            } catch (IOException e) {
                // keep what FETCH_HEAD said
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code <old> <new> Name <email> <epoch> <tz>\t<message>}: the time, if the message is a sync. */
    static Instant syncTime(String line) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            return null;
        }
        String msg = line.substring(tab + 1);
        if (!(msg.startsWith("clone:") || msg.startsWith("pull") || msg.startsWith("fetch"))) {
            return null;
        }
        String[] head = line.substring(0, tab).trim().split("\\s+");
        try {
            return Instant.ofEpochSecond(Long.parseLong(head[head.length - 2]));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** "3 days ago", "5 hours ago", "just now". */
    public static String age(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return plural(d.toMinutes(), "minute") + " ago";
        }
        if (d.toDays() < 1) {
            return plural(d.toHours(), "hour") + " ago";
        }
        return plural(d.toDays(), "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** What a git run printed. */
    public record Result(int exit, String stdout, String stderr) {
        public boolean ok() {
            return exit == 0;
        }

        /** The last non-blank line of stderr (git's own summary of what went wrong), credentials removed. */
        public String reason() {
            String[] lines = stderr.strip().split("\n");
            String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
            for (int i = lines.length - 1; i >= 0; i--) {
                if (lines[i].strip().startsWith("fatal:") || lines[i].strip().startsWith("error:")) {
                    last = lines[i].strip();
                    break;
                }
            }
            return redact(last);
        }
    }

    /** A remote URL may carry {@code user:token@}: never print it. */
    public static String redact(String text) {
        return text == null ? null : text.replaceAll("(?i)(\\b[a-z][a-z0-9+.-]*://)[^/@\\s]+@", "$1***@");
    }

    /**
     * Runs {@code git -C REPO args...} with the user's environment, no terminal prompts (a
     * credential prompt would hang a script) and C-locale messages (so failures can be told apart).
     */
    @SuppressWarnings("try") // the resource is a Ctrl-C guard: held for the block, never read
    public Result git(Duration timeout, String... args) {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.putAll(ctx.env());
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("LC_ALL", "C");
        env.putIfAbsent("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw TcliException.config("cannot run git (" + e.getMessage() + "): install git");
        }
        try (AutoCloseable onCtrlC = ctx.onInterrupt(() -> p.descendants().forEach(ProcessHandle::destroy))) {
            p.getOutputStream().close();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new TcliException(ExitCode.UNAVAILABLE, "git " + args[0] + " in " + dir + " did not finish within "
                        + timeout.toSeconds() + "s: is the remote reachable?");
            }
            return new Result(p.exitValue(), out.get(), err.get());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TcliException(ExitCode.INTERRUPTED, "interrupted");
        } catch (TcliException e) {
            throw e;
        } catch (Exception e) {
            throw TcliException.failed("git " + args[0] + " failed: " + e.getMessage());
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        // a thread of its own: blocking reads must not sit in the common pool
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (in) {
                f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.complete("");
            }
        }, "tcli-git-output");
        t.setDaemon(true);
        t.start();
        return f;
    }
}
