package dev.tcli.oncall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tcli.testkit.TcliHarness;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18 §1: PagerDuty answers no offset past 10,000. A listing other than incidents (which
 * narrows its window) that reaches the ceiling says it is cut, once, instead of ending quietly.
 * A stand-in account with a user directory that never ends: the emulator's is 12 people.
 */
class OffsetCeilingTest {
    @TempDir
    Path tmp;

    @Test
    void aDirectoryPastTheCeilingIsSaidToBeCutOnce() throws Exception {
        AtomicInteger userPages = new AtomicInteger();
        try (MockWebServer pd = new MockWebServer()) {
            pd.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest r) {
                    String path = r.getUrl().encodedPath();
                    if (path.equals("/schedules")) {
                        return OncallReliabilityTest.json(200, "{\"schedules\":[{\"id\":\"PSCHED1\",\"name\":\"Primary\"}],\"more\":false}");
                    }
                    if (path.equals("/schedules/PSCHED1")) {
                        return OncallReliabilityTest.json(200, "{\"schedule\":{\"id\":\"PSCHED1\",\"name\":\"Primary\",\"final_schedule\":"
                                + "{\"rendered_schedule_entries\":[{\"user\":{\"id\":\"PNOBODY\",\"summary\":\"Dana\"},"
                                + "\"start\":\"2026-12-01T00:00:00Z\",\"end\":\"2026-12-08T00:00:00Z\"}]}}}");
                    }
                    if (path.equals("/users")) {
                        int offset = Integer.parseInt(r.getUrl().queryParameter("offset"));
                        userPages.incrementAndGet();
                        StringBuilder users = new StringBuilder();
                        for (int i = 0; i < 100; i++) {
                            users.append(i == 0 ? "" : ",").append("{\"id\":\"PU").append(offset + i).append("\",\"email\":\"u")
                                    .append(offset + i).append("@example.com\"}");
                        }
                        return OncallReliabilityTest.json(200, "{\"users\":[" + users + "],\"more\":true,\"offset\":" + offset + ",\"limit\":100}");
                    }
                    return OncallReliabilityTest.json(404, "{\"error\":{\"message\":\"Not Found\",\"code\":2100}}");
                }
            });
            pd.start();
            var t = new TcliHarness(tmp).config("""
                    [profiles.big.pagerduty]
                    base_url = "%s"
                    token = "not-a-real-token-000"
                    email = "dana@example.com"
                    """.formatted(pd.url("/").toString().replaceAll("/$", "")));
            java.nio.file.Files.setPosixFilePermissions(t.configFile(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            var r = t.run("--profile", "big", "oncall", "schedule", "--days", "7", "-o", "json");
            assertEquals(0, r.exit(), r.toString());
            assertEquals(1, r.json().size(), r.stdout());
            assertEquals(1, r.stderr().lines().filter(l -> l.contains("PagerDuty lists at most 10,000 results per query: GET /users stopped at 10,000")).count(),
                    r.stderr());
            assertEquals(100, userPages.get(), "paged to the ceiling, not past it");
        }
    }
}
