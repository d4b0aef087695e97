package dev.tcli.core.http;

import dev.tcli.spi.Settings;
import dev.tcli.spi.http.ApiClient;
import dev.tcli.spi.http.Http;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The process's one OkHttp client, built on first use so that {@code --help} never loads
 * OkHttp. Settings come from {@code [profiles.P.http]}: {@code timeout}, {@code connect_timeout},
 * {@code max_retries}, {@code retry_backoff}, {@code max_retry_time}, {@code ca_file}. TLS is set up
 * only when an https URL is used ({@link SchemeClients}).
 */
public final class OkHttpLayer implements Http {
    private final Supplier<Settings> settings;
    private final Map<String, String> env;
    private final String version;
    private final boolean dryRun;
    private final PrintWriter stdout;
    private final Function<String, Path> expand;
    private SchemeClients clients;

    public OkHttpLayer(Supplier<Settings> settings, Map<String, String> env, String version, boolean dryRun,
            PrintWriter stdout, Function<String, Path> expand) {
        this.settings = settings;
        this.env = env;
        this.version = version;
        this.dryRun = dryRun;
        this.stdout = stdout;
        this.expand = expand;
    }

    @Override
    public ApiClient.Builder api(String service) {
        return new JsonApiClient.Builder(this, service);
    }

    boolean dryRun() {
        return dryRun;
    }

    PrintWriter stdout() {
        return stdout;
    }

    String userAgent() {
        return "tcli/" + version;
    }

    /**
     * The shared clients. The TLS one is built on the first https URL, except with a
     * {@code ca_file}, which is checked here as before (a profile with a corporate CA is an https one).
     */
    synchronized SchemeClients clients() {
        if (clients == null) {
            Settings s = settings.get();
            RetryPolicy defaults = RetryPolicy.DEFAULT;
            RetryPolicy policy = new RetryPolicy(
                    s.integer("max_retries").orElse(defaults.maxRetries()),
                    s.duration("retry_backoff").orElse(defaults.backoff()),
                    s.duration("max_retry_time").orElse(defaults.maxTotal()));
            Duration timeout = s.duration("timeout").orElse(Duration.ofSeconds(30));
            OkHttpClient.Builder b = new OkHttpClient.Builder()
                    .connectTimeout(s.duration("connect_timeout").orElse(Duration.ofSeconds(10)))
                    .readTimeout(timeout)
                    .writeTimeout(timeout)
                    .callTimeout(Duration.ZERO)
                    .retryOnConnectionFailure(false)
                    .addInterceptor(new RetryInterceptor(policy))
                    .addNetworkInterceptor(new LoggingInterceptor());
            EnvProxySelector proxies = new EnvProxySelector(env);
            if (proxies.any()) {
                b.proxySelector(proxies);
            } else {
                b.proxy(java.net.Proxy.NO_PROXY);
            }
            TrustedCas cas = s.string("ca_file")
                    .map(ca -> TrustedCas.withExtra(expand.apply(ca), s.where("ca_file")))
                    .orElse(null);
            clients = SchemeClients.of(b, tls -> cas == null ? tls : tls.sslSocketFactory(cas.context.getSocketFactory(), cas.trustManager));
        }
        return clients;
    }

    /** Lets the process exit promptly: OkHttp's pool threads are not needed after the command. */
    public synchronized void close() {
        if (clients != null) {
            // the TLS client, when built, shares these
            clients.cleartext().dispatcher().executorService().shutdown();
            clients.cleartext().connectionPool().evictAll();
        }
    }
}
