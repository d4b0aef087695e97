package dev.tcli.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret tcli resolves is registered here, and every line tcli writes to stderr, logs or
 * the journal goes through {@link #redact}: a secret that slips into an exception message or a
 * server's echo still never reaches the user's scrollback.
 */
public final class Redactor {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    public static final String MASK = "****";

    private Redactor() {
    }

    public static void register(String secret) {
        // Very short values would mask ordinary words; real tokens are long.
        if (secret != null && secret.length() >= 6) {
            SECRETS.add(secret);
        }
    }

    public static String redact(String text) {
        if (text == null || SECRETS.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : SECRETS) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }
}
