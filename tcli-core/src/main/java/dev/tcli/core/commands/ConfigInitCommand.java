package dev.tcli.core.commands;

import dev.tcli.core.DefaultContext;
import dev.tcli.core.TomlFile;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.SetupQuestions;
import dev.tcli.spi.TcliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes a profile into the personal config, mode 0600. Asks on a terminal; takes flags
 * otherwise. Only ever writes {@code *_cmd} settings for secrets, never the secrets themselves.
 */
@DryRun(DryRun.Support.HONOURED)
@Command(name = "init", description = "Set up a profile for your real accounts (asks on a terminal; flags otherwise). "
        + "Secrets are never written: give a command that prints each one (pass, vault, op, gpg).",
        footerHeading = "%nExamples:%n", modelTransformer = ConfigSetup.Flags.class,
        footer = {"  tcli config init",
            "  tcli config init --name live --provider pagerduty --pagerduty-email jdoe@example.com \\",
            "      --pagerduty-token-cmd 'pass show work/pagerduty' --team-repo ~/src/ops-team --default"})
public final class ConfigInitCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    /** With the modules' flags ({@link SetupQuestions}), added by {@link ConfigSetup.Flags}. */
    @Spec
    CommandSpec spec;

    @Option(names = "--name", paramLabel = "PROFILE", description = "Profile name (default: live).")
    String name;
    @Option(names = "--team-repo", paramLabel = "DIR") String teamRepo;
    @Option(names = "--timezone", paramLabel = "ZONE") String timezone;
    @Option(names = "--default", negatable = true, description = "Make it the default profile (default: when it is the first).")
    Boolean makeDefault;
    @Option(names = "--force", description = "Replace a profile of the same name.")
    boolean force;

    public ConfigInitCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        DefaultContext dc = (DefaultContext) ctx;
        Path file = ctx.paths().configFile();
        TomlFile existing = Files.exists(file) ? TomlFile.read(file, file.toString()) : null;
        boolean ask = ctx.terminal().stdinIsTty();
        if (ask) {
            ctx.stderr().println("Setting up " + file + ". Blank answers skip a service; secrets are read by commands you give.");
        }
        name = value(InitProfile.name(dc, name), ask, "Profile name", "live");
        if (name == null || !name.matches("[A-Za-z0-9_-]+")) {
            throw TcliException.usage("refusing the profile name '" + dev.tcli.spi.output.SafeText.escape(name == null ? "" : name)
                    + "': letters, digits, '_' and '-' only (it becomes [profiles.NAME])");
        }
        if (existing != null && existing.root().path("profiles").has(name) && !force) {
            throw TcliException.usage("profile '" + name + "' already exists in " + file + "; pass --force to replace it");
        }
        // The services' questions are the modules' (docs/architecture.md: the core names none).
        Map<String, Map<String, String>> tables = new ConfigSetup(spec, (given, question, fallback) ->
                value(given, ask, question, fallback)).askAll(ConfigSetup.contributors(ctx));
        teamRepo = value(teamRepo, ask && (existing == null || !existing.root().path("team").has("repo")),
                "Team control repo checkout (holds tcli-team.toml)", null);
        timezone = value(timezone, false, null, null);
        InitProfile.warnIfMissing(ctx, teamRepo);
        boolean isDefault = makeDefault != null ? makeDefault
                : existing == null || !existing.root().has("default_profile");

        String text = render(existing == null ? "" : Files.readString(file), tables, isDefault);
        if (ctx.flags().dryRun()) {
            ctx.stdout().println("DRY RUN, not written: " + file);
            ctx.stdout().print(text);
            ctx.stdout().flush();
            return 0;
        }
        write(file, text);
        ctx.out().note("wrote profile '" + name + "' to " + file + " (mode 600)" + (isDefault ? ", as the default" : ""));
        ctx.out().note("next: tcli onboard check" + (isDefault ? "" : " --profile " + name));
        dc.stderr().flush();
        return 0;
    }

    private String value(String given, boolean ask, String question, String fallback) {
        if (given != null) {
            return given.isBlank() ? null : given;
        }
        if (!ask || question == null) {
            return fallback;
        }
        String a = ctx.terminal().prompt(question + (fallback == null ? ": " : " [" + fallback + "]: "));
        return a.isBlank() ? fallback : a;
    }

    /** Appends (or with --force replaces) the profile's tables, keeping the rest of the file and its comments. */
    private String render(String old, Map<String, Map<String, String>> tables, boolean isDefault) {
        List<String> lines = new ArrayList<>(old.isEmpty() ? List.of() : old.lines().toList());
        if (force) {
            lines = dropProfile(lines, name);
        }
        List<String> head = new ArrayList<>();
        if (isDefault) {
            lines.removeIf(l -> l.matches("\\s*default_profile\\s*=.*"));
            head.add("default_profile = " + quote(name));
        }
        if (teamRepo != null && lines.stream().noneMatch(l -> l.matches("\\s*\\[team\\]\\s*"))) {
            lines.add("");
            lines.add("[team]");
            lines.add("repo = " + quote(teamRepo));
        }
        StringBuilder sb = new StringBuilder();
        if (old.isEmpty()) {
            sb.append("# tcli personal configuration (docs/configuration.md). Keep it mode 600.\n");
        }
        head.forEach(h -> sb.append(h).append('\n'));
        lines.forEach(l -> sb.append(l).append('\n'));
        if (timezone != null) {
            sb.append('\n').append("[profiles.").append(name).append("]\n").append("timezone = ").append(quote(timezone)).append('\n');
        }
        for (var t : tables.entrySet()) {
            sb.append('\n').append("[profiles.").append(name).append('.').append(t.getKey()).append("]\n");
            t.getValue().forEach((k, v) -> sb.append(k).append(" = ").append(quote(v)).append('\n'));
        }
        return sb.toString();
    }

    private static List<String> dropProfile(List<String> lines, String profile) {
        List<String> out = new ArrayList<>();
        boolean skipping = false;
        for (String l : lines) {
            String t = l.trim();
            if (t.startsWith("[")) {
                skipping = t.equals("[profiles." + profile + "]") || t.startsWith("[profiles." + profile + ".");
            }
            if (!skipping) {
                out.add(l);
            }
        }
        return out;
    }

    static String quote(String s) {
        // a newline or escape in a value would end up in every later command's config: refused before anything is written
        for (int i = 0; i < s.length(); i++) {
            if (dev.tcli.spi.output.SafeText.isControl(s.charAt(i)) || s.charAt(i) == '\t') {
                throw TcliException.usage("refusing the value '" + dev.tcli.spi.output.SafeText.escape(s)
                        + "': control characters (a newline, tab or escape) cannot go into config.toml; give it on one line");
            }
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void write(Path file, String text) throws IOException {
        // Validate what we are about to write before anything is replaced: the old file stays as it was
        TomlFile.check(file.toString(), text);
        if (Files.exists(file)) {
            // the backup keeps the original's mode: it may hold a literal secret
            Files.copy(file, file.resolveSibling(file.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        // 0600, a unique temp file created exclusively, renamed over the old one
        dev.tcli.spi.PrivateFiles.replace(file, text);
    }
}
