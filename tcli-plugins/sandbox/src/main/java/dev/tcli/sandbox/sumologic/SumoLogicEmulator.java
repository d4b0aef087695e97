package dev.tcli.sandbox.sumologic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.Emulator;
import dev.tcli.sandbox.Exchange.Reply;
import dev.tcli.sandbox.Exchange;
import dev.tcli.sandbox.Seed;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Sumo Logic's Search Job API (CONTRACTS.md; Sumo's docs/api/search-job.md) for the sandbox account.
 * Checks what the real API checks: HTTP Basic {@code accessId:accessKey}; the {@code JSESSIONID}
 * cookie set when the job was created on every later call of that job (without it: 404
 * {@code searchjob.jobid.invalid}, as Sumo answers); {@code offset}/{@code limit} with limit at most
 * 10,000; the request fields and their error codes; a wrong deployment answers 301 with
 * {@code Location} on the right one (any {@code /<deployment>/api/...} below the emulator's prefix,
 * e.g. {@code /sumologic/eu/api/v1/search/jobs}, while the account lives at {@code /sumologic}).
 *
 * <p>Jobs progress over status polls ({@code NOT STARTED}, then {@code GATHERING RESULTS} with a
 * third and two thirds of the messages, then {@code DONE GATHERING RESULTS}); messages are newest
 * first and may be paged while the job gathers; a non-aggregate job stops at {@code FORCE PAUSED}
 * past 100,000 messages; a job not polled for 30 s is {@code CANCELLED}; 200 active jobs at most
 * (429). The status carries {@code histogramBuckets} of the messages found so far. Each user may send
 * 4 requests a second: a bucket of {@code limits.rate_burst} (240, a minute's worth) refilled at
 * {@code limits.rate_per_second} (4); an empty bucket answers 429 {@code rate.limit.exceeded}, as Sumo
 * does. The messages come from {@link LogCorpus} (generated, not stored) plus those injected with
 * {@link #inject}; the state holds only jobs, injected messages, the rate bucket and the limits, which
 * tests may lower ({@code limits.idle_timeout_ms}, {@code limits.force_pause_at}, {@code limits.job_limit},
 * {@code limits.rate_per_second}, {@code limits.rate_burst}).
 */
public final class SumoLogicEmulator implements Emulator {
    public static final String ACCESS_ID = "suSANDBOXACCESSID";
    public static final String ACCESS_KEY = "sandbox-sumologic-access-key-0123456789";
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final int MAX_LIMIT = 10_000;
    static final Set<String> DEPLOYMENTS = Set.of("us1", "us2", "eu", "au", "ca", "de", "fed", "in", "jp", "kr");
    private static final String JOBS = "/api/v1/search/jobs";
    /** Histogram bucket lengths Sumo-like: the shortest that cuts the range into about {@link #MAX_BUCKETS}. */
    private static final long[] BUCKET_LENGTHS = {1_000, 5_000, 10_000, 30_000, 60_000, 300_000, 900_000, 1_800_000, 3_600_000,
        10_800_000, 21_600_000, 43_200_000, 86_400_000};
    static final int MAX_BUCKETS = 120;

    /** Indexes of matched messages per job, kept in memory only (they can always be rebuilt from the state). */
    private final Map<String, JobIndex> indexes = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JobIndex> eldest) {
            return size() > 16;
        }
    });

    @Override
    public String name() {
        return "sumologic";
    }

    @Override
    public void settings(String baseUrl, ObjectNode profile) {
        profile.putObject("sumologic").put("base_url", baseUrl).put("access_id", ACCESS_ID).put("access_key", ACCESS_KEY);
    }

    @Override
    public ObjectNode seed(Seed seed) {
        ObjectNode s = F.objectNode();
        s.put("seed", seed.value());
        s.put("next_job", 1);
        s.putObject("jobs");
        s.putArray("injected");
        s.putObject("limits").put("idle_timeout_ms", 30_000).put("force_pause_at", 100_000).put("job_limit", 200)
                .put("rate_per_second", 4).put("rate_burst", 240);
        return s;
    }

    /**
     * Adds messages to the sandbox's logs (for {@code tcli onboard drill}'s practice errors). Each map
     * needs {@code _messagetime} (epoch ms, as a string), {@code _sourcecategory}, {@code _sourcehost}
     * and {@code _raw}; other Sumo fields are filled in. Call inside {@code StateStore.withState} and
     * return a result that saves.
     */
    private static final int SEARCH_HISTORY = 100;

    public static void inject(ObjectNode state, List<Map<String, String>> messages) {
        ArrayNode arr = state.withArray("injected");
        for (Map<String, String> m : messages) {
            for (String required : List.of("_messagetime", "_sourcecategory", "_sourcehost", "_raw")) {
                if (m.get(required) == null) {
                    throw new IllegalArgumentException("an injected message needs " + required);
                }
            }
            long time = Long.parseLong(m.get("_messagetime"));
            long id = 9_000_000_000_000L + arr.size();
            Map<String, String> full = LogCorpus.map(id, time, time + 500, m.get("_sourcecategory"), m.get("_sourcehost"),
                    m.getOrDefault("_sourcename", m.get("_sourcecategory")), m.get("_raw"));
            full.putAll(m);
            ObjectNode n = arr.addObject();
            full.forEach(n::put);
        }
    }

    /**
     * Every search job created, newest last (capped), kept after the job is deleted: the drill
     * judges a trainee's searches from it, however quickly the client deleted its job.
     */
    public static List<JsonNode> searchHistory(ObjectNode state) {
        List<JsonNode> out = new ArrayList<>();
        state.path("searches").forEach(out::add);
        return out;
    }

    /** Would a search with this query and range (epoch ms) find this message (lowercase Sumo field names)? */
    public static boolean wouldFind(String query, long from, long to, Map<String, String> message) {
        long t = Long.parseLong(message.getOrDefault("_messagetime", "0"));
        try {
            return t >= from && t <= to && SumoQuery.parse(query).matches(message);
        } catch (SumoQuery.ParseError e) {
            return false;
        }
    }

    // ---- requests ------------------------------------------------------------------------------

    @Override
    public Reply handle(Exchange ex, ObjectNode state) {
        authenticate(ex);
        long now = System.currentTimeMillis();
        rateLimit(ex, state, now);
        List<String> seg = ex.segments();
        if (!seg.isEmpty() && DEPLOYMENTS.contains(seg.get(0))) {
            // the account lives in the emulator's own deployment: any other answers "moved"
            String right = ex.baseUrl() + ex.path().substring(seg.get(0).length() + 1);
            return error(301, "moved", "The requested resource SHOULD be accessed through returned URI in Location Header.")
                    .header("Location", right);
        }
        if (!ex.path().startsWith(JOBS)) {
            throw error(404, "notfound", "Requested resource could not be found.");
        }
        List<String> rest = seg.subList(Math.min(4, seg.size()), seg.size());
        if (rest.isEmpty()) {
            if (!ex.method().equals("POST")) {
                throw error(405, "method.unsupported", "Unsupported method for URL.");
            }
            return create(ex, state, now);
        }
        ObjectNode job = (ObjectNode) state.path("jobs").get(rest.get(0));
        String cookie = ex.cookie("JSESSIONID");
        if (job == null || cookie == null || !cookie.equals(job.path("session").asText())) {
            throw error(404, "searchjob.jobid.invalid", "Job ID is invalid.");
        }
        if (rest.size() == 1 && ex.method().equals("DELETE")) {
            ((ObjectNode) state.path("jobs")).remove(rest.get(0));
            indexes.remove(indexKey(job));
            ex.mutated();
            return Reply.json(200, F.objectNode().put("id", rest.get(0)));
        }
        if (rest.size() == 1 && ex.method().equals("GET")) {
            return status(ex, state, job, now);
        }
        if (rest.size() == 2 && ex.method().equals("GET") && (rest.get(1).equals("messages") || rest.get(1).equals("records"))) {
            return page(ex, state, job, rest.get(1), now);
        }
        throw error(405, "method.unsupported", "Unsupported method for URL.");
    }

    private static void authenticate(Exchange ex) {
        String auth = ex.header("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                if (pair.equals(ACCESS_ID + ":" + ACCESS_KEY)) {
                    return;
                }
            } catch (IllegalArgumentException ignored) {
                // not base64: refused below
            }
        }
        throw error(401, "unauthorized", "Credential could not be verified.");
    }

    /**
     * Sumo's per-user limit of 4 requests a second (240 a minute), as a token bucket kept in the state
     * (so it holds across tcli processes): {@code rate_burst} tokens, refilled at {@code rate_per_second}.
     * tcli's own use, polling with its backoff and paging, stays well inside the burst; a script that
     * loops on the API does not. Sumo sends no {@code Retry-After} with it: a client backs off on its own.
     */
    private static void rateLimit(Exchange ex, ObjectNode state, long now) {
        JsonNode limits = state.path("limits");
        double perSecond = limits.path("rate_per_second").asDouble(4);
        double burst = limits.path("rate_burst").asDouble(240);
        ObjectNode rate = state.get("rate") instanceof ObjectNode r ? r : state.putObject("rate");
        ObjectNode bucket = rate.get(ACCESS_ID) instanceof ObjectNode u ? u : rate.putObject(ACCESS_ID);
        double tokens = bucket.has("tokens") ? bucket.path("tokens").asDouble() : burst;
        long at = bucket.path("at").asLong(now);
        tokens = Math.min(burst, tokens + Math.max(0, now - at) * perSecond / 1000.0);
        bucket.put("at", now);
        ex.mutated();
        if (tokens < 1) {
            bucket.put("tokens", tokens);
            throw error(429, "rate.limit.exceeded", "Rate limit exceeded. The API request rate is higher than "
                    + (perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond))
                    + " requests per second.");
        }
        bucket.put("tokens", tokens - 1);
    }

    private Reply create(Exchange ex, ObjectNode state, long now) {
        String type = ex.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw error(415, "contenttype.invalid", "Invalid content type.");
        }
        JsonNode body = ex.json();
        String query = body.path("query").asText("");
        if (query.isBlank()) {
            throw error(400, "searchjob.no.query", "No 'query' parameter was provided.");
        }
        JsonNode tzNode = body.has("timeZone") ? body.get("timeZone") : body.get("timezone");
        ZoneId zone;
        if (tzNode == null || tzNode.asText().isBlank()) {
            throw error(400, "searchjob.empty.timezone", "The 'timezone' cannot be blank.");
        }
        try {
            zone = ZoneId.of(tzNode.asText(), ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            throw error(400, "searchjob.unknown.timezone", "The 'timezone' value is not a known time zone.");
        }
        long from = time(body.path("from"), zone, "from");
        long to = time(body.path("to"), zone, "to");
        if (from > to) {
            throw error(400, "searchjob.to.smaller.than.from", "The 'from' time cannot be larger than the 'to' time.");
        }
        try {
            SumoQuery.parse(query);
        } catch (SumoQuery.ParseError e) {
            throw error(400, "searchjob.parse.error", "Unable to parse query: " + e.getMessage());
        }
        ObjectNode jobs = (ObjectNode) state.path("jobs");
        expire(jobs, state, now);
        int active = 0;
        for (JsonNode j : jobs) {
            if (!j.path("cancelled").asBoolean()) {
                active++;
            }
        }
        if (active >= state.path("limits").path("job_limit").asInt(200)) {
            return error(429, "rate.limit.exceeded", "Your organization has exceeded the " + active
                    + " active concurrent search job limit; delete finished search jobs.").header("Retry-After", "1");
        }
        int n = state.path("next_job").asInt(1);
        state.put("next_job", n + 1);
        Random r = new Random(state.path("seed").asLong() * 31 + n + now);
        String id = String.format("%016X", (0x1000000000000000L + n * 0x9E3779B97F4A7L) & 0x7fffffffffffffffL);
        String session = Long.toHexString(r.nextLong() & Long.MAX_VALUE).toUpperCase(Locale.ROOT);
        ObjectNode job = jobs.putObject(id);
        job.put("id", id).put("query", query).put("from", from).put("to", to).put("time_zone", zone.getId())
                .put("by_receipt_time", body.path("byReceiptTime").asBoolean(false)).put("created", now)
                .put("last_access", now).put("polls", 0).put("session", session).put("errors_reported", false);
        ArrayNode history = state.withArray("searches");
        history.addObject().put("id", id).put("query", query).put("from", from).put("to", to).put("created", now);
        while (history.size() > SEARCH_HISTORY) {
            history.remove(0);
        }
        ex.mutated();
        String location = ex.baseUrl() + JOBS + "/" + id;
        return Reply.json(202, F.objectNode().put("id", id).set("link", F.objectNode().put("rel", "self").put("href", location)))
                .header("Location", location)
                .header("Set-Cookie", "JSESSIONID=" + session + "; Path=/; HttpOnly")
                .header("Set-Cookie", "AWSALB=" + Long.toHexString(r.nextLong()) + "; Path=/");
    }

    /** Jobs not polled within the idle timeout are cancelled; cancelled ones are forgotten after 10 minutes. */
    private static void expire(ObjectNode jobs, ObjectNode state, long now) {
        long idle = state.path("limits").path("idle_timeout_ms").asLong(30_000);
        for (Iterator<Map.Entry<String, JsonNode>> it = jobs.properties().iterator(); it.hasNext();) {
            ObjectNode j = (ObjectNode) it.next().getValue();
            long last = j.path("last_access").asLong();
            if (now - last > idle + 600_000) {
                it.remove();
            } else if (now - last > idle) {
                j.put("cancelled", true);
            }
        }
    }

    private static long time(JsonNode n, ZoneId zone, String which) {
        String s = n.asText("").trim();
        try {
            if (n.isNumber() || s.matches("-?\\d+")) {
                return Long.parseLong(s);
            }
            try {
                return OffsetDateTime.parse(s).toInstant().toEpochMilli();
            } catch (DateTimeException e) {
                return LocalDateTime.parse(s).atZone(zone).toInstant().toEpochMilli();
            }
        } catch (DateTimeException | NumberFormatException e) {
            throw error(400, "searchjob.invalid.timestamp." + which, "The '" + which + "' field contains an invalid time.");
        }
    }

    private Reply status(Exchange ex, ObjectNode state, ObjectNode job, long now) {
        if (now - job.path("last_access").asLong() > state.path("limits").path("idle_timeout_ms").asLong(30_000)) {
            job.put("cancelled", true);
        }
        int polls = job.path("polls").asInt() + 1;
        job.put("polls", polls).put("last_access", now);
        ex.mutated();
        JobIndex index = index(state, job);
        ObjectNode out = F.objectNode();
        String st = stateOf(job, index, state);
        out.put("state", st);
        out.put("messageCount", visible(job, index, state));
        out.set("histogramBuckets", histogram(index, job, visible(job, index, state)));
        out.put("recordCount", st.equals("DONE GATHERING RESULTS") || st.equals("CANCELLED") ? index.records().size() : 0);
        ArrayNode errors = out.putArray("pendingErrors");
        ArrayNode warnings = out.putArray("pendingWarnings");
        // pending errors and warnings are not cumulative: each is reported once
        if (!job.path("errors_reported").asBoolean() && polls >= 2) {
            index.errors().forEach(errors::add);
            index.warnings().forEach(warnings::add);
            job.put("errors_reported", true);
        }
        return Reply.json(200, out);
    }

    /**
     * Sumo's {@code histogramBuckets} of the messages found so far: {@code {startTimestamp, length, count}}
     * per bucket that holds any, oldest first, the bucket length chosen from the job's range.
     */
    static ArrayNode histogram(JobIndex index, JsonNode job, int found) {
        long from = job.path("from").asLong();
        long to = Math.min(job.path("to").asLong(), job.path("created").asLong());
        long length = BUCKET_LENGTHS[BUCKET_LENGTHS.length - 1];
        for (long l : BUCKET_LENGTHS) {
            if ((to - from) / l <= MAX_BUCKETS) {
                length = l;
                break;
            }
        }
        java.util.TreeMap<Long, Integer> counts = new java.util.TreeMap<>();
        int n = Math.min(found, index.size());
        for (int i = 0; i < n; i++) {
            counts.merge(Math.floorDiv(index.time(i), length) * length, 1, Integer::sum);
        }
        ArrayNode out = F.arrayNode();
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            out.addObject().put("startTimestamp", e.getKey()).put("length", length).put("count", e.getValue());
        }
        return out;
    }

    private static String stateOf(ObjectNode job, JobIndex index, ObjectNode state) {
        if (job.path("cancelled").asBoolean()) {
            return "CANCELLED";
        }
        int polls = job.path("polls").asInt();
        if (polls <= 1) {
            return "NOT STARTED";
        }
        if (polls <= 3) {
            return "GATHERING RESULTS";
        }
        if (!index.aggregate() && index.size() > state.path("limits").path("force_pause_at").asInt(100_000)) {
            return "FORCE PAUSED";
        }
        return "DONE GATHERING RESULTS";
    }

    /** How many messages the job has found so far: gathered newest first, a third per poll. */
    private static int visible(ObjectNode job, JobIndex index, ObjectNode state) {
        int total = Math.min(index.size(), index.aggregate() ? Integer.MAX_VALUE : state.path("limits").path("force_pause_at").asInt(100_000));
        int polls = job.path("polls").asInt();
        if (job.path("cancelled").asBoolean()) {
            return (int) Math.min(total, (long) total * Math.max(0, polls - 1) / 3);
        }
        return polls <= 1 ? 0 : polls >= 4 ? total : (int) ((long) total * (polls - 1) / 3);
    }

    private Reply page(Exchange ex, ObjectNode state, ObjectNode job, String what, long now) {
        if (job.path("cancelled").asBoolean()) {
            throw error(404, "searchjob.jobid.invalid", "Job ID is invalid.");
        }
        int offset = intParam(ex, "offset");
        int limit = intParam(ex, "limit");
        if (offset < 0) {
            throw error(400, "searchjob.offset.negative", "Offset cannot be negative.");
        }
        if (limit == 0) {
            throw error(400, "searchjob.limit.zero", "Limit cannot be 0.");
        }
        if (limit < 0) {
            throw error(400, "searchjob.limit.negative", "Limit cannot be negative.");
        }
        if (limit > MAX_LIMIT) {
            throw error(400, "searchjob.limit.too.large", "Limit cannot be larger than " + MAX_LIMIT + ".");
        }
        job.put("last_access", now);
        ex.mutated();
        JobIndex index = index(state, job);
        ObjectNode out = F.objectNode();
        ArrayNode fields = out.putArray("fields");
        if (what.equals("records")) {
            if (!index.aggregate()) {
                throw error(400, "searchjob.no.records.not.an.aggregation.query", "No records; query is not an aggregation");
            }
            for (String f : index.countBy()) {
                fields.addObject().put("name", f).put("fieldType", "string").put("keyField", true);
            }
            fields.addObject().put("name", "_count").put("fieldType", "int").put("keyField", false);
            ArrayNode records = out.putArray("records");
            List<Map<String, String>> all = stateOf(job, index, state).equals("DONE GATHERING RESULTS") ? index.records() : List.of();
            for (int i = offset; i < Math.min(all.size(), (long) offset + limit); i++) {
                ObjectNode map = records.addObject().putObject("map");
                all.get(i).forEach(map::put);
            }
            return Reply.json(200, out);
        }
        for (String f : List.of("_messageid", "_sourceid", "_sourcename", "_sourcehost", "_sourcecategory", "_format", "_size",
                "_messagetime", "_receipttime", "_messagecount", "_raw", "_source", "_collectorid", "_collector", "_blockid", "_view")) {
            String type = Set.of("_messageid", "_sourceid", "_size", "_messagetime", "_receipttime", "_collectorid", "_blockid").contains(f)
                    ? "long" : f.equals("_messagecount") ? "int" : "string";
            fields.addObject().put("name", f).put("fieldType", type).put("keyField", false);
        }
        ArrayNode messages = out.putArray("messages");
        int end = (int) Math.min(visible(job, index, state), (long) offset + limit);
        for (int i = offset; i < end; i++) {
            ObjectNode map = messages.addObject().putObject("map");
            index.message(i).forEach(map::put);
        }
        return Reply.json(200, out);
    }

    private static int intParam(Exchange ex, String name) {
        String v = ex.param(name);
        if (v == null || v.isBlank()) {
            throw error(400, "searchjob." + name + ".missing", Character.toUpperCase(name.charAt(0)) + name.substring(1) + " is missing.");
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw error(400, "searchjob.generic", "'" + name + "' must be a number.");
        }
    }

    // ---- matching ------------------------------------------------------------------------------

    private static String indexKey(JsonNode job) {
        return job.path("id").asText() + "@" + job.path("created").asLong();
    }

    private JobIndex index(ObjectNode state, ObjectNode job) {
        String key = indexKey(job) + "#" + state.path("injected").size();
        JobIndex idx = indexes.get(key);
        if (idx == null) {
            Instant seededAt = Instant.parse(state.path("_seeded_at").asText(Instant.ofEpochMilli(job.path("created").asLong()).toString()));
            LogCorpus corpus = new LogCorpus(state.path("seed").asLong(Seed.DEFAULT), seededAt, state.path("injected"));
            idx = JobIndex.build(corpus, SumoQuery.parse(job.path("query").asText()), job.path("from").asLong(),
                    Math.min(job.path("to").asLong(), job.path("created").asLong()), job.path("by_receipt_time").asBoolean());
            indexes.put(key, idx);
        }
        return idx;
    }

    /** The messages a job matched, newest first, as references into the corpus; records for an aggregate. */
    static final class JobIndex {
        private final LogCorpus corpus;
        private final long[] refs;
        private final long[] times;
        private final SumoQuery query;
        private final List<Map<String, String>> records;
        private final List<String> errors;
        private final List<String> warnings;

        private JobIndex(LogCorpus corpus, long[] refs, long[] times, SumoQuery query, List<Map<String, String>> records,
                List<String> errors, List<String> warnings) {
            this.corpus = corpus;
            this.refs = refs;
            this.times = times;
            this.query = query;
            this.records = records;
            this.errors = errors;
            this.warnings = warnings;
        }

        static JobIndex build(LogCorpus corpus, SumoQuery query, long from, long to, boolean byReceipt) {
            String key = byReceipt ? "_receipttime" : "_messagetime";
            List<long[]> hits = new ArrayList<>();
            Map<List<String>, Long> counts = new LinkedHashMap<>();
            Set<String> seen = new java.util.HashSet<>();
            List<String> warnings = new ArrayList<>();
            long lo = Math.max(from, corpus.oldest());
            if (from < corpus.oldest()) {
                warnings.add("The time range starts before the 30-day retention of this account; results start at "
                        + Instant.ofEpochMilli(corpus.oldest()) + ".");
            }
            // receipt time trails message time by up to two minutes: look that far back
            long lastMinute = Math.floorDiv(to, 60_000L);
            long firstMinute = Math.floorDiv(lo, 60_000L) - (byReceipt ? 2 : 0);
            for (long minute = lastMinute; minute >= firstMinute; minute--) {
                List<Map<String, String>> msgs = corpus.minute(minute);
                for (int i = 0; i < msgs.size(); i++) {
                    consider(msgs.get(i), minute * 64 + i, key, lo, to, query, hits, counts, seen);
                }
                for (int inj : corpus.injectedIn(minute)) {
                    consider(corpus.injected(inj), -(inj + 1L), key, lo, to, query, hits, counts, seen);
                }
            }
            hits.sort(Comparator.comparingLong((long[] h) -> h[0]).reversed());
            long[] refs = new long[hits.size()];
            long[] times = new long[hits.size()];
            for (int i = 0; i < refs.length; i++) {
                times[i] = hits.get(i)[0];
                refs[i] = hits.get(i)[1];
            }
            List<String> errors = new ArrayList<>();
            for (String f : query.countBy()) {
                if (refs.length > 0 && !seen.contains(f)) {
                    errors.add("Field " + f + " not found, please check the spelling and try again.");
                }
            }
            List<Map<String, String>> records = new ArrayList<>();
            if (query.aggregate() && errors.isEmpty()) {
                counts.entrySet().stream().sorted(Map.Entry.<List<String>, Long>comparingByValue().reversed()).forEach(e -> {
                    Map<String, String> r = new LinkedHashMap<>();
                    for (int i = 0; i < query.countBy().size(); i++) {
                        r.put(query.countBy().get(i), e.getKey().get(i));
                    }
                    r.put("_count", String.valueOf(e.getValue()));
                    records.add(r);
                });
            }
            return new JobIndex(corpus, refs, times, query, records, errors, warnings);
        }

        private static void consider(Map<String, String> m, long ref, String key, long from, long to, SumoQuery query,
                List<long[]> hits, Map<List<String>, Long> counts, Set<String> seen) {
            long t = Long.parseLong(m.get(key));
            if (t < from || t > to || !query.matches(m)) {
                return;
            }
            hits.add(new long[] {t, ref});
            if (query.aggregate()) {
                List<String> k = new ArrayList<>();
                for (String f : query.countBy()) {
                    String v = m.get(f);
                    if (v != null) {
                        seen.add(f);
                    }
                    k.add(v == null ? "" : v);
                }
                counts.merge(k, 1L, Long::sum);
            }
        }

        int size() {
            return refs.length;
        }

        /** The i-th message's time (message or receipt time, whichever the job searches by), newest first. */
        long time(int i) {
            return times[i];
        }

        boolean aggregate() {
            return query.aggregate();
        }

        List<String> countBy() {
            return query.countBy();
        }

        List<Map<String, String>> records() {
            return records;
        }

        List<String> errors() {
            return errors;
        }

        List<String> warnings() {
            return warnings;
        }

        Map<String, String> message(int i) {
            long ref = refs[i];
            if (ref < 0) {
                return corpus.injected((int) (-ref - 1));
            }
            return corpus.minute(Math.floorDiv(ref, 64)).get(Math.floorMod(ref, 64));
        }
    }

    // ---- errors --------------------------------------------------------------------------------

    /** Sumo's error shape: {@code {"status","id","code","message"}}. */
    static Reply error(int status, String code, String message) {
        Random r = new Random(System.nanoTime());
        String id = String.format("%s-%s-%s", word(r), word(r), word(r));
        return Reply.json(status, F.objectNode().put("status", status).put("id", id).put("code", code).put("message", message));
    }

    private static String word(Random r) {
        String a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            sb.append(a.charAt(r.nextInt(a.length())));
        }
        return sb.toString();
    }
}
