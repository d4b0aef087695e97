package dev.tcli.sandbox.sumologic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.sandbox.Seed;
import dev.tcli.sandbox.pagerduty.HabitatTeam;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The sandbox's log messages, generated rather than stored: every minute of the last 30 days up to
 * now has a few messages drawn from a random stream seeded by the sandbox seed and the minute, so
 * the same minute always holds the same messages (after a reset too) and the state file stays
 * small. Traffic is {@code live/api} (builder-api access and app logs), {@code live/worker}
 * (builder-worker and jobsrv) and {@code live/syslog} (every node). Errors burst around every
 * PagerDuty incident of the seed team (the 200 past ones while they were open, the three open ones
 * from a few minutes before they fired until an hour after the reset), on the incident's service.
 */
final class LogCorpus {
    static final Duration RETENTION = Duration.ofDays(30);
    private static final long MINUTE = 60_000L;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static final String[] API_HOSTS = {"live-builder-api-0", "live-builder-api-1"};
    static final String[] WORKER_HOSTS = {"live-builder-worker-0", "live-builder-worker-1", "live-builder-worker-2"};
    static final String[] ALL_HOSTS = {"live-builder-api-0", "live-builder-api-1", "live-builder-jobsrv-0", "live-builder-worker-0",
        "live-builder-worker-1", "live-builder-worker-2", "live-builder-datastore-0", "live-depot-0"};
    private static final String[] PATHS = {"/v1/depot/channels/core/stable/pkgs/%s/latest", "/v1/depot/pkgs/core/%s",
        "/v1/jobs/group/%d", "/v1/user/origins", "/v1/depot/origins/core/keys/latest", "/v1/status"};
    private static final String[] PKGS = {"openssl", "glibc", "gcc", "redis", "nginx", "postgresql", "hab-launcher", "busybox"};
    private static final String[] SYSLOG = {"systemd[1]: Started Session %d of user ubuntu.", "CRON[%d]: (root) CMD (/usr/local/bin/hab-backup)",
        "kernel: [%d.512] IPv4: martian source from 10.0.1.1", "hab-sup[%d]: builder-api.default(HK): Health check passed",
        "sshd[%d]: Accepted publickey for ubuntu from 10.0.0.5 port 51514 ssh2", "systemd-timesyncd[%d]: Synchronized to time server 169.254.169.123:123."};

    /** One error burst: a service in trouble between two instants. */
    record Burst(long fromMs, long toMs, String service, int node) {
    }

    private final long seedValue;
    private final TreeMap<Long, List<Burst>> burstsByStart = new TreeMap<>();
    private final long oldest;
    private final List<Map<String, String>> injected;
    private final TreeMap<Long, List<Integer>> injectedByMinute = new TreeMap<>();

    LogCorpus(long seedValue, Instant seededAt, JsonNode injectedNode) {
        this.seedValue = seedValue;
        this.oldest = seededAt.minus(RETENTION).toEpochMilli();
        for (HabitatTeam.PastIncident i : HabitatTeam.history(new Seed(seedValue, seededAt))) {
            long from = i.createdAt().toEpochMilli() - 3 * MINUTE;
            long to = i.resolvedAt() != null ? i.resolvedAt().toEpochMilli() : seededAt.toEpochMilli() + 60 * MINUTE;
            int node = i.title().matches(".*-[0-9]$") ? i.title().charAt(i.title().length() - 1) - '0' : 0;
            burstsByStart.computeIfAbsent(from, k -> new ArrayList<>()).add(new Burst(from, to, i.service().name(), node));
        }
        this.injected = new ArrayList<>();
        if (injectedNode != null) {
            int n = 0;
            for (JsonNode m : injectedNode) {
                Map<String, String> map = new LinkedHashMap<>();
                m.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
                injected.add(map);
                long t = Long.parseLong(map.get("_messagetime"));
                injectedByMinute.computeIfAbsent(Math.floorDiv(t, MINUTE), k -> new ArrayList<>()).add(n++);
            }
        }
    }

    /** The oldest minute with messages (retention), as epoch ms. */
    long oldest() {
        return oldest;
    }

    /** An injected message by index. */
    Map<String, String> injected(int index) {
        return injected.get(index);
    }

    /** Indexes of injected messages in a minute. */
    List<Integer> injectedIn(long minute) {
        return injectedByMinute.getOrDefault(minute, List.of());
    }

    /** The generated messages of one minute (epoch minute), newest first; none before retention. */
    List<Map<String, String>> minute(long minute) {
        long start = minute * MINUTE;
        if (start < oldest - MINUTE) {
            return List.of();
        }
        Random r = new Random(seedValue * 1_000_003L + minute);
        int n = 1 + r.nextInt(5);
        List<Burst> bursts = activeBursts(start);
        int extra = 0;
        for (Burst b : bursts) {
            extra += 2 + r.nextInt(6);
        }
        extra = Math.min(extra, 63 - n); // a message's reference keeps its index in six bits
        List<long[]> times = new ArrayList<>();
        for (int i = 0; i < n + extra; i++) {
            times.add(new long[] {start + r.nextInt(60_000), i});
        }
        times.sort((a, b) -> Long.compare(b[0], a[0]));
        List<Map<String, String>> out = new ArrayList<>(times.size());
        int idx = 0;
        for (long[] t : times) {
            Random mr = new Random(seedValue * 7_919L + minute * 64 + t[1]);
            Burst burst = t[1] >= n ? bursts.get(mr.nextInt(bursts.size())) : null;
            out.add(message(minute, idx++, t[0], mr, burst));
        }
        return out;
    }

    private List<Burst> activeBursts(long at) {
        List<Burst> out = new ArrayList<>();
        // incidents last at most a few hours; look back a day of starts
        for (List<Burst> list : burstsByStart.subMap(at - Duration.ofDays(1).toMillis(), true, at + MINUTE, false).values()) {
            for (Burst b : list) {
                if (b.fromMs <= at + MINUTE && b.toMs >= at) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    private Map<String, String> message(long minute, int idx, long time, Random r, Burst burst) {
        String category;
        String host;
        String sourceName;
        String raw;
        String stamp = STAMP.format(Instant.ofEpochMilli(time));
        if (burst != null) {
            switch (burst.service) {
                case "builder-api" -> {
                    category = "live/api";
                    host = API_HOSTS[Math.min(burst.node, API_HOSTS.length - 1)];
                    sourceName = "builder-api";
                    raw = r.nextInt(3) == 0
                            ? stamp + " ERROR builder_api::server: memcached get failed: Connection refused (os error 111)"
                            : stamp + " ERROR builder_api::http: GET " + path(r) + " 503 upstream builder-jobsrv timed out after 30000ms request_id="
                                    + hex(r);
                }
                case "builder-jobsrv" -> {
                    category = "live/worker";
                    host = "live-builder-jobsrv-0";
                    sourceName = "builder-jobsrv";
                    raw = stamp + " ERROR builder_jobsrv::data_store: datastore connection pool exhausted (size 20), job dispatch delayed group="
                            + (1_300_000 + r.nextInt(90_000));
                }
                case "builder-worker" -> {
                    category = "live/worker";
                    host = WORKER_HOSTS[Math.min(burst.node, WORKER_HOSTS.length - 1)];
                    sourceName = "builder-worker";
                    raw = r.nextBoolean()
                            ? stamp + " ERROR builder_worker::runner: studio creation failed for core/" + PKGS[r.nextInt(PKGS.length)]
                                    + ": No space left on device (os error 28)"
                            : stamp + " WARN builder_worker::heartbeat: build queue depth " + (200 + r.nextInt(150)) + ", oldest job waiting "
                                    + (10 + r.nextInt(40)) + "m";
                }
                default -> {
                    category = "live/syslog";
                    host = "live-depot-0";
                    sourceName = "/var/log/syslog";
                    raw = stamp + " live-depot-0 hab-sup[2231]: builder-api.default(O): ERROR: write failed: No space left on device (disk /hab 91% used)";
                }
            }
        } else {
            int c = r.nextInt(10);
            if (c < 5) {
                category = "live/api";
                host = API_HOSTS[r.nextInt(API_HOSTS.length)];
                sourceName = "builder-api";
                int status = r.nextInt(40) == 0 ? 404 : 200;
                raw = stamp + " INFO builder_api::http: GET " + path(r) + " " + status + " " + (3 + r.nextInt(180)) + "ms request_id=" + hex(r);
            } else if (c < 8) {
                category = "live/worker";
                boolean jobsrv = r.nextInt(3) == 0;
                host = jobsrv ? "live-builder-jobsrv-0" : WORKER_HOSTS[r.nextInt(WORKER_HOSTS.length)];
                sourceName = jobsrv ? "builder-jobsrv" : "builder-worker";
                int group = 1_300_000 + r.nextInt(90_000);
                raw = jobsrv ? stamp + " INFO builder_jobsrv::server: dispatched job group=" + group + " to " + WORKER_HOSTS[r.nextInt(3)]
                        : stamp + " INFO builder_worker::runner: build core/" + PKGS[r.nextInt(PKGS.length)] + " group=" + group + " finished in "
                                + (20 + r.nextInt(600)) + "s";
            } else {
                category = "live/syslog";
                host = ALL_HOSTS[r.nextInt(ALL_HOSTS.length)];
                sourceName = "/var/log/syslog";
                raw = stamp + " " + host + " " + String.format(SYSLOG[r.nextInt(SYSLOG.length)], 1000 + r.nextInt(30000));
            }
        }
        // syslog is shipped in batches: now and then it arrives a minute or two late (what --by-receipt-time is for)
        long lag = category.equals("live/syslog") && r.nextInt(8) == 0 ? 60_000 + r.nextInt(60_000) : 200 + r.nextInt(2500);
        return map(minute * 64 + idx, time, time + lag, category, host, sourceName, raw);
    }

    static Map<String, String> map(long id, long time, long receipt, String category, String host, String sourceName, String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("_messageid", String.valueOf(id));
        m.put("_messagetime", String.valueOf(time));
        m.put("_receipttime", String.valueOf(receipt));
        m.put("_sourcecategory", category);
        m.put("_sourcehost", host);
        m.put("_sourcename", sourceName);
        m.put("_source", category.replace('/', '-'));
        m.put("_collector", host);
        m.put("_collectorid", String.valueOf(100_000 + Math.abs(host.hashCode() % 9000)));
        m.put("_sourceid", String.valueOf(200_000 + Math.abs(category.hashCode() % 9000)));
        m.put("_format", "t:cache:o:0:l:24:p:yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
        m.put("_size", String.valueOf(raw.length()));
        m.put("_messagecount", String.valueOf(id % 100_000));
        m.put("_blockid", String.valueOf(-9_223_372_036_854_000_000L + id / 64));
        m.put("_view", "");
        m.put("_raw", raw);
        return m;
    }

    private static String path(Random r) {
        String p = PATHS[r.nextInt(PATHS.length)];
        return p.contains("%d") ? String.format(p, 1_300_000 + r.nextInt(90_000)) : p.contains("%s") ? String.format(p, PKGS[r.nextInt(PKGS.length)]) : p;
    }

    private static String hex(Random r) {
        return Long.toHexString(r.nextLong() & 0xffffffffffffL);
    }
}
