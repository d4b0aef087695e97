package dev.tcli.status;

import dev.tcli.spi.TcliException;
import java.util.Arrays;
import java.util.Locale;

/** Where a Statuspage incident stands, as customers read it. */
public enum IncidentPhase {
    INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED;

    /** The API's word, e.g. {@code investigating}. */
    public String api() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What a user typed, any case; null stays null (the option was not given). Unknown: exit 2 naming the choices. */
    public static String parse(String typed) {
        if (typed == null) {
            return null;
        }
        String t = typed.trim().toLowerCase(Locale.ROOT);
        for (IncidentPhase v : values()) {
            if (v.api().equals(t)) {
                return v.api();
            }
        }
        throw TcliException.usage("unknown incident status '" + typed + "': use one of "
                + String.join(", ", Arrays.stream(values()).map(IncidentPhase::api).toList()));
    }

    /** True when {@code word} is one of the API's words. */
    public static boolean known(String word) {
        return word != null && Arrays.stream(values()).anyMatch(v -> v.api().equals(word));
    }
}
