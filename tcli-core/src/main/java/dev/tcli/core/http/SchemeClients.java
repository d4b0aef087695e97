package dev.tcli.core.http;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Two OkHttp clients sharing one connection pool and dispatcher: a cleartext one for
 * {@code http://} and a TLS one built only when an {@code https://} URL is first used. Building
 * OkHttp's TLS side loads and parses the JDK's trust store, about a fifth of a sandbox verb's
 * run, which a plain-http loopback sandbox never needs.
 *
 * <p>The cleartext client must never carry an https request: OkHttp 5 with no TLS connection
 * spec would send it in the clear. So it does not follow redirects to https itself
 * ({@code followSslRedirects(false)}); {@link #execute} follows such a redirect through the TLS
 * client the way OkHttp would have (a GET, the body dropped except a 307/308 of a GET/HEAD,
 * {@code Authorization} removed because the origin changes).
 */
final class SchemeClients {
    private final OkHttpClient cleartext;
    private final Supplier<OkHttpClient> makeTls;
    private final boolean followRedirects;
    private OkHttpClient tls;

    /**
     * @param configured every setting but TLS (timeouts, interceptors, proxies)
     * @param tlsSetup   adds the TLS side (e.g. the profile's ca_file) to a builder
     */
    static SchemeClients of(OkHttpClient.Builder configured, UnaryOperator<OkHttpClient.Builder> tlsSetup) {
        OkHttpClient clear = configured.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).followSslRedirects(false).build();
        // OkHttp's default specs and redirect policy for the TLS side
        return new SchemeClients(clear, clear.followRedirects(), () -> tlsSetup.apply(clear.newBuilder()
                .connectionSpecs(List.of(ConnectionSpec.MODERN_TLS, ConnectionSpec.CLEARTEXT)).followSslRedirects(true)).build());
    }

    private SchemeClients(OkHttpClient cleartext, boolean followRedirects, Supplier<OkHttpClient> makeTls) {
        this.cleartext = cleartext;
        this.followRedirects = followRedirects;
        this.makeTls = makeTls;
    }

    /** The same pair with {@code change} applied to both (a cookie jar, no redirects). */
    SchemeClients derive(UnaryOperator<OkHttpClient.Builder> change) {
        OkHttpClient clear = change.apply(cleartext.newBuilder()).followSslRedirects(false).build();
        return new SchemeClients(clear, clear.followRedirects(), () -> change.apply(tls().newBuilder()).build());
    }

    OkHttpClient cleartext() {
        return cleartext;
    }

    /** The TLS client, built on first call. */
    synchronized OkHttpClient tls() {
        if (tls == null) {
            tls = makeTls.get();
        }
        return tls;
    }

    synchronized boolean tlsBuilt() {
        return tls != null;
    }

    Response execute(Request request) throws IOException {
        if (request.url().isHttps()) {
            return tls().newCall(request).execute();
        }
        Response response = cleartext.newCall(request).execute();
        Request next = followRedirects ? redirectToHttps(response) : null;
        if (next == null) {
            return response;
        }
        response.close();
        return tls().newCall(next).execute();
    }

    /** OkHttp's own follow-up for an http to https redirect (RetryAndFollowUpInterceptor), or null. */
    static Request redirectToHttps(Response response) {
        int code = response.code();
        boolean keepsMethod = code == 307 || code == 308;
        if (!(keepsMethod || code == 300 || code == 301 || code == 302 || code == 303)) {
            return null;
        }
        String location = response.header("Location");
        Request prior = response.request();
        HttpUrl url = location == null ? null : prior.url().resolve(location);
        if (url == null || !url.isHttps()) {
            return null;
        }
        String method = prior.method();
        boolean bodyless = method.equals("GET") || method.equals("HEAD");
        if (keepsMethod && !bodyless) {
            return null; // OkHttp does not repeat a POST/PUT on a 307/308: the caller sees the redirect
        }
        Request.Builder b = prior.newBuilder().url(url).removeHeader("Authorization");
        if (!bodyless) {
            b.method("GET", null).removeHeader("Transfer-Encoding").removeHeader("Content-Length").removeHeader("Content-Type");
        }
        return b.build();
    }
}
