package dev.tcli.sandbox.pagerduty;

import dev.tcli.sandbox.Seed;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The practice team both on-call emulators (PagerDuty and Splunk On-Call) are seeded with: the
 * people running the Habitat Builder services, their weekly primary/secondary rotation, and
 * sixty days of incident history. Provider-neutral, so both emulators tell the same story.
 */
public final class HabitatTeam {

    /** One teammate. {@code pdId} is the PagerDuty id, {@code username} the Splunk On-Call one. */
    public record Member(String pdId, String username, String name, String email, String timeZone) {
    }

    /** One Builder service. */
    public record Service(String pdId, String name, String description, String routingKey) {
    }

    /** A past or open incident, before either emulator gives it its shape. */
    public record PastIncident(int number, String title, Service service, String urgency, Instant createdAt,
            Member assignee, Instant ackAt, Member ackBy, Instant resolvedAt, Member resolvedBy, Member escalatedTo,
            Member reassignedTo, List<Note> notes) {
        public String status() {
            return resolvedAt != null ? "resolved" : ackAt != null ? "acknowledged" : "triggered";
        }
    }

    /** A note someone left on an incident. */
    public record Note(Instant at, Member by, String text) {
    }

    public static final ZoneId TEAM_ZONE = ZoneId.of("America/Los_Angeles");
    public static final String TEAM_NAME = "Habitat Builder";
    public static final String TEAM_SLUG = "team-habitat-builder";
    public static final String TEAM_PD_ID = "PTBLDR1";
    public static final String POLICY_NAME = "Builder Escalation";
    public static final String POLICY_PD_ID = "PEPBLD1";
    public static final String POLICY_SLUG = "pol-builder-escalation";
    public static final String PRIMARY_PD_ID = "PSPRIM1";
    public static final String SECONDARY_PD_ID = "PSSECN1";
    public static final String PRIMARY_NAME = "Builder Primary";
    public static final String SECONDARY_NAME = "Builder Secondary";
    public static final int FIRST_NUMBER = 1042;

    /** The sandbox's own user ("me"): first in the rota, on call as primary this week. */
    public static final List<Member> MEMBERS = List.of(
            new Member("PDANA01", "dwhitfield", "Dana Whitfield", "dana.whitfield@example.com", "America/Los_Angeles"),
            new Member("PALEX02", "achen", "Alex Chen", "alex.chen@example.com", "America/Los_Angeles"),
            new Member("PPRIY03", "pnatarajan", "Priya Natarajan", "priya.natarajan@example.com", "Europe/London"),
            new Member("PMARC04", "mjohnson", "Marcus Johnson", "marcus.johnson@example.com", "America/New_York"),
            new Member("PSOFI05", "slindqvist", "Sofia Lindqvist", "sofia.lindqvist@example.com", "Europe/Stockholm"),
            new Member("PKENJ06", "kwatanabe", "Kenji Watanabe", "kenji.watanabe@example.com", "Asia/Tokyo"));

    public static final Member ME = MEMBERS.get(0);

    public static final List<Service> SERVICES = List.of(
            new Service("PSVAPI1", "builder-api", "Builder API (live-builder-api-*)", "R0BUILDERAPI00000000000000000001"),
            new Service("PSVJOB2", "builder-jobsrv", "Builder job server", "R0BUILDERJOBSRV00000000000000002"),
            new Service("PSVWRK3", "builder-worker", "Builder build workers", "R0BUILDERWORKER00000000000000003"),
            new Service("PSVDEP4", "depot", "Package depot (bldr.habitat.sh)", "R0DEPOT0000000000000000000000004"));

    private static final String[][] TITLES = {
        {"builder-api: 5xx rate above 5%% on live-builder-api-%d", "builder-api: p99 latency above 2s", "builder-api: health check failing on live-builder-api-%d",
            "builder-api: memcached connection errors", "builder-api: OAuth callback errors from GitHub"},
        {"builder-jobsrv: job dispatch latency above 10m", "builder-jobsrv: datastore connection pool exhausted", "builder-jobsrv: scheduler stalled",
            "builder-jobsrv: migration lock held for 15m"},
        {"builder-worker: build queue depth above 200", "builder-worker: live-builder-worker-%d disk 90%% full", "builder-worker: studio creation failures",
            "builder-worker: worker heartbeat lost on live-builder-worker-%d"},
        {"depot: S3 upload errors", "depot: package download 5xx above 1%%", "depot: disk usage 91%% on live-depot-%d", "depot: CDN origin timeouts"}};

    private static final String[] NOTES = {
        "Restarted builder-api on the affected node; error rate recovering.",
        "Looks like the GitHub API is degraded, nothing on our side.",
        "Rolled back to the previous release channel.",
        "Cleared the docker cache on the worker, disk back to 40%.",
        "Datastore failover finished; watching replication lag.",
        "False alarm: threshold too tight after the last deploy.",
        "Scaled the worker pool from 4 to 6.",
        "Opened a ticket with AWS about the S3 errors."};

    private HabitatTeam() {
    }

    /** The first Monday 09:00 (team zone) of the rotation: chosen so "me" is primary in the week of {@code now}. */
    public static Instant rotationStart(Instant now) {
        ZonedDateTime z = now.atZone(TEAM_ZONE);
        ZonedDateTime monday = z.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).with(LocalTime.of(9, 0));
        if (monday.isAfter(z)) {
            monday = monday.minusWeeks(1);
        }
        return monday.minusWeeks(MEMBERS.size() * 2L).toInstant();
    }

    /** Who a rotation puts on call at {@code t}: level 1 (primary) or 2 (secondary, one ahead in the rota). */
    public static Member onCall(Instant rotationStart, int level, Instant t) {
        long weeks = weeksSince(rotationStart, t);
        int idx = Math.floorMod(weeks + (level == 1 ? 0 : 1), MEMBERS.size());
        return MEMBERS.get(idx);
    }

    /** The start of the shift containing {@code t}. */
    public static Instant shiftStart(Instant rotationStart, Instant t) {
        ZonedDateTime s = rotationStart.atZone(TEAM_ZONE);
        long weeks = weeksSince(rotationStart, t);
        return s.plusWeeks(weeks).toInstant();
    }

    /** Whole weeks of local (wall-clock) time: a shift is Monday 09:00 to Monday 09:00 across DST changes. */
    private static long weeksSince(Instant rotationStart, Instant t) {
        ZonedDateTime s = rotationStart.atZone(TEAM_ZONE);
        ZonedDateTime z = t.atZone(TEAM_ZONE);
        long w = ChronoUnit.WEEKS.between(s, z);
        return z.isBefore(s.plusWeeks(w)) ? w - 1 : w;
    }

    public static Instant shiftEnd(Instant rotationStart, Instant t) {
        return shiftStart(rotationStart, t).atZone(TEAM_ZONE).plusWeeks(1).toInstant();
    }

    public static Member member(String pdIdOrUsernameOrEmail) {
        for (Member m : MEMBERS) {
            if (m.pdId().equals(pdIdOrUsernameOrEmail) || m.username().equals(pdIdOrUsernameOrEmail)
                    || m.email().equalsIgnoreCase(pdIdOrUsernameOrEmail)) {
                return m;
            }
        }
        return null;
    }

    /** ~200 resolved incidents over the last 60 days, then three open ones (two triggered for "me", one acknowledged). */
    public static List<PastIncident> history(Seed seed) {
        Random r = seed.random("habitat-oncall-history");
        Instant now = seed.now();
        Instant rot = rotationStart(now);
        List<Instant> times = new ArrayList<>();
        Instant from = now.minus(Duration.ofDays(60));
        for (int i = 0; i < 200; i++) {
            ZonedDateTime day = from.plus(Duration.ofMinutes((long) (r.nextDouble() * Duration.ofDays(59).toMinutes())))
                    .atZone(TEAM_ZONE).truncatedTo(ChronoUnit.DAYS);
            // two thirds in working hours (deploys, traffic), a third after hours and at night
            int hour = r.nextInt(3) < 2 ? 9 + r.nextInt(9) : (r.nextBoolean() ? 18 + r.nextInt(6) : r.nextInt(8));
            times.add(day.plusHours(hour).plusMinutes(r.nextInt(60)).plusSeconds(r.nextInt(60)).toInstant());
        }
        times.sort(null);
        List<PastIncident> out = new ArrayList<>();
        int number = FIRST_NUMBER;
        for (Instant t : times) {
            int s = pickService(r);
            Service svc = SERVICES.get(s);
            String title = String.format(TITLES[s][r.nextInt(TITLES[s].length)], r.nextInt(3));
            String urgency = r.nextInt(4) == 0 ? "low" : "high";
            Member primary = onCall(rot, 1, t);
            Member secondary = onCall(rot, 2, t);
            boolean escalated = r.nextInt(8) == 0;
            Member acker = escalated ? secondary : primary;
            Instant ack = t.plus(Duration.ofSeconds(escalated ? 30 * 60 + 60 + r.nextInt(600) : 40 + r.nextInt(escalated ? 600 : 900)));
            Member reassigned = !escalated && r.nextInt(12) == 0 ? MEMBERS.get(r.nextInt(MEMBERS.size())) : null;
            if (reassigned == primary) {
                reassigned = null;
            }
            Member resolver = reassigned != null ? reassigned : acker;
            Instant resolved = ack.plus(Duration.ofMinutes(5 + r.nextInt(r.nextInt(5) == 0 ? 300 : 60)));
            List<Note> notes = new ArrayList<>();
            if (r.nextInt(3) == 0) {
                notes.add(new Note(ack.plus(Duration.ofMinutes(2 + r.nextInt(10))), acker, NOTES[r.nextInt(NOTES.length)]));
            }
            out.add(new PastIncident(number++, title, svc, urgency, t, primary, ack, acker, resolved, resolver,
                    escalated ? secondary : null, reassigned, notes));
        }
        Member me = ME;
        Member alex = MEMBERS.get(1);
        out.add(new PastIncident(number++, "depot: disk usage 91% on live-depot-0", SERVICES.get(3), "low",
                now.minus(Duration.ofMinutes(52)), alex, now.minus(Duration.ofMinutes(47)), alex, null, null, null, null,
                List.of(new Note(now.minus(Duration.ofMinutes(40)), alex, "Pruning old package artifacts; will take ~1h."))));
        out.add(new PastIncident(number++, "builder-worker: build queue depth above 200", SERVICES.get(2), "high",
                now.minus(Duration.ofMinutes(18)), me, null, null, null, null, null, null, List.of()));
        out.add(new PastIncident(number, "builder-api: 5xx rate above 5% on live-builder-api-0", SERVICES.get(0), "high",
                now.minus(Duration.ofMinutes(6)), me, null, null, null, null, null, null, List.of()));
        return out;
    }

    private static int pickService(Random r) {
        int x = r.nextInt(10);
        return x < 4 ? 0 : x < 6 ? 1 : x < 9 ? 2 : 3;
    }
}
