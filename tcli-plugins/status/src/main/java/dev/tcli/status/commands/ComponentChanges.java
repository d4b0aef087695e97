package dev.tcli.status.commands;

import dev.tcli.spi.TcliException;
import dev.tcli.status.Component;
import dev.tcli.status.ComponentStatus;
import dev.tcli.status.NameLookup;
import dev.tcli.status.StatuspageClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code --component NAME=STATUS} changes a verb makes along with an incident: parsed, resolved on the page, described. */
final class ComponentChanges {
    private ComponentChanges() {
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
            out.put(NameLookup.find(e.getKey(), all, Component::name, "component", "tcli status components"), e.getValue());
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
}
