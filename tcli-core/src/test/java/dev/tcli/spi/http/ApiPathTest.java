package dev.tcli.spi.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.spi.ExitCode;
import dev.tcli.spi.TcliException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 section 3: an id never walks the API's paths. */
class ApiPathTest {
    @Test
    void everyValueIsOneEncodedSegment() {
        assertEquals("/pages/P1/incidents/..%2Fcomponents", ApiPath.of("/pages/{}/incidents/{}", "P1", "../components"));
        assertEquals("/incidents/x%3Fstatus%3Dresolved", ApiPath.of("/incidents/{}", "x?status=resolved"));
        assertEquals("/incidents/a%23b", ApiPath.of("/incidents/{}", "a#b"));
        assertEquals("/jobs/a%2Fb%2F..%2F..", ApiPath.of("/jobs/{}", "a/b/../.."));
        assertEquals("/u/%252e%252e", ApiPath.of("/u/{}", "%2e%2e"));
        assertEquals("/u/j.doe%40example.com", ApiPath.of("/u/{}", "j.doe@example.com"));
        assertEquals("/u/%C3%A4%20b%1B", ApiPath.of("/u/{}", "ä b\u001b"));
        assertEquals("/u/a~b_c-d.e", ApiPath.of("/u/{}", "a~b_c-d.e"));
        assertEquals("/teams/42/x", ApiPath.of("/teams/{}/x", 42));
    }

    @Test
    void aValueThatCannotBeASegmentIsAUsageError() {
        for (String bad : List.of("", ".", "..")) {
            TcliException e = assertThrows(TcliException.class, () -> ApiPath.of("/incidents/{}", bad));
            assertEquals(ExitCode.USAGE, e.exitCode());
            assertTrue(e.getMessage().contains("'" + bad + "' is not an id"), e.getMessage());
        }
        assertThrows(TcliException.class, () -> ApiPath.of("/incidents/{}", (Object) null));
    }

    @Test
    void theSharedClientRefusesAPathThatWalksOrCarriesAQuery() {
        for (String bad : List.of("/pages/P/incidents/../components", "/incidents/x?status=resolved", "/a/./b", "/a/%2e%2E/b",
                "/a/.%2e", "/incidents/a#b", "/a b", "/a\u001b[2J", "https://api.example.com/v1/jobs/../x", "/ä")) {
            TcliException e = assertThrows(TcliException.class, () -> ApiPath.check(bad), bad);
            assertEquals(ExitCode.USAGE, e.exitCode());
            assertTrue(!e.getMessage().contains("\u001b"), e.getMessage());
        }
        for (String ok : List.of("/pages/P/incidents/..%2Fcomponents", "/v1/a.b/c..d", "https://api.example.com", "https://h/v1/x%3Fy")) {
            assertDoesNotThrow(() -> ApiPath.check(ok), ok);
        }
    }
}
