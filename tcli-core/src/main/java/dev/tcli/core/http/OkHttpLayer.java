package dev.tcli.core.http;

import dev.tcli.spi.Settings;
import dev.tcli.spi.TcliException;
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
            int retries = s.integer("max_retries").orElse(defaults.maxRetries());
            if (retries < 0 || retries > 20) {
                throw TcliException.config("max_retries = " + retries + " at " + s.where("max_retries") + ": a number from 0 to 20");
            }
            RetryPolicy policy = new RetryPolicy(retries,
                    positive(s, "retry_backoff", defaults.backoff()),
                    positive(s, "max_retry_time", defaults.maxTotal()));
            // 0s would mean "wait forever" to OkHttp: every wait tcli makes is bounded
            Duration timeout = positive(s, "timeout", Duration.ofSeconds(30));
            maxBody = maxBody(s);
            OkHttpClient.Builder b = new OkHttpClient.Builder()
                    .connectTimeout(positive(s, "connect_timeout", Duration.ofSeconds(10)))
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

    private long maxBody = DEFAULT_MAX_BODY;
    /** The largest answer read into memory: beyond it a service's answer is exit 6, not an OutOfMemoryError. */
    static final long DEFAULT_MAX_BODY = 64L << 20;

    /** The {@code max_body} setting in bytes ({@code "64MiB"}, {@code "512KB"}, {@code "1000000"}), default 64 MiB. */
    synchronized long maxBody() {
        clients();
        return maxBody;
    }

    static long maxBody(Settings s) {
        com.fasterxml.jackson.databind.JsonNode n = s.node().get("max_body");
        if (n == null || n.isNull()) {
            return DEFAULT_MAX_BODY;
        }
        if (n.isIntegralNumber() && n.canConvertToLong() && n.asLong() > 0 && n.asLong() <= 1L << 34) {
            return n.asLong();
        }
        java.util.Optional<String> raw = java.util.Optional.of(n.asText());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\s*(\\d{1,12})\\s*(b|kb|kib|mb|mib|gb|gib)?\\s*").matcher(raw.get());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw TcliException.config("max_body = \"" + raw.get() + "\" at " + s.where("max_body") + ": a size such as \"64MiB\" or \"512KB\"");
        }
        long count = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(java.util.Locale.ROOT);
        long mult = switch (unit) {
            case "kb" -> 1000L;
            case "kib" -> 1L << 10;
            case "mb" -> 1000_000L;
            case "mib" -> 1L << 20;
            case "gb" -> 1000_000_000L;
            case "gib" -> 1L << 30;
            default -> 1L;
        };
        if (count > (1L << 34) / mult) {
            throw TcliException.config("max_body = \"" + raw.get() + "\" at " + s.where("max_body") + " is too large: at most 16GiB");
        }
        return count * mult;
    }

    /** Where the user changes an http setting: {@code profiles.live.http} (never a literal placeholder). */
    String table() {
        Settings s = settings.get();
        return s.table().contains("?") ? "profiles.NAME.http" : s.table();
    }

    /** A duration setting that must be more than zero (exit 3 naming it otherwise). */
    private static Duration positive(Settings s, String key, Duration otherwise) {
        Duration d = s.duration(key).orElse(otherwise);
        if (d.isZero() || d.isNegative()) {
            throw TcliException.config(key + " at " + s.where(key) + " must be more than 0 (e.g. \"30s\"): 0 would wait forever");
        }
        return d;
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
