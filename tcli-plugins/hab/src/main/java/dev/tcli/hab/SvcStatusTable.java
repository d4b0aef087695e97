package dev.tcli.hab;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code hab svc status} (and the old {@code hab sup status}): an aligned table
 * {@code package type desired state elapsed (s) pid group}, {@code <none>} for a missing pid,
 * or {@code No services loaded.} (what the Habitat supervisor prints; docs/hab.md).
 */
public final class SvcStatusTable {
    private SvcStatusTable() {
    }

    /** Null when the text is not such a table (so the caller can try the other command). */
    public static List<ServiceStatus> parse(String node, String text) {
        List<ServiceStatus> rows = new ArrayList<>();
        boolean header = false;
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (l.equals("No services loaded.")) {
                return rows;
            }
            if (l.startsWith("package") && l.contains("desired") && l.contains("state")) {
                header = true;
                continue;
            }
            if (!header) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length < 7) {
                return null;
            }
            Long elapsed;
            try {
                elapsed = Long.parseLong(f[4]);
            } catch (NumberFormatException e) {
                elapsed = null;
            }
            String pid = f[5].equals("<none>") ? null : f[5];
            rows.add(new ServiceStatus(node, f[0], f[1], f[2], f[3], elapsed, pid, f[6], null, List.of(), "cli", null));
        }
        return header ? rows : null;
    }

    /** The supervisor's error without its {@code ✗✗✗} frame, e.g. {@code [Err: 2] Service not loaded, core/foo}. */
    public static String error(String stderr) {
        StringBuilder b = new StringBuilder();
        for (String line : stderr.split("\\R")) {
            String l = line.replace("✗✗✗", "").strip();
            if (!l.isEmpty()) {
                if (!b.isEmpty()) {
                    b.append("; ");
                }
                b.append(l);
            }
        }
        return b.toString();
    }
}
