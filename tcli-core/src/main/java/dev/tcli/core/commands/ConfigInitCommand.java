package dev.tcli.core.commands;

import dev.tcli.core.DefaultContext;
import dev.tcli.core.TomlFile;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a profile into the personal config, mode 0600. Asks on a terminal; takes flags
 * otherwise. Only ever writes {@code *_cmd} settings for secrets, never the secrets themselves.
 */
@DryRun(DryRun.Support.HONOURED)
@Command(name = "init", description = "Set up a profile for your real accounts (asks on a terminal; flags otherwise). "
        + "Secrets are never written: give a command that prints each one (pass, vault, op, gpg).",
        footerHeading = "%nExamples:%n",
        footer = {"  tcli config init",
            "  tcli config init --name live --provider pagerduty --pagerduty-email jdoe@example.com \\",
            "      --pagerduty-token-cmd 'pass show work/pagerduty' --team-repo ~/src/ops-team --default"})
public final class ConfigInitCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = "--name", paramLabel = "PROFILE", description = "Profile name (default: live).")
    String name;
    @Option(names = "--provider", description = "On-call provider: pagerduty or victorops.")
    String provider;
    @Option(names = "--pagerduty-email", paramLabel = "EMAIL") String pdEmail;
    @Option(names = "--pagerduty-token-cmd", paramLabel = "CMD") String pdTokenCmd;
    @Option(names = "--pagerduty-base-url", paramLabel = "URL") String pdBaseUrl;
    @Option(names = "--victorops-api-id", paramLabel = "ID") String voApiId;
    @Option(names = "--victorops-api-key-cmd", paramLabel = "CMD") String voKeyCmd;
    @Option(names = "--victorops-username", paramLabel = "USER") String voUser;
    @Option(names = "--statuspage-page-id", paramLabel = "ID") String spPage;
    @Option(names = "--statuspage-token-cmd", paramLabel = "CMD") String spTokenCmd;
    @Option(names = "--sumologic-base-url", paramLabel = "URL") String sumoUrl;
    @Option(names = "--sumologic-access-id", paramLabel = "ID") String sumoId;
    @Option(names = "--sumologic-access-key-cmd", paramLabel = "CMD") String sumoKeyCmd;
    @Option(names = "--ssh-environment", paramLabel = "ENV") String sshEnv;
    @Option(names = "--ssh-user", paramLabel = "USER") String sshUser;
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
        if (existing != null && existing.root().path("profiles").has(name) && !force) {
            throw TcliException.usage("profile '" + name + "' already exists in " + file + "; pass --force to replace it");
        }
        provider = value(provider, ask, "On-call provider (pagerduty/victorops)", "pagerduty");
        if (!provider.equals("pagerduty") && !provider.equals("victorops")) {
            throw TcliException.usage("--provider must be pagerduty or victorops, not '" + provider + "'");
        }
        Map<String, Map<String, String>> tables = new LinkedHashMap<>();
        put(tables, "oncall", "provider", provider);
        if (provider.equals("pagerduty")) {
            put(tables, "pagerduty", "base_url", pdBaseUrl);
            put(tables, "pagerduty", "email", value(pdEmail, ask, "PagerDuty login email", null));
            put(tables, "pagerduty", "token_cmd", value(pdTokenCmd, ask, "Command printing your PagerDuty API token", null));
        } else {
            put(tables, "victorops", "api_id", value(voApiId, ask, "Splunk On-Call API id", null));
            put(tables, "victorops", "api_key_cmd", value(voKeyCmd, ask, "Command printing your Splunk On-Call API key", null));
            put(tables, "victorops", "username", value(voUser, ask, "Splunk On-Call username", null));
        }
        put(tables, "statuspage", "page_id", value(spPage, ask, "Statuspage page id", null));
        if (tables.containsKey("statuspage")) {
            put(tables, "statuspage", "token_cmd", value(spTokenCmd, ask, "Command printing your Statuspage API key", null));
        }
        put(tables, "sumologic", "base_url", value(sumoUrl, ask, "Sumo Logic API URL (e.g. https://api.us2.sumologic.com)", null));
        if (tables.containsKey("sumologic")) {
            put(tables, "sumologic", "access_id", value(sumoId, ask, "Sumo Logic access id", null));
            put(tables, "sumologic", "access_key_cmd", value(sumoKeyCmd, ask, "Command printing your Sumo Logic access key", null));
        }
        put(tables, "ssh", "environment", value(sshEnv, ask, "Team environment for ssh/hab (e.g. live)", null));
        put(tables, "ssh", "user", sshUser);
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

    private static void put(Map<String, Map<String, String>> tables, String table, String key, String value) {
        if (value != null && !value.isBlank()) {
            tables.computeIfAbsent(table, k -> new LinkedHashMap<>()).put(key, value);
        }
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
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, text);
        if (Files.exists(file)) {
            // the backup keeps the original's mode: it may hold a literal secret
            Files.copy(file, file.resolveSibling(file.getFileName() + ".bak"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        // Validate what we wrote, so a bad value is caught now, not at 3 a.m.
        TomlFile.read(file, file.toString());
    }
}
