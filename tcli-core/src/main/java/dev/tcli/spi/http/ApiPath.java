package dev.tcli.spi.http;

import dev.tcli.spi.TcliException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one place where ids, names and keys become parts of a URL path. Every client builds its
 * paths with {@link #of}: each value is one percent-encoded path segment, so {@code ../components}
 * cannot walk to another resource and {@code ?x=1} cannot inject a query. The shared client
 * ({@code JsonApiClient}) checks every path it is given with {@link #check}, so a path built
 * by hand that still walks or carries a query is refused before anything is sent.
 */
public final class ApiPath {
    private ApiPath() {
    }

    /**
     * {@code template} with each {@code {}} replaced by the next value as one encoded segment,
     * e.g. {@code of("/pages/{}/incidents/{}", page, id)}. Exit 2 for a value that cannot be a
     * segment at all: empty, {@code .} or {@code ..} (OkHttp and servers resolve those, encoded or not).
     */
    public static String of(String template, Object... values) {
        StringBuilder b = new StringBuilder(template.length() + 32);
        int v = 0;
        int from = 0;
        for (int at = template.indexOf("{}"); at >= 0; at = template.indexOf("{}", from)) {
            if (v >= values.length) {
                throw new IllegalArgumentException("more {} than values in " + template);
            }
            b.append(template, from, at).append(segment(values[v++]));
            from = at + 2;
        }
        if (v != values.length) {
            throw new IllegalArgumentException("more values than {} in " + template);
        }
        return b.append(template.substring(from)).toString();
    }

    /** One value as a percent-encoded path segment: only RFC 3986 unreserved characters stay as they are. */
    public static String segment(Object value) {
        String s = value == null ? "" : String.valueOf(value);
        if (s.isEmpty() || s.equals(".") || s.equals("..")) {
            throw TcliException.usage("'" + s + "' is not an id: an id cannot be empty, '.' or '..'");
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /**
     * Refuses a path (or the path of an absolute URL) that walks ({@code .} or {@code ..}
     * segments, also percent-encoded), carries a query or fragment, or holds characters that
     * must be encoded. Exit 2: such a path can only come from an id a user typed or a server sent.
     */
    public static void check(String pathOrUrl) {
        String p = pathOrUrl;
        int scheme = p.indexOf("://");
        if (scheme > 0 && p.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            int slash = p.indexOf('/', scheme + 3);
            if (slash < 0) {
                return;
            }
            p = p.substring(slash);
        }
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '?' || c == '#' || c == '\\' || c <= 0x20 || c >= 0x7f) {
                throw TcliException.usage("refusing to send a request to '" + dev.tcli.spi.output.SafeText.escape(pathOrUrl)
                        + "': an id with '" + (c <= 0x20 || c >= 0x7f ? "a blank or control character" : String.valueOf(c)) + "' in it");
            }
        }
        for (String seg : p.split("/", -1)) {
            String d = seg.toLowerCase(Locale.ROOT).replace("%2e", ".");
            if (d.equals(".") || d.equals("..")) {
                throw TcliException.usage("refusing to send a request to '" + dev.tcli.spi.output.SafeText.escape(pathOrUrl) + "': an id cannot be '.' or '..'");
            }
        }
    }
}
