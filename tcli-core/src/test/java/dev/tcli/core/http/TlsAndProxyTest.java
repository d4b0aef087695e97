package dev.tcli.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.TcliHarness;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS side of the HTTP layer, which is built only for https URLs: a private CA through
 * {@code ca_file}, an http to https redirect crossing from the cleartext client to the TLS one,
 * and proxies from the environment. The server certificate is made by the JDK's keytool.
 */
class TlsAndProxyTest {
    @TempDir
    static Path certs;
    static Path caPem;
    static SSLContext serverTls;

    @TempDir
    Path tmp;
    MockWebServer plain;
    MockWebServer tls;
    TcliHarness t;

    @BeforeAll
    static void certificate() throws Exception {
        Path ks = certs.resolve("server.p12");
        caPem = certs.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "srv", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-keystore", ks.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "srv", "-keystore", ks.toString(), "-storepass", "changeit",
                "-file", caPem.toString());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(kmf.getKeyManagers(), null, null);
    }

    private static void keytool(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + out);
    }

    @BeforeEach
    void start() throws Exception {
        plain = new MockWebServer();
        plain.start();
        tls = new MockWebServer();
        tls.useHttps(serverTls.getSocketFactory());
        tls.start();
        t = new TcliHarness(tmp);
        useCaFile(true);
    }

    private void useCaFile(boolean on) {
        t.config("""
                default_profile = "live"
                [profiles.live.http]
                max_retries = 0
                timeout = "5s"
                """ + (on ? "ca_file = \"" + caPem.toString().replace("\\", "\\\\") + "\"\n" : ""));
    }

    @AfterEach
    void stop() {
        plain.close();
        tls.close();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{\"ok\":true}").build();
    }

    @Test
    void httpsWithThePrivateCaInCaFileIsTrusted() throws Exception {
        tls.enqueue(ok());
        var r = t.run("echo", "call", "GET", tls.url("/api").toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("\"ok\" : true"), r.toString());
        assertTrue(tls.takeRequest().getHandshake() != null, "the request went over TLS");
    }

    @Test
    void httpsWithoutTheCaIsRefusedNotSentInTheClear() {
        useCaFile(false);
        tls.enqueue(ok());
        var r = t.run("echo", "call", "GET", tls.url("/api").toString(), "--token", "tok-must-not-leak-1234");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("cannot reach echo-service"), r.toString());
        assertEquals(0, tls.getRequestCount(), "no request got through an untrusted handshake");
        assertFalse(r.stderr().contains("tok-must-not-leak-1234"), r.toString());
    }

    @Test
    void aMissingCaFileIsAConfigErrorEvenForAnHttpUrl() {
        t.config("""
                default_profile = "live"
                [profiles.live.http]
                ca_file = "/nonexistent/corp-ca.pem"
                """);
        plain.enqueue(ok());
        var r = t.run("echo", "call", "GET", plain.url("/api").toString());
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.stderr().contains("ca_file /nonexistent/corp-ca.pem does not exist"), r.toString());
    }

    @Test
    void anHttpToHttpsRedirectIsFollowedOverTlsWithoutTheAuthorizationHeader() throws Exception {
        String target = tls.url("/v2/api").toString();
        plain.enqueue(new MockResponse.Builder().code(301).addHeader("Location", target).build());
        tls.enqueue(ok());
        var r = t.run("echo", "call", "GET", plain.url("/api").toString(), "--token", "tok-abc-123456");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("\"ok\" : true"), r.toString());
        RecordedRequest first = plain.takeRequest();
        assertEquals("Token token=tok-abc-123456", first.getHeaders().get("Authorization"));
        RecordedRequest followed = tls.takeRequest();
        assertTrue(followed.getHandshake() != null, "followed over TLS");
        assertEquals("/v2/api", followed.getUrl().encodedPath());
        assertNull(followed.getHeaders().get("Authorization"), "OkHttp drops Authorization when the origin changes");
    }

    @Test
    void aPostRedirectedWith307IsNotRepeatedOnTheHttpsSide() {
        plain.enqueue(new MockResponse.Builder().code(307).addHeader("Location", tls.url("/api").toString()).build());
        var r = t.run("echo", "call", "POST", plain.url("/api").toString(), "--body", "{}");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stderr().contains("redirected POST"), r.toString());
        assertEquals(0, tls.getRequestCount());
    }

    @Test
    void httpProxyFromTheEnvironmentCarriesNonLoopbackRequests() throws Exception {
        plain.enqueue(ok());
        t.env("HTTP_PROXY", "http://127.0.0.1:" + plain.getPort());
        var r = t.run("echo", "call", "GET", "http://tcli-proxy-test.invalid/api");
        assertEquals(0, r.exit(), r.toString());
        RecordedRequest got = plain.takeRequest();
        assertEquals("GET http://tcli-proxy-test.invalid/api HTTP/1.1", got.getRequestLine());
    }

    @Test
    void loopbackBypassesTheProxy() {
        plain.enqueue(ok());
        t.env("HTTP_PROXY", "http://127.0.0.1:1"); // nothing listens there
        var r = t.run("echo", "call", "GET", plain.url("/api").toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals(1, plain.getRequestCount());
    }

    @Test
    void theTlsClientIsBuiltOnlyWhenAnHttpsUrlIsUsed() throws Exception {
        plain.enqueue(ok());
        tls.enqueue(ok());
        SchemeClients clients = SchemeClients.of(new OkHttpClient.Builder(), b -> b.sslSocketFactory(
                TrustedCas.withExtra(caPem, "test").context.getSocketFactory(), TrustedCas.withExtra(caPem, "test").trustManager));
        try (Response r = clients.execute(new Request.Builder().url(plain.url("/api")).build())) {
            assertEquals(200, r.code());
        }
        assertFalse(clients.tlsBuilt(), "http alone never sets up TLS");
        try (Response r = clients.execute(new Request.Builder().url(tls.url("/api")).build())) {
            assertEquals(200, r.code());
            assertTrue(r.handshake() != null);
        }
        assertTrue(clients.tlsBuilt());
        assertTrue(clients.cleartext().connectionSpecs().stream().noneMatch(s -> s.isTls()),
                "the cleartext client has no TLS spec, so it must never be handed an https URL");
        clients.cleartext().dispatcher().executorService().shutdown();
    }
}
