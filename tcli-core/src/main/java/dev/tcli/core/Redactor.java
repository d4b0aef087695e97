package dev.tcli.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every secret tcli resolves is registered here, and every line tcli writes to stderr, logs or
 * the journal goes through {@link #redact}: a secret that slips into an exception message or a
 * server's echo still never reaches the user's scrollback. A server echoes a credential in the
 * form it received it, so each secret is masked in its encoded forms too: the credential part of
 * a header value ({@code Basic X}, {@code Token token=X}), URL-encoded ({@code Basic%20X},
 * {@code Basic+X}, {@code %2B}/{@code %2F}/{@code %3D} in Base64) and Base64. Cookies a service
 * sets (a Sumo Logic job's session) are registered by the HTTP client when they arrive.
 */
public final class Redactor {
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    /** The registered forms, longest first, so a longer form is masked whole before a part of it. */
    private static volatile List<String> ordered = List.of();
    public static final String MASK = "****";
    private static final int MIN = 6;

    private Redactor() {
    }

    public static void register(String secret) {
        // Very short values would mask ordinary words; real tokens are long.
        if (secret == null || secret.length() < MIN) {
            return;
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(secret);
        // the credential of a header value: "Basic X", "Bearer X", "OAuth X", "Token token=X"
        String[] words = secret.split("\\s+");
        for (String word : isWord(words[0]) ? words : new String[0]) {
            forms.add(word);
            int eq = word.indexOf('=');
            if (eq > 0 && eq < word.length() - 1) {
                forms.add(word.substring(eq + 1));
            }
        }
        for (String f : List.copyOf(forms)) {
            forms.add(Base64.getEncoder().encodeToString(f.getBytes(StandardCharsets.UTF_8)));
        }
        for (String f : List.copyOf(forms)) {
            String form = URLEncoder.encode(f, StandardCharsets.UTF_8);
            for (String enc : List.of(form, form.replace("+", "%20"))) {
                forms.add(enc);
                forms.add(lowerHex(enc));
            }
        }
        boolean added = false;
        for (String f : forms) {
            if (f.length() >= MIN && !isWord(f)) {
                added |= SECRETS.add(f);
            }
        }
        if (added) {
            synchronized (Redactor.class) {
                List<String> all = new ArrayList<>(SECRETS);
                all.sort(Comparator.comparingInt(String::length).reversed());
                ordered = List.copyOf(all);
            }
        }
    }

    public static String redact(String text) {
        List<String> secrets = ordered;
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : secrets) {
            if (out.contains(s)) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }

    /** A scheme word of a header value ("Bearer", "OAuth") is no secret: masking it would hide ordinary text. */
    private static boolean isWord(String f) {
        return f.matches("(?i)basic|bearer|oauth|token|digest|apikey|api-key");
    }

    /** {@code %2F} written as {@code %2f}: some servers echo lower-case escapes. */
    private static String lowerHex(String s) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i + 2 < b.length(); i++) {
            if (b.charAt(i) == '%') {
                b.setCharAt(i + 1, Character.toLowerCase(b.charAt(i + 1)));
                b.setCharAt(i + 2, Character.toLowerCase(b.charAt(i + 2)));
            }
        }
        return b.toString();
    }
}
