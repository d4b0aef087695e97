package dev.tcli.core.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY} (either case), as curl reads
 * them. Loopback never goes through a proxy: the sandbox lives there.
 */
final class EnvProxySelector extends ProxySelector {
    private final Proxy https;
    private final Proxy http;
    private final List<String> noProxy = new ArrayList<>();

    EnvProxySelector(Map<String, String> env) {
        this.https = parse(first(env, "HTTPS_PROXY", "https_proxy"));
        this.http = parse(first(env, "HTTP_PROXY", "http_proxy"));
        String np = first(env, "NO_PROXY", "no_proxy");
        if (np != null) {
            for (String s : np.split(",")) {
                if (!s.isBlank()) {
                    noProxy.add(s.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    boolean any() {
        return https != null || http != null;
    }

    private static String first(Map<String, String> env, String a, String b) {
        String v = env.get(a);
        if (v == null || v.isBlank()) {
            v = env.get(b);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static Proxy parse(String value) {
        if (value == null) {
            return null;
        }
        URI u = URI.create(value.contains("://") ? value : "http://" + value);
        int port = u.getPort() > 0 ? u.getPort() : 80;
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(u.getHost(), port));
    }

    @Override
    public List<Proxy> select(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (bypass(host)) {
            return List.of(Proxy.NO_PROXY);
        }
        Proxy p = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
        return List.of(p == null ? Proxy.NO_PROXY : p);
    }

    boolean bypass(String host) {
        if (host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]")) {
            return true;
        }
        for (String np : noProxy) {
            if (np.equals("*")) {
                return true;
            }
            String suffix = np.startsWith(".") ? np : "." + np;
            if (host.equals(np.startsWith(".") ? np.substring(1) : np) || host.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // OkHttp reports the failure itself
    }
}
