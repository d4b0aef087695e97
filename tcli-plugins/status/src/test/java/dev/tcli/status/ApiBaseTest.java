package dev.tcli.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Issue 14 section 8: base_url is documented as a host; any base without a version path gets /v1. */
class ApiBaseTest {
    @Test
    void anyBaseWithoutAVersionPathGetsV1() {
        assertEquals("https://api.statuspage.io/v1", StatuspageClient.apiBase("https://api.statuspage.io"));
        assertEquals("https://api.statuspage.io/v1", StatuspageClient.apiBase("https://api.statuspage.io/"));
        assertEquals("https://api.statuspage.io/v1", StatuspageClient.apiBase("https://api.statuspage.io/v1/"));
        assertEquals("https://statuspage.corp.example/v1", StatuspageClient.apiBase("https://statuspage.corp.example"));
        assertEquals("https://proxy.example/statuspage/v1", StatuspageClient.apiBase("https://proxy.example/statuspage"));
        assertEquals("http://127.0.0.1:8080/statuspage/v1", StatuspageClient.apiBase("http://127.0.0.1:8080/statuspage/v1"));
        assertEquals("https://h/v2", StatuspageClient.apiBase("https://h/v2"));
    }
}
