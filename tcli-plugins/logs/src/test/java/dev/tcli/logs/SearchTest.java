package dev.tcli.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.sandbox.Recorder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchTest extends LogsTestBase {

    @Test
    void jsonlPrintsFlatSumoMapsNewestFirstAndTheJobIsDeleted() {
        var r = ok("search", "_sourceCategory=live/api error", "--since", "2h", "-o", "jsonl");
        List<JsonNode> msgs = lines(r.stdout());
        assertFalse(msgs.isEmpty(), r.toString());
        long previous = Long.MAX_VALUE;
        for (JsonNode m : msgs) {
            assertEquals("live/api", m.path("_sourcecategory").asText(), m.toString());
            assertTrue(m.path("_raw").asText().toLowerCase().contains("error"), m.toString());
            m.properties().forEach(e -> assertTrue(e.getValue().isTextual(), "flat strings: " + m));
            long t = Long.parseLong(m.path("_messagetime").asText());
            assertTrue(t <= previous, "newest first");
            previous = t;
        }
        var posts = received(x -> x.method().equals("POST"));
        assertEquals(1, posts.size());
        assertEquals(202, posts.get(0).status());
        var deletes = received(x -> x.method().equals("DELETE"));
        assertEquals(1, deletes.size(), "the job is deleted at the end");
        assertEquals(200, deletes.get(0).status());
        assertTrue(posts.get(0).requestBody().contains("\"timeZone\""), posts.get(0).requestBody());
        assertTrue(r.stderr().contains("search DONE GATHERING RESULTS: " + String.format("%,d", msgs.size()) + " messages found"), r.stderr());
    }

    @Test
    void tableShowsTimeHostCategoryMessageInTheChosenZone() {
        var r = ok("search", "_sourceHost=live-depot-0 \"No space left\"", "--since", "1h", "--tz", "Asia/Tokyo");
        String[] rows = r.stdout().split("\n");
        assertTrue(rows[0].matches("TIME\\s+HOST\\s+CATEGORY\\s+MESSAGE\\s*"), r.stdout());
        assertTrue(rows.length > 1, "errors burst around the open depot incident: " + r);
        assertTrue(rows[1].contains("live-depot-0") && rows[1].contains("live/syslog") && rows[1].contains("No space left"), rows[1]);
    }

    @Test
    void everyCallOfTheJobCarriesItsSessionCookie() {
        ok("search", "error", "--since", "30m", "-o", "jsonl");
        var created = received(x -> x.method().equals("POST")).get(0);
        String setCookie = responseHeader(created, "Set-Cookie");
        assertNotNull(setCookie);
        String session = setCookie.substring(0, setCookie.indexOf(';'));
        var later = received(x -> !x.method().equals("POST"));
        assertTrue(later.size() >= 3, "status polls, pages, delete");
        for (Recorder.Recorded x : later) {
            String cookie = x.requestHeader("Cookie");
            assertNotNull(cookie, x.method() + " " + x.path());
            assertTrue(cookie.contains(session), cookie);
            assertTrue(x.status() < 400, x.method() + " " + x.path() + " " + x.status());
        }
    }

    @Test
    void quietPrintsNoProgressAndNotATerminalGetsALinePerState() {
        var quiet = ok("-q", "search", "error", "--since", "30m", "-o", "jsonl");
        assertEquals("", quiet.stderr(), quiet.toString());
        var plain = ok("search", "error", "--since", "30m", "-o", "jsonl");
        assertTrue(plain.stderr().contains("searching: NOT STARTED") && plain.stderr().contains("searching: GATHERING RESULTS"), plain.stderr());
        assertFalse(plain.stderr().contains("\r"), "no in-place rewriting without a terminal");
        assertFalse(plain.stdout().contains("searching"), "progress never on stdout");
    }

    @Test
    void fieldsSelectWhatPrints() {
        var r = ok("search", "_sourceCategory=live/worker", "--since", "30m", "--fields", "host,_raw", "-o", "jsonl", "--limit", "5");
        List<JsonNode> msgs = lines(r.stdout());
        assertEquals(5, msgs.size(), r.toString());
        for (JsonNode m : msgs) {
            assertEquals(Set.of("_sourcehost", "_raw"), names(m));
        }
    }

    @Test
    void anAggregatePrintsRecords() {
        var r = ok("search", "_sourceCategory=live/* | count by _sourcecategory", "--since", "1h", "-o", "json");
        JsonNode records = r.json();
        Set<String> categories = new HashSet<>();
        long total = 0;
        for (JsonNode rec : records) {
            categories.add(rec.path("_sourcecategory").asText());
            total += Long.parseLong(rec.path("_count").asText());
        }
        assertEquals(Set.of("live/api", "live/worker", "live/syslog"), categories, r.toString());
        var plain = lines(ok("search", "_sourceCategory=live/*", "--since", "1h", "-o", "jsonl").stdout());
        // the two jobs ran a moment apart; the last seconds may hold a message more
        assertTrue(Math.abs(plain.size() - total) <= 5, plain.size() + " vs " + total);
        assertTrue(received(x -> x.path().endsWith("/records")).size() >= 1);
    }

    @Test
    void pagesWithinSumosLimitAndKeepsEveryMessage() {
        var big = lines(ok("search", "_sourceCategory=live/api", "--since", "1h", "-o", "jsonl").stdout());
        var r = logs("small", "search", "_sourceCategory=live/api", "--since", "1h", "-o", "jsonl");
        assertEquals(0, r.exit(), r.toString());
        var paged = lines(r.stdout());
        assertTrue(Math.abs(big.size() - paged.size()) <= 5);
        Set<String> ids = new HashSet<>();
        paged.forEach(m -> assertTrue(ids.add(m.path("_messageid").asText()), "no message twice"));
        for (var x : received(x -> x.path().endsWith("/messages"))) {
            assertTrue(x.rawQuery().contains("limit="));
            int limit = Integer.parseInt(x.rawQuery().replaceAll(".*limit=(\\d+).*", "$1"));
            assertTrue(limit <= 10_000);
        }
    }

    @Test
    void byReceiptTimeAndTheZoneReachSumo() {
        ok("search", "error", "--from", "2026-11-20 09:00", "--to", "2026-11-20 10:00", "--tz", "Europe/London", "--by-receipt-time");
        String body = received(x -> x.method().equals("POST")).get(0).requestBody();
        assertTrue(body.contains("\"byReceiptTime\":true"), body);
        assertTrue(body.contains("\"timeZone\":\"Europe/London\""), body);
        // 09:00 in London in November is 09:00Z
        assertTrue(body.contains("\"from\":" + java.time.Instant.parse("2026-11-20T09:00:00Z").toEpochMilli()), body);
    }

    static Set<String> names(JsonNode n) {
        Set<String> out = new HashSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
