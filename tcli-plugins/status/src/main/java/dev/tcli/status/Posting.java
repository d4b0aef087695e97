package dev.tcli.status;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What every outward-facing verb shares: asking first, message text, component changes, times. */
final class Posting {
    static final Set<String> INCIDENT_STATUSES = Set.of("investigating", "identified", "monitoring", "resolved");
    static final Set<String> IMPACTS = Set.of("none", "minor", "major", "critical");

    private Posting() {
    }

    /** Customers will see it: ask on a terminal, need --yes otherwise. A dry run sends nothing, so it does not ask. */
    static void confirm(ModuleContext ctx, String question) {
        if (!ctx.flags().dryRun()) {
            ctx.terminal().confirm(question);
        }
    }

    static String incidentStatus(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (!INCIDENT_STATUSES.contains(t)) {
            throw TcliException.usage("unknown incident status '" + s + "': use one of investigating, identified, monitoring, resolved");
        }
        return t;
    }

    static String impact(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (!IMPACTS.contains(t)) {
            throw TcliException.usage("unknown impact '" + s + "': use one of none, minor, major, critical");
        }
        return t;
    }

    /**
     * The update text: as given, or with {@code -} from stdin (a pipe) or from {@code $EDITOR} on a
     * terminal, the way {@code git commit} does it.
     */
    static String message(ModuleContext ctx, String value) {
        if (value == null || !value.equals("-")) {
            return value;
        }
        String text;
        if (ctx.terminal().stdinIsTty()) {
            text = editor(ctx);
        } else {
            try {
                text = new String(ctx.stdin().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw TcliException.failed("could not read the message from stdin: " + e.getMessage());
            }
        }
        text = text.strip();
        if (text.isEmpty()) {
            throw TcliException.usage("the message is empty: nothing posted");
        }
        return text;
    }

    static final String TEMPLATE = """

            # The message for the public status page: subscribers may be emailed and texted it.
            # Say what users see, what is being done and when the next update comes.
            # Lines starting with '#' are left out; an empty message posts nothing.
            """;

    private static String editor(ModuleContext ctx) {
        String editor = ctx.env().getOrDefault("VISUAL", ctx.env().getOrDefault("EDITOR", "vi"));
        try {
            Path f = Files.createTempFile("tcli-status-", ".md");
            try {
                // like git commit: a first empty line to write on, then what is expected, as comments
                Files.writeString(f, TEMPLATE);
                Process p = new ProcessBuilder("sh", "-c", editor + " \"$1\"", "sh", f.toString()).inheritIO().start();
                if (p.waitFor() != 0) {
                    throw TcliException.failed("the editor (" + editor + ") failed: nothing posted");
                }
                StringBuilder out = new StringBuilder();
                for (String line : Files.readAllLines(f)) {
                    if (!line.startsWith("#")) {
                        out.append(line).append('\n');
                    }
                }
                return out.toString();
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw TcliException.failed("could not run the editor: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TcliException(130, "interrupted");
        }
    }

    /** {@code --component NAME=STATUS} options resolved against the page: component id to status, in order. */
    static Map<Component, ComponentStatus> components(List<String> specs, StatuspageClient client, List<Component> cache) {
        Map<Component, ComponentStatus> out = new LinkedHashMap<>();
        if (specs == null || specs.isEmpty()) {
            return out;
        }
        // parse every spec first: a usage error must not wait for the network
        Map<String, ComponentStatus> parsed = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.lastIndexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw TcliException.usage("--component wants NAME=STATUS, e.g. --component \"Build Workers=degraded\" (got '" + spec + "')");
            }
            parsed.put(spec.substring(0, eq).trim(), ComponentStatus.parse(spec.substring(eq + 1)));
        }
        List<Component> all = cache.isEmpty() ? client.components() : cache;
        for (var e : parsed.entrySet()) {
            out.put(Names.find(e.getKey(), all, Component::name, "component", "tcli status components"), e.getValue());
        }
        return out;
    }

    static Map<String, String> byName(Map<Component, ComponentStatus> changes) {
        Map<String, String> out = new LinkedHashMap<>();
        changes.forEach((c, s) -> out.put(c.name(), s.api()));
        return out;
    }

    static String describe(Map<Component, ComponentStatus> changes) {
        if (changes.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(", setting ");
        int i = 0;
        for (var e : changes.entrySet()) {
            b.append(i++ > 0 ? ", " : "").append(e.getKey().name()).append(" to ").append(e.getValue().api());
        }
        return b.toString();
    }

    static String local(ModuleContext ctx, String iso) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            return Times.format(Instant.parse(iso), ctx.zone());
        } catch (DateTimeParseException e) {
            try {
                return Times.format(java.time.OffsetDateTime.parse(iso).toInstant(), ctx.zone());
            } catch (DateTimeParseException e2) {
                return iso;
            }
        }
    }

    static StatusIncident incident(JsonNode reply) {
        return StatusIncident.of(reply);
    }
}
