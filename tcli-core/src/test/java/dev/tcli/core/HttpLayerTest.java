package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.TcliHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared HTTP layer through a real command: retries, error mapping, redaction, dry run. */
class HttpLayerTest {
    @TempDir
    Path tmp;
    MockWebServer server;
    TcliHarness t;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        t = new TcliHarness(tmp).config("""
                default_profile = "live"
                [profiles.live.http]
                retry_backoff = "10ms"
                max_retries = 3
                timeout = "1s"
                """);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String url() {
        return server.url("/api").toString();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void retries429HonoringRetryAfterThenSucceeds() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").body("{}").build());
        server.enqueue(new MockResponse.Builder().code(429).addHeader("ratelimit-reset", "0").body("{}").build());
        server.enqueue(json(200, "{\"ok\":true}"));
        var r = t.run("echo", "call", "GET", url());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.stdout().contains("\"ok\" : true"), r.toString());
        assertEquals(3, server.getRequestCount());
        RecordedRequest first = server.takeRequest();
        assertTrue(first.getHeaders().get("User-Agent").startsWith("tcli/"), first.getHeaders().toString());
    }

    @Test
    void a429IsRetriedEvenForPostBut503IsNot() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
        server.enqueue(json(201, "{\"id\":1}"));
        assertEquals(0, t.run("echo", "call", "POST", url(), "--body", "{}").exit());
        server.enqueue(json(503, "{\"error\":\"down\"}"));
        var r = t.run("echo", "call", "POST", url(), "--body", "{}");
        assertEquals(6, r.exit(), r.toString());
        assertEquals(3, server.getRequestCount(), "a failed POST is not repeated");
    }

    @Test
    void persistent503IsExit6AfterBoundedRetries() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(json(503, "{\"error\":{\"message\":\"maintenance\"}}"));
        }
        var r = t.run("echo", "call", "GET", url());
        assertEquals(6, r.exit(), r.toString());
        assertEquals(4, server.getRequestCount(), "1 try + max_retries 3");
        assertTrue(r.stderr().contains("echo-service is failing (HTTP 503"), r.toString());
        assertTrue(r.stderr().contains("maintenance"), r.toString());
        assertFalse(r.stderr().contains("Exception"), r.toString());
    }

    @Test
    void unauthorizedIsExit4AndNotFoundIsExit5() {
        server.enqueue(json(401, "{\"error\":{\"message\":\"Unauthorized\",\"code\":2006}}"));
        var auth = t.run("echo", "call", "GET", url(), "--token", "wrong-token-1234");
        assertEquals(4, auth.exit(), auth.toString());
        assertTrue(auth.stderr().contains("rejected the credentials"), auth.toString());
        assertFalse(auth.stderr().contains("wrong-token-1234"), auth.toString());

        server.enqueue(json(404, "{\"error\":{\"message\":\"Not Found\",\"code\":2100}}"));
        var nf = t.run("echo", "call", "GET", url());
        assertEquals(5, nf.exit(), nf.toString());
        assertTrue(nf.stderr().contains("not found"), nf.toString());
    }

    @Test
    void truncatedJsonIsAClearError() {
        server.enqueue(json(200, "{\"incidents\":[{\"id\":\"P1\",\"tit"));
        var r = t.run("echo", "call", "GET", url());
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("malformed answer"), r.toString());
        assertFalse(r.stderr().contains("at com."), r.toString());
    }

    @Test
    void timeoutIsExit6() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(3, TimeUnit.SECONDS).build());
        }
        t.config("""
                default_profile = "live"
                [profiles.live.http]
                retry_backoff = "10ms"
                max_retries = 0
                timeout = "300ms"
                """);
        var r = t.run("echo", "call", "GET", url());
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("did not answer in time"), r.toString());
    }

    @Test
    void connectionRefusedIsExit6() throws Exception {
        String dead = url();
        server.close();
        var r = t.run("echo", "call", "GET", dead);
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("cannot reach echo-service"), r.toString());
    }

    @Test
    void veryVerboseLogsRequestsWithCredentialsMasked() {
        server.enqueue(json(200, "{}"));
        var r = t.run("-vv", "echo", "call", "GET", url(), "--token", "s3cret-token-value");
        assertEquals(0, r.exit(), r.toString());
        // logback writes to the run's stderr through LogSetup's sink
        assertTrue(r.stderr().contains("> GET " + url()), r.toString());
        assertTrue(r.stderr().contains("Authorization: ****"), r.toString());
        assertFalse(r.stderr().contains("s3cret-token-value"), r.toString());
    }

    @Test
    void dryRunPrintsTheRequestMaskedAndSendsNothing() {
        var r = t.run("--dry-run", "echo", "mutate", "--url", url());
        assertEquals(0, r.exit(), r.toString());
        assertEquals(0, server.getRequestCount());
        assertTrue(r.stdout().contains("DRY RUN, not sent: PUT " + server.url("/api/things/1")), r.toString());
        assertTrue(r.stdout().contains("Authorization: ****"), r.toString());
        assertTrue(r.stdout().contains("From: me@example.com"), r.toString());
        assertTrue(r.stdout().contains("\"status\" : \"acknowledged\""), r.toString());
        assertFalse(r.stdout().contains("sekrit-123456"), r.toString());
    }

    /** Issue 14 section 7: an oversized answer is exit 6 with one line, never an OutOfMemoryError; waits are bounded. */
    @Test
    void anOversizedAnswerIsExit6AndZeroOrNegativeLimitsAreConfigErrors() {
        t.config("""
                default_profile = "live"
                [profiles.live.http]
                retry_backoff = "10ms"
                max_retries = 0
                max_body = "1KB"
                """);
        String big = "{\"x\":\"" + "a".repeat(5000) + "\"}";
        server.enqueue(json(200, big));
        var declared = t.run("echo", "call", "GET", url());
        assertEquals(6, declared.exit(), declared.toString());
        assertTrue(declared.stderr().contains("larger than 1000 bytes") && declared.stderr().contains("max_body"), declared.stderr());
        assertEquals(1, declared.stderr().lines().count(), declared.stderr());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").chunkedBody(big, 100).build());
        var chunked = t.run("echo", "call", "GET", url());
        assertEquals(6, chunked.exit(), chunked.toString());
        server.enqueue(json(200, "{\"ok\":true}"));
        assertEquals(0, t.run("echo", "call", "GET", url()).exit(), "a small answer is fine");
        for (String bad : List.of("timeout = \"0s\"", "connect_timeout = \"0s\"", "retry_backoff = \"0s\"", "max_retries = -1",
                "max_retries = 1000", "max_body = \"lots\"", "max_body = \"0\"", "max_body = \"99999999999GiB\"")) {
            t.config("default_profile = \"live\"\n[profiles.live.http]\n" + bad + "\n");
            var r = t.run("echo", "call", "GET", url());
            assertEquals(3, r.exit(), bad + ": " + r);
            assertTrue(r.stderr().contains("config.toml:3"), bad + ": " + r.stderr());
            assertEquals(1, r.stderr().lines().count(), r.stderr());
        }
    }

    /** Issue 14 section 4: a server that echoes the request shows the credential encoded; every form is masked. */
    @Test
    void secretsAreMaskedInTheirEncodedFormsAndCookieValues() {
        String id = "suABCDEFGH12";
        String key = "k3y/with+slash=and+plus0123456789";
        String b64 = java.util.Base64.getEncoder().encodeToString((id + ":" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String cookie = "ck-Session-0123456789abcdef";
        List<String> echoes = List.of("Basic " + b64, "Basic%20" + java.net.URLEncoder.encode(b64, java.nio.charset.StandardCharsets.UTF_8),
                "Basic+" + java.net.URLEncoder.encode(b64, java.nio.charset.StandardCharsets.UTF_8), b64,
                java.util.regex.Pattern.compile("%[0-9A-F]{2}").matcher("Basic%20" + java.net.URLEncoder.encode(b64, java.nio.charset.StandardCharsets.UTF_8))
                        .replaceAll(m -> m.group().toLowerCase(java.util.Locale.ROOT)),
                "JSESSIONID=" + cookie);
        for (String echo : echoes) {
            server.enqueue(new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
                    .addHeader("Set-Cookie", "JSESSIONID=" + cookie + "; Path=/")
                    .body("{\"message\":\"bad request; you sent " + echo + "\"}").build());
            var r = t.run("echo", "call", "GET", url(), "--basic", id + ":" + key);
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.stderr().contains("you sent ****") || r.stderr().contains("you sent JSESSIONID=****"), echo + ": " + r);
            for (String secret : List.of(b64, cookie, key, b64.substring(0, 20))) {
                assertFalse(r.stderr().contains(secret) || r.stdout().contains(secret), echo + " leaked " + secret + ": " + r);
            }
            assertFalse(r.stderr().contains(java.net.URLEncoder.encode(b64, java.nio.charset.StandardCharsets.UTF_8).substring(0, 20)), r.stderr());
        }
        // a token sent as "Token token=X" is masked URL-encoded and Base64-encoded too
        String token = "tok+en/123456789=";
        for (String echo : List.of(java.net.URLEncoder.encode("Token token=" + token, java.nio.charset.StandardCharsets.UTF_8),
                java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8),
                java.util.Base64.getEncoder().encodeToString(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
            server.enqueue(json(400, "{\"message\":\"you sent " + echo + "\"}"));
            var r = t.run("echo", "call", "GET", url(), "--token", token);
            assertEquals(1, r.exit(), r.toString());
            assertFalse(r.stderr().contains(echo), r.toString());
            assertTrue(r.stderr().contains("you sent ****"), r.toString());
        }
    }

    @Test
    void aValueRegisteredWithRedactIsMaskedInDryRunsAndErrors() {
        String key = "R0UT1NGKEY-0123456789abcdef";
        var dry = t.run("--dry-run", "echo", "call", "POST", url(), "--body", "{\"routing_key\":\"" + key + "\"}", "--redact", key);
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.stdout().contains("\"routing_key\" : \"****\""), dry.toString());
        assertFalse(dry.stdout().contains(key), dry.toString());

        server.enqueue(json(400, "{\"message\":\"Invalid routing key " + key + "\"}"));
        var r = t.run("echo", "call", "POST", url(), "--body", "{\"routing_key\":\"" + key + "\"}", "--redact", key);
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.stderr().contains("Invalid routing key ****"), r.toString());
        assertFalse(r.stderr().contains(key) || r.stdout().contains(key), r.toString());
    }

    @Test
    void a403ThatSaysRateLimitIsRetriedWhenTheClientSaysSo() {
        String limited = "{\"message\":\"API rate limit exceeded\"}";
        server.enqueue(json(403, limited));
        server.enqueue(json(200, "{\"ok\":true}"));
        var r = t.run("echo", "call", "GET", url(), "--rate-limit-403");
        assertEquals(0, r.exit(), r.toString());
        assertEquals(2, server.getRequestCount());

        for (int i = 0; i < 4; i++) {
            server.enqueue(json(403, limited));
        }
        r = t.run("echo", "call", "PATCH", url(), "--body", "{}", "--rate-limit-403");
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.stderr().contains("rate limiting us (HTTP 403)"), r.toString());
        assertEquals(6, server.getRequestCount(), "refused, so even a PATCH is repeated: 1 + 3 retries");

        server.enqueue(json(403, "{\"message\":\"Authentication failed\"}"));
        r = t.run("echo", "call", "GET", url(), "--rate-limit-403");
        assertEquals(4, r.exit(), r.toString());
        assertEquals(7, server.getRequestCount(), "a real refusal is not retried");

        server.enqueue(json(403, limited));
        r = t.run("echo", "call", "GET", url());
        assertEquals(4, r.exit(), "without rateLimitedWhen a 403 keeps its meaning: " + r);
    }
}
