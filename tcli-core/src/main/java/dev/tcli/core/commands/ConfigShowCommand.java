package dev.tcli.core.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.core.DefaultContext;
import dev.tcli.core.Redactor;
import dev.tcli.core.TomlFile;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "show", description = "Print the active profile's effective settings, secrets masked.",
        footerHeading = "%nExamples:%n", footer = {"  tcli config show", "  tcli --profile sandbox config show -o json"})
public final class ConfigShowCommand implements Callable<Integer> {
    private static final List<String> SECRET_KEYS = List.of("token", "api_key", "access_key", "password", "secret", "key");

    private final ModuleContext ctx;

    public ConfigShowCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    /** A key holds a secret unless it names a command that prints one ({@code token_cmd}) or an id. */
    static boolean isSecretKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith("_cmd") || k.endsWith("_id") || k.equals("key_file") || k.endsWith("_url")) {
            return false;
        }
        return SECRET_KEYS.contains(k) || k.endsWith("_token") || k.endsWith("_key") || k.endsWith("_password")
                || k.endsWith("_secret");
    }

    static JsonNode mask(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            ObjectNode out = obj.objectNode();
            obj.properties().forEach(f -> out.set(f.getKey(),
                    f.getValue().isValueNode() && isSecretKey(f.getKey()) ? out.textNode(Redactor.MASK) : mask(f.getValue())));
            return out;
        }
        return node;
    }

    /** The profile as the TOML a user would write: its own keys, then one table per section. */
    static String toml(ObjectNode profile, String prefix) {
        StringBuilder head = new StringBuilder("[" + prefix + "]\n");
        StringBuilder tables = new StringBuilder();
        profile.properties().forEach(f -> {
            if (f.getValue().isObject()) {
                tables.append("\n[").append(prefix).append('.').append(f.getKey()).append("]\n");
                f.getValue().properties().forEach(k -> tables.append(k.getKey()).append(" = ").append(k.getValue()).append('\n'));
            } else {
                head.append(f.getKey()).append(" = ").append(f.getValue()).append('\n');
            }
        });
        return head.append(tables).toString();
    }

    @picocli.CommandLine.Option(names = "--check", description = "Fail (exit 3) on unknown keys or sections, e.g. in a dotfiles CI.")
    boolean check;

    @Override
    public Integer call() throws IOException {
        DefaultContext dc = (DefaultContext) ctx;
        if (check && !dc.configProblems().isEmpty()) {
            int n = dc.configProblems().size();
            throw dev.tcli.spi.TcliException.config(n + " unknown key" + (n == 1 ? "" : "s") + " or section" + (n == 1 ? "" : "s")
                    + " in the config file (listed above): fix or remove them");
        }
        TomlFile file = dc.config();
        String profile = ctx.profile();
        // Top-level keys first, tables after: TOML's own order.
        ObjectNode effective = dc.profileTable().objectNode();
        dc.profileTable().properties().forEach(f -> {
            if (f.getValue().isValueNode()) {
                effective.set(f.getKey(), isSecretKey(f.getKey()) ? effective.textNode(Redactor.MASK) : f.getValue());
            }
        });
        dc.profileTable().properties().forEach(f -> {
            if (!f.getValue().isValueNode()) {
                effective.set(f.getKey(), mask(f.getValue()));
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", file == null ? null : file.path().toString());
        out.put("profile", profile);
        out.put("sandbox", ctx.sandbox());
        out.put("team_repo", ctx.team().repo().map(Object::toString).orElse(null));
        out.put("settings", effective);
        if (ctx.out().machine()) {
            ctx.out().value(out);
            return 0;
        }
        ctx.out().text("# file:    " + (file == null ? "(none)" : file.path()));
        ctx.out().text("# profile: " + profile + (ctx.sandbox() ? " (built-in sandbox)" : ""));
        ctx.out().text("# team:    " + ctx.team().repo().map(Object::toString).orElse("(none)"));
        ctx.out().text(Redactor.redact(toml(effective, "profiles." + profile)).stripTrailing());
        return 0;
    }

}
