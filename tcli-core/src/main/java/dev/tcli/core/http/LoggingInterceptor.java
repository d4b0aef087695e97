package dev.tcli.core.http;

import dev.tcli.core.Logs;
import dev.tcli.core.Redactor;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code -vv}: every request and answer on stderr, with credentials masked. Without {@code -vv}
 * it never touches the logger, so a verb's requests do not start logback (about 70 classes).
 */
final class LoggingInterceptor implements Interceptor {
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "x-vo-api-key", "x-api-key");

    static boolean isSecretHeader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return SECRET_HEADERS.contains(n) || n.contains("token") || n.contains("secret") || n.endsWith("-key");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!Logs.debug()) {
            return chain.proceed(request);
        }
        Logger log = Log.HTTP;
        log.debug("> {} {}", request.method(), Redactor.redact(request.url().toString()));
        log(">", request.headers());
        long t0 = System.nanoTime();
        Response response = chain.proceed(request);
        log.debug("< {} {} ({} ms)", response.code(), request.url().encodedPath(), (System.nanoTime() - t0) / 1_000_000);
        log("<", response.headers());
        return response;
    }

    private static final class Log {
        static final Logger HTTP = LoggerFactory.getLogger("tcli.http");
    }

    private static void log(String dir, Headers headers) {
        Logger log = Log.HTTP;
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = isSecretHeader(name) ? Redactor.MASK : Redactor.redact(headers.value(i));
            log.debug("{} {}: {}", dir, name, value);
        }
    }
}
