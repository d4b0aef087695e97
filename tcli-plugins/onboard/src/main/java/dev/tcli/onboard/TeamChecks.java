package dev.tcli.onboard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TeamConfig;
import dev.tcli.spi.Times;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The team's own checks, {@code [[onboard.checks]]} in the team file: what tcli cannot know
 * (Vault, Datadog, Fastly, AWS console). {@code run} is split into words like a shell would
 * (quotes, backslashes) but never run by one, unless {@code shell = true}. The command runs in
 * the team repo with the user's environment minus tcli's own secrets, stdin closed, and is
 * killed (with its children) when it overruns its timeout.
 */
public final class TeamChecks {
    /** tcli's secret variables (docs/design.md §5) never reach a team check. */
    private static final Pattern SECRET_ENV = Pattern.compile("TCLI_.*_(TOKEN|KEY|SECRET|PASSWORD)");
    private static final int DETAIL_MAX = 200;

    private TeamChecks() {
    }

    public static List<Check> of(ModuleContext ctx, TeamConfig team) {
        List<Check> out = new ArrayList<>();
        JsonNode checks = team.at("/onboard/checks");
        for (int i = 0; i < checks.size(); i++) {
            JsonNode c = checks.get(i);
            String where = team.where("onboard.checks");
            String name = c.path("name").asText("").trim();
            if (name.isEmpty()) {
                name = "team check " + (i + 1);
            }
            String hint = c.hasNonNull("hint") ? c.get("hint").asText() : null;
            JsonNode run = c.get("run");
            if (run == null || !(run.isTextual() || run.isArray()) || run.isArray() && run.isEmpty() || run.isTextual() && run.asText().isBlank()) {
                out.add(Check.of(name, "fix [[onboard.checks]] in the team file (tcli team validate)",
                        t -> Outcome.fail("no run command (" + where + ")")));
                continue;
            }
            Duration timeout;
            try {
                timeout = timeout(c.get("timeout"));
            } catch (RuntimeException e) {
                out.add(Check.of(name, "fix [[onboard.checks]] in the team file (tcli team validate)",
                        t -> Outcome.fail("bad timeout '" + c.get("timeout").asText() + "' (" + where + "): use \"30s\" or seconds")));
                continue;
            }
            List<String> argv;
            if (c.path("shell").asBoolean(false)) {
                argv = List.of("/bin/sh", "-c", run.isArray() ? String.join(" ", words(run)) : run.asText());
            } else if (run.isArray()) {
                argv = words(run);
            } else {
                try {
                    argv = split(run.asText());
                } catch (IllegalArgumentException e) {
                    out.add(Check.of(name, "fix [[onboard.checks]] in the team file", t -> Outcome.fail(e.getMessage() + " (" + where + ")")));
                    continue;
                }
            }
            List<String> command = argv;
            Path dir = team.repo().orElse(ctx.paths().home());
            out.add(new Check(name, hint, timeout, t -> run(ctx, command, dir, t)));
        }
        return out;
    }

    private static List<String> words(JsonNode array) {
        List<String> w = new ArrayList<>();
        array.forEach(n -> w.add(n.asText()));
        return w;
    }

    static Duration timeout(JsonNode t) {
        if (t == null || t.isNull()) {
            return null;
        }
        Duration d = t.isNumber() ? Duration.ofMillis(Math.round(t.asDouble() * 1000)) : Times.parseDuration(t.asText());
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        return d;
    }

    /** Shell-like word splitting without any expansion: 'single', "double" (with \" and \\), and \x. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                    w.append(line.charAt(++i));
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced " + quote + " in run: " + line);
        }
        if (inWord) {
            out.add(w.toString());
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty run command");
        }
        return out;
    }

    static Outcome run(ModuleContext ctx, List<String> argv, Path dir, Duration timeout) throws InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(resolve(ctx, argv)).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        ctx.env().forEach((k, v) -> {
            if (!SECRET_ENV.matcher(k).matches()) {
                env.put(k, v);
            }
        });
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return Outcome.fail("cannot run " + argv.get(0) + ": " + (e.getMessage().contains("error=2") ? "command not found" : e.getMessage()));
        }
        try {
            p.getOutputStream().close();
        } catch (IOException e) {
            // the command does not read stdin
        }
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                return Outcome.fail("timed out after " + Checklist.seconds(timeout));
            }
        } catch (InterruptedException e) {
            kill(p);
            throw e;
        }
        String stdout = out.join().strip();
        String stderr = err.join().strip();
        if (p.exitValue() == 0) {
            return Outcome.pass(firstLine(stdout, "exit 0"));
        }
        String said = lastLine(stderr.isEmpty() ? stdout : stderr);
        return Outcome.fail("exit " + p.exitValue() + (said.isEmpty() ? "" : ": " + said));
    }

    /** The program looked up on the user's PATH (ProcessBuilder would use the JVM's own). */
    private static List<String> resolve(ModuleContext ctx, List<String> argv) {
        Path found = argv.get(0).contains("/") ? null : LocalChecks.onPath(ctx, argv.get(0));
        if (found == null) {
            return argv;
        }
        List<String> out = new ArrayList<>(argv);
        out.set(0, found.toString());
        return out;
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String firstLine(String text, String fallback) {
        String line = text.lines().filter(l -> !l.isBlank()).findFirst().orElse(fallback).strip();
        return line.length() > DETAIL_MAX ? line.substring(0, DETAIL_MAX) + "…" : line;
    }

    private static String lastLine(String text) {
        String line = text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("").strip();
        return line.length() > DETAIL_MAX ? line.substring(0, DETAIL_MAX) + "…" : line;
    }
}
