package dev.tcli.oncall;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.oncall.report.Page;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.IncidentHistory;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.Settings;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import dev.tcli.spi.http.ApiClient;
import dev.tcli.spi.http.ApiException;
import dev.tcli.spi.http.ApiPath;
import dev.tcli.spi.http.Pages;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Splunk On-Call (VictorOps) public API (CONTRACTS.md): {@code X-VO-Api-Id}/{@code X-VO-Api-Key},
 * incident numbers as strings, ack/resolve by {@code userName} + {@code incidentNames} with a
 * per-incident {@code cmdAccepted}, reroute for reassign and responders, take on-call for
 * override. It has no notes, snooze, escalate-to-level or scheduled overrides in the public API
 * (0.0.2): those verbs say so.
 */
final class VictorOpsProvider implements OncallProvider {
    private static final String NAME = "Splunk On-Call";
    private static final int PAGE = 100;
    private final ModuleContext ctx;
    private ApiClient api;
    private Map<String, Person> people;

    VictorOpsProvider(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "victorops";
    }

    private Settings settings() {
        return ctx.settings("victorops");
    }

    ApiClient api() {
        if (api == null) {
            String id = settings().require("api_id");
            String key = ctx.secret("victorops", "api_key");
            api = ctx.http().api("victorops").baseUrl(settings().string("base_url", "https://api.victorops.com"))
                    .header("X-VO-Api-Id", id).header("X-VO-Api-Key", key, true)
                    .rateLimitedWhen(VictorOpsProvider::rateLimited).build();
        }
        return api;
    }

    private static final java.util.regex.Pattern RATE_LIMIT =
            java.util.regex.Pattern.compile("(?i)rate.?limit|too many requests|throttl|limit exceeded");

    /**
     * Splunk On-Call answers 403, not 429, over its rate limit (CONTRACTS.md). A 403 whose message
     * says so is retried and, if it persists, is exit 6; any other 403 is refused credentials, exit 4.
     */
    static boolean rateLimited(int status, String body) {
        return status == 403 && body != null && RATE_LIMIT.matcher(body).find();
    }

    // ---- people --------------------------------------------------------------------------------

    private Map<String, Person> people() {
        if (people == null) {
            people = new LinkedHashMap<>();
            for (JsonNode u : api().get("/api-public/v1/user").path("users")) {
                String name = u.hasNonNull("displayName") ? u.path("displayName").asText()
                        : (u.path("firstName").asText() + " " + u.path("lastName").asText()).trim();
                people.put(u.path("username").asText(), new Person(u.path("username").asText(), name, u.path("email").asText(null)));
            }
        }
        return people;
    }

    @Override
    public Person me() {
        String username = settings().string("username").orElseThrow(() -> TcliException.config(
                "Splunk On-Call needs your username to act as you: set username = \"jdoe\" in [profiles." + ctx.profile() + ".victorops]"));
        Person p = people().get(username);
        if (p == null) {
            throw TcliException.config("no Splunk On-Call user '" + username + "' (" + settings().where("username") + "); fix username");
        }
        return p;
    }

    @Override
    public Person person(String who) {
        if (who.equalsIgnoreCase("me")) {
            return me();
        }
        for (Person p : people().values()) {
            if (p.id().equals(who) || who.equalsIgnoreCase(p.email()) || who.equalsIgnoreCase(p.name())) {
                return p;
            }
        }
        throw TcliException.notFound("no Splunk On-Call user matches '" + who + "'; use a username, an email or a full name");
    }

    private String display(String username) {
        Person p = people().get(username);
        return p == null ? username : p.name();
    }

    // ---- incidents -----------------------------------------------------------------------------

    private Incident incident(JsonNode i) {
        String number = i.path("incidentNumber").asText();
        List<String> assignees = new ArrayList<>();
        String phase = i.path("currentPhase").asText();
        if (phase.equals("ACKED") && i.hasNonNull("ackUser") && i.path("ackUser").isTextual()) {
            assignees.add(display(i.path("ackUser").asText()));
        } else {
            i.path("pagedUsers").forEach(u -> assignees.add(display(u.asText())));
        }
        String title = i.hasNonNull("entityDisplayName") ? i.path("entityDisplayName").asText() : i.path("entityId").asText();
        String state = i.path("entityState").asText("CRITICAL");
        String url = "https://portal.victorops.com/ui/" + settings().string("org", "habitat") + "/incident/" + number + "/details";
        return new Incident(number, number, title, status(phase), state.equals("CRITICAL") ? "high" : "low",
                i.path("service").asText(null), assignees, Times.utc(parse(i.path("startTime").asText())), url);
    }

    private static String status(String phase) {
        return switch (phase.toUpperCase(Locale.ROOT)) {
            case "UNACKED", "TRIGGERED" -> "triggered";
            case "ACKED", "ACKNOWLEDGED" -> "acknowledged";
            default -> "resolved";
        };
    }

    private static Instant parse(String t) {
        return OffsetDateTime.parse(t).toInstant();
    }

    private List<JsonNode> active() {
        List<JsonNode> out = new ArrayList<>();
        ApiException.array(api().get("/api-public/v1/incidents"), "incidents", "Splunk On-Call", "GET /api-public/v1/incidents").forEach(out::add);
        return out;
    }

    @Override
    public Iterable<Incident> incidents(IncidentQuery q) {
        List<String> statuses = q.statuses().isEmpty() ? List.of("triggered", "acknowledged", "resolved") : q.statuses();
        String me = q.mine() ? me().name() : null;
        if (q.team() != null && !q.team().equalsIgnoreCase(settings().string("team", "")) && !teamExists(q.team())) {
            throw TcliException.notFound("no Splunk On-Call team '" + q.team() + "'");
        }
        java.util.function.Predicate<Incident> keep = i -> statuses.contains(i.status())
                && (q.service() == null || q.service().equals(i.service()))
                && (q.urgency() == null || q.urgency().equals(i.urgency()))
                && (me == null || i.assignees().contains(me))
                && (q.since() == null || !Instant.parse(i.createdAt()).isBefore(q.since()))
                && (q.until() == null || Instant.parse(i.createdAt()).isBefore(q.until()));
        boolean history = statuses.contains("resolved") || q.since() != null || q.until() != null;
        if (!history) {
            // open incidents: one call, a handful of rows
            List<Incident> out = new ArrayList<>();
            for (JsonNode i : active()) {
                Incident inc = incident(i);
                if (keep.test(inc)) {
                    out.add(inc);
                }
            }
            out.sort(Comparator.comparing(Incident::createdAt));
            return out;
        }
        return new MappedIterable<>(history(statuses, q), this::incident, keep);
    }

    /**
     * The reporting API has every phase and pages by offset (limit at most 100): streamed page by
     * page, in the service's order, so memory stays one page whatever the window.
     */
    private Iterable<JsonNode> history(List<String> statuses, IncidentQuery q) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("currentPhase", String.join(",", statuses));
        if (q.since() != null) {
            p.put("startedAfter", Times.utc(q.since().minusMillis(1)));
        }
        if (q.until() != null) {
            p.put("startedBefore", Times.utc(q.until()));
        }
        if (q.service() != null) {
            p.put("service", q.service());
        }
        return Pages.byOffset(offset -> {
            Map<String, Object> page = new LinkedHashMap<>(p);
            page.put("offset", offset);
            page.put("limit", PAGE);
            JsonNode reply = api().get("/api-reporting/v2/incidents", page);
            JsonNode items = reply.path("incidents");
            if (!items.isArray()) {
                throw TcliException.unavailable("Splunk On-Call answered GET /api-reporting/v2/incidents without an incidents list", null);
            }
            List<JsonNode> list = new ArrayList<>();
            items.forEach(list::add);
            return new Pages.Page(list, list.size() == PAGE && offset + list.size() < reply.path("total").asInt(Integer.MAX_VALUE));
        });
    }

    /** The reporting API already carries ack and end times: no call per incident (the public API allows 60 a minute). */
    @Override
    public Iterable<Page> pages(IncidentQuery q) {
        if (q.team() != null && !q.team().equalsIgnoreCase(settings().string("team", "")) && !teamExists(q.team())) {
            throw TcliException.notFound("no Splunk On-Call team '" + q.team() + "'");
        }
        return new MappedIterable<>(history(List.of("triggered", "acknowledged", "resolved"), q), i -> {
            Incident inc = incident(i);
            Instant ack = i.hasNonNull("ackTime") ? parse(i.path("ackTime").asText()) : null;
            Instant end = "RESOLVED".equals(i.path("currentPhase").asText()) && i.hasNonNull("endTime") ? parse(i.path("endTime").asText()) : null;
            String by = i.hasNonNull("ackUserId") ? display(i.path("ackUserId").asText()) : inc.assignees().isEmpty() ? null : inc.assignees().get(0);
            return new Page(inc.id(), inc.service() == null ? "?" : inc.service(), inc.urgency(), Instant.parse(inc.createdAt()), ack, end, by);
        }, page -> !page.triggeredAt().isBefore(q.since()) && (q.until() == null || page.triggeredAt().isBefore(q.until())));
    }

    private boolean teamExists(String team) {
        for (JsonNode t : api().get("/api-public/v1/team")) {
            if (t.path("slug").asText().equals(team) || t.path("name").asText().equalsIgnoreCase(team)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode raw(String ref) {
        String number = ref.startsWith("#") ? ref.substring(1) : ref;
        if (!number.matches("\\d{1,12}")) {
            throw TcliException.notFound("no Splunk On-Call incident '" + ref + "': incidents are numbers like 1042");
        }
        for (JsonNode i : active()) {
            if (i.path("incidentNumber").asText().equals(number)) {
                return i;
            }
        }
        JsonNode hist = api().get("/api-reporting/v2/incidents", Map.of("incidentNumber", number,
                "currentPhase", "triggered,acknowledged,resolved", "limit", 1)).path("incidents");
        if (hist.size() == 0) {
            throw TcliException.notFound("no Splunk On-Call incident '" + ref + "'; list them with 'tcli oncall incidents'");
        }
        return hist.get(0);
    }

    @Override
    public Incident incident(String ref) {
        return incident(raw(ref));
    }

    @Override
    public List<LogEntry> log(Incident incident) {
        JsonNode i = raw(incident.id());
        List<LogEntry> out = new ArrayList<>();
        for (JsonNode t : i.path("transitions")) {
            String name = t.path("name").asText();
            String who = t.hasNonNull("by") ? display(t.path("by").asText()) : "Splunk On-Call";
            String type = name.equals("chat") ? "note" : kind(name);
            String text = t.hasNonNull("message") ? t.path("message").asText() : name + (t.hasNonNull("by") ? " by " + who : "");
            out.add(new LogEntry(Times.utc(parse(t.path("at").asText())), type, who, text));
        }
        if (out.isEmpty()) {
            out.add(new LogEntry(incident.createdAt(), "trigger", "Splunk On-Call", "triggered"));
        }
        return out;
    }

    /** A transition's name as PagerDuty's log entry kind. */
    private static String kind(String transition) {
        return switch (transition) {
            case "triggered" -> "trigger";
            case "acknowledged" -> "acknowledge";
            case "resolved" -> "resolve";
            case "chat" -> "annotate";
            case "rerouted" -> "assign";
            default -> transition;
        };
    }

    /**
     * The incident from the current list (which carries {@code transitions}) or else the reporting
     * API, and its timeline from the transitions in PagerDuty's log entry kinds. An answer without
     * transitions gives its start, ack and end times instead.
     */
    @Override
    public IncidentHistory.Incident record(String ref) {
        JsonNode raw = raw(ref);
        String number = raw.path("incidentNumber").asText();
        String status = status(raw.path("currentPhase").asText());
        boolean resolved = "resolved".equals(status);
        return new IncidentHistory.Incident(NAME, number, number,
                raw.hasNonNull("entityDisplayName") ? raw.path("entityDisplayName").asText() : raw.path("entityId").asText(), null,
                status, "CRITICAL".equals(raw.path("entityState").asText("CRITICAL")) ? "high" : "low", List.of(raw.path("service").asText("?")),
                "https://portal.victorops.com/ui/" + settings().string("org", "habitat") + "/incident/" + number + "/details",
                time(raw.path("startTime").asText(null)), resolved ? time(raw.path("endTime").asText(null)) : null, logDetail(raw, resolved));
    }

    private List<IncidentHistory.Entry> logDetail(JsonNode raw, boolean resolved) {
        List<IncidentHistory.Entry> out = new ArrayList<>();
        int k = 0;
        if (raw.path("transitions").isArray() && raw.path("transitions").size() > 0) {
            for (JsonNode t : raw.path("transitions")) {
                Instant at = time(t.path("at").asText(null));
                if (at == null) {
                    continue;
                }
                String name = t.path("name").asText();
                String kind = kind(name);
                String by = t.hasNonNull("by") ? displayName(t.path("by").asText()) : null;
                String summary = switch (kind) {
                    case "trigger" -> "Triggered";
                    case "acknowledge" -> "Acknowledged by " + by;
                    case "resolve" -> "Resolved by " + (by != null ? by : NAME);
                    case "annotate" -> "Note added by " + by;
                    case "assign" -> "Rerouted by " + by + (t.hasNonNull("message") ? " to " + t.path("message").asText() : "");
                    default -> name + (by != null ? " by " + by : "");
                };
                String note = kind.equals("annotate") ? t.path("message").asText(null) : null;
                out.add(new IncidentHistory.Entry("T" + k++, at, kind, by != null ? by : NAME, by != null, null, note, summary));
            }
        } else {
            Instant start = time(raw.path("startTime").asText(null));
            if (start != null) {
                out.add(new IncidentHistory.Entry("T" + k++, start, "trigger", NAME, false, null, null, "Triggered"));
            }
            Instant ack = time(raw.path("ackTime").asText(null));
            if (ack != null) {
                String by = raw.hasNonNull("ackUserId") ? displayName(raw.path("ackUserId").asText()) : null;
                out.add(new IncidentHistory.Entry("T" + k++, ack, "acknowledge", by, by != null, null, null,
                        "Acknowledged" + (by != null ? " by " + by : "")));
            }
            Instant end = time(raw.path("endTime").asText(null));
            if (end != null && resolved) {
                out.add(new IncidentHistory.Entry("T" + k, end, "resolve", null, false, null, null, "Resolved"));
            }
        }
        out.sort(null);
        return out;
    }

    /** The display name, or the username when the user has no name at all. */
    private String displayName(String username) {
        String name = display(username);
        return name.isBlank() ? username : name;
    }

    /** Lenient, unlike {@link #parse}: a missing or unreadable time is null. */
    private static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---- mutations -----------------------------------------------------------------------------

    @Override
    public List<ActionResult> ack(List<Incident> incidents) {
        return command("/api-public/v1/incidents/ack", incidents, null, "acknowledged");
    }

    @Override
    public List<ActionResult> resolve(List<Incident> incidents, String note) {
        return command("/api-public/v1/incidents/resolve", incidents, note, "resolved");
    }

    /** PATCH ack/resolve: every incident gets its own {@code cmdAccepted}, so partial success is normal. */
    private List<ActionResult> command(String path, List<Incident> incidents, String message, String outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userName", me().id());
        body.put("incidentNames", incidents.stream().map(Incident::number).toList());
        body.put("message", message != null ? message : outcome + " with tcli");
        JsonNode reply = api().send("PATCH", path, null, body, Map.of());
        if (ctx.flags().dryRun()) {
            return List.of();
        }
        Map<String, JsonNode> byNumber = new HashMap<>();
        reply.path("results").forEach(r -> byNumber.put(r.path("incidentNumber").asText(), r));
        List<ActionResult> out = new ArrayList<>();
        for (Incident i : incidents) {
            JsonNode r = byNumber.get(i.number());
            if (r != null && r.path("cmdAccepted").asBoolean(false)) {
                out.add(ActionResult.of(i, outcome, null));
            } else {
                out.add(ActionResult.of(i, "failed", r == null ? "Splunk On-Call did not answer for it" : r.path("message").asText("refused")));
            }
        }
        return out;
    }

    private ActionResult reroute(Incident incident, List<Map<String, String>> targets, String outcome) {
        Map<String, Object> body = Map.of("userName", me().id(),
                "reroutes", List.of(Map.of("incidentNumber", incident.number(), "targets", targets)));
        JsonNode reply = api().send("POST", "/api-public/v1/incidents/reroute", null, body, Map.of());
        if (ctx.flags().dryRun()) {
            return null;
        }
        JsonNode st = reply.path("statuses").path(0);
        if (!st.path("success").asBoolean(false)) {
            List<String> why = new ArrayList<>();
            st.path("targetStatus").forEach(t -> {
                if (!t.path("success").asBoolean()) {
                    why.add(t.path("slug").asText() + ": " + t.path("message").asText());
                }
            });
            return ActionResult.of(incident, "failed", st.path("message").asText("reroute refused")
                    + (why.isEmpty() ? "" : " (" + String.join("; ", why) + ")"));
        }
        return ActionResult.of(incident, outcome, String.join(", ", targets.stream().map(t -> t.get("slug")).toList()));
    }

    @Override
    public ActionResult reassign(Incident incident, Person person, String policy) {
        Map<String, String> target = person != null ? Map.of("type", "User", "slug", person.id())
                : Map.of("type", "EscalationPolicy", "slug", policySlug(policy));
        return reroute(incident, List.of(target), "reassigned");
    }

    private String policySlug(String policy) {
        JsonNode cur = api().get("/api-public/v1/oncall/current");
        for (JsonNode team : ApiException.array(cur, "teamsOnCall", "Splunk On-Call", "GET /api-public/v1/oncall/current")) {
            for (JsonNode n : team.path("onCallNow")) {
                JsonNode ep = n.path("escalationPolicy");
                if (ep.path("slug").asText().equals(policy) || ep.path("name").asText().equalsIgnoreCase(policy)) {
                    return ep.path("slug").asText();
                }
            }
        }
        throw TcliException.notFound("no Splunk On-Call escalation policy '" + policy + "'");
    }

    @Override
    public ActionResult note(Incident incident, String text) {
        throw OncallProvider.unsupported(NAME, "incident notes", "add the note in the incident's timeline in the web UI, "
                + "or pass it as the message of 'tcli oncall resolve ID --note TEXT'");
    }

    @Override
    public ActionResult snooze(Incident incident, Duration duration) {
        throw OncallProvider.unsupported(NAME, "snooze", "acknowledge the incident instead");
    }

    @Override
    public ActionResult addResponders(Incident incident, List<Person> people, String message) {
        List<Map<String, String>> targets = new ArrayList<>();
        for (Person p : people) {
            targets.add(Map.of("type", "User", "slug", p.id()));
        }
        return reroute(incident, targets, "responders_requested");
    }

    @Override
    public ActionResult escalate(Incident incident, int level) {
        throw OncallProvider.unsupported(NAME, "escalate-to-level", "reroute it to the next policy: tcli oncall reassign "
                + incident.number() + " --policy \"<policy>\"");
    }

    // ---- schedules -----------------------------------------------------------------------------

    private String team() {
        return settings().string("team").orElseGet(() -> {
            JsonNode teams = api().get("/api-public/v1/team");
            if (teams.size() == 0) {
                throw TcliException.config("no Splunk On-Call team found; set team = \"slug\" in [profiles." + ctx.profile() + ".victorops]");
            }
            return teams.get(0).path("slug").asText();
        });
    }

    @Override
    public List<OnCallLevel> whoIsOnCall(String schedule, String policy, Instant at) {
        String filter = schedule != null ? schedule : policy;
        String asOf = Times.utc(ctx.clock().instant());
        List<OnCallLevel> out = new ArrayList<>();
        if (at == null) {
            Map<String, String> ends = currentShiftEnds();
            for (JsonNode team : ApiException.array(api().get("/api-public/v1/oncall/current"), "teamsOnCall", "Splunk On-Call", "GET /api-public/v1/oncall/current")) {
                int level = 0;
                for (JsonNode n : team.path("onCallNow")) {
                    level++;
                    JsonNode ep = n.path("escalationPolicy");
                    if (filter != null && !matches(ep, filter)) {
                        continue;
                    }
                    for (JsonNode u : n.path("users")) {
                        String username = u.path("onCallUser").path("username").asText();
                        Person p = people().get(username);
                        out.add(new OnCallLevel(level, ep.path("name").asText(), ep.path("name").asText(), p == null ? username : p.name(),
                                p == null ? null : p.email(), null, ends.get(ep.path("slug").asText() + "/" + username), false, asOf));
                    }
                }
            }
        } else {
            Instant now = ctx.clock().instant();
            // start a day early: the service counts days from its own "now", a moment after ours
            long skip = Math.max(0, Duration.between(now, at).toDays() - 1);
            if (skip > 90) {
                throw TcliException.usage("Splunk On-Call schedules reach at most 90 days ahead");
            }
            int level = 0;
            for (JsonNode ps : teamSchedule(skip, 3).path("schedules")) {
                level++;
                JsonNode ep = ps.path("policy");
                if (filter != null && !matches(ep, filter)) {
                    continue;
                }
                for (JsonNode e : ps.path("schedule")) {
                    for (JsonNode r : e.path("rolls")) {
                        Instant s = parse(r.path("start").asText());
                        Instant end = parse(r.path("end").asText());
                        if (!s.isAfter(at) && end.isAfter(at)) {
                            String username = r.path("onCallUser").path("username").asText();
                            Person p = people().get(username);
                            out.add(new OnCallLevel(level, ep.path("name").asText(), ep.path("name").asText(), p == null ? username : p.name(),
                                    p == null ? null : p.email(), null, Times.format(end, ctx.zone()), false, asOf));
                        }
                    }
                }
            }
        }
        if (filter != null && out.isEmpty()) {
            throw TcliException.notFound("no Splunk On-Call escalation policy '" + filter + "' with anyone on call");
        }
        return out;
    }

    /**
     * When each current shift ends ({@code policySlug/username} to a local time): the current
     * on-call answer has no end times, the team schedule does. Best effort: who is on call
     * matters more than until when, so a failure here leaves the ends empty.
     */
    private Map<String, String> currentShiftEnds() {
        Map<String, String> ends = new HashMap<>();
        Instant now = ctx.clock().instant();
        try {
            for (JsonNode ps : teamSchedule(0, 2).path("schedules")) {
                String slug = ps.path("policy").path("slug").asText();
                for (JsonNode e : ps.path("schedule")) {
                    for (JsonNode r : e.path("rolls")) {
                        Instant s = parse(r.path("start").asText());
                        Instant end = parse(r.path("end").asText());
                        if (!s.isAfter(now) && end.isAfter(now)) {
                            ends.put(slug + "/" + r.path("onCallUser").path("username").asText(), Times.format(end, ctx.zone()));
                        }
                    }
                }
            }
        } catch (TcliException | java.time.format.DateTimeParseException e) {
            return Map.of();
        }
        return ends;
    }

    private static boolean matches(JsonNode ep, String filter) {
        return ep.path("slug").asText().equals(filter) || ep.path("name").asText().equalsIgnoreCase(filter);
    }

    private JsonNode teamSchedule(long skip, long days) {
        return api().get(ApiPath.of("/api-public/v2/team/{}/oncall/schedule", team()), Map.of("daysSkip", skip, "daysForward", Math.min(30, days)));
    }

    @Override
    public List<Shift> shifts(String schedule, Instant from, Instant to) {
        String asOf = Times.utc(ctx.clock().instant());
        List<Shift> out = new ArrayList<>();
        long days = Duration.between(from, to).toDays();
        // daysForward is at most 30: longer ranges take several calls
        for (long skip = 0; skip < days; skip += 30) {
            for (JsonNode ps : teamSchedule(skip, Math.min(30, days - skip)).path("schedules")) {
                JsonNode ep = ps.path("policy");
                if (schedule != null && !matches(ep, schedule)) {
                    continue;
                }
                for (JsonNode e : ps.path("schedule")) {
                    for (JsonNode r : e.path("rolls")) {
                        String username = r.path("onCallUser").path("username").asText();
                        Person p = people().get(username);
                        out.add(new Shift(ep.path("name").asText(), p == null ? username : p.name(), p == null ? null : p.email(),
                                Times.format(parse(r.path("start").asText()), ctx.zone()), Times.format(parse(r.path("end").asText()), ctx.zone()),
                                false, asOf));
                    }
                }
            }
        }
        if (schedule != null && out.isEmpty()) {
            throw TcliException.notFound("no Splunk On-Call schedule (escalation policy) '" + schedule + "'");
        }
        out.sort(Comparator.comparing(Shift::start).thenComparing(Shift::schedule));
        return out;
    }

    /**
     * Take on-call ({@code PATCH /api-public/v1/policies/{policy}/oncall/user}, spec 0.0.2): the
     * person replaces whoever is on call on the policy now, until the policy's next shift change.
     * The API cannot schedule a future window or an end time (0.0.3's overrides API does; not
     * saved here), so a later --start is refused with what to do instead, and --end is a note.
     */
    @Override
    public ActionResult override(String schedule, Person person, Instant start, Instant end) {
        Instant now = ctx.clock().instant();
        if (start.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw OncallProvider.unsupported(NAME, "scheduled overrides in API 0.0.2 (only taking on-call now)",
                    "use --start now to take on-call, or create the override in the web UI (Team > Schedule > Overrides)");
        }
        String slug = null;
        String from = null;
        for (JsonNode team : ApiException.array(api().get("/api-public/v1/oncall/current"), "teamsOnCall", "Splunk On-Call", "GET /api-public/v1/oncall/current")) {
            for (JsonNode n : team.path("onCallNow")) {
                if (slug == null && matches(n.path("escalationPolicy"), schedule)) {
                    slug = n.path("escalationPolicy").path("slug").asText();
                    JsonNode users = n.path("users");
                    from = users.size() > 0 ? users.get(0).path("onCallUser").path("username").asText(null) : null;
                }
            }
        }
        if (slug == null) {
            throw TcliException.notFound("no Splunk On-Call escalation policy '" + schedule + "' with anyone on call; see 'tcli oncall who'");
        }
        if (from == null) {
            throw TcliException.failed("nobody is on call on " + schedule + " right now, so there is no one to take over from");
        }
        if (from.equals(person.id())) {
            return new ActionResult(slug, null, schedule, "already_on_call", person.name() + " is on call on " + schedule + " already");
        }
        JsonNode reply = api().send("PATCH", ApiPath.of("/api-public/v1/policies/{}/oncall/user", slug), null,
                Map.of("fromUser", from, "toUser", person.id()), Map.of());
        if (ctx.flags().dryRun()) {
            return null;
        }
        ctx.out().note("Splunk On-Call hands " + schedule + " to " + person.name() + " until the next shift change, not until --end ("
                + Times.format(end, ctx.zone()) + "); hand it back with: tcli oncall override --schedule \"" + schedule
                + "\" --user " + from + " --start now --end \"in 1h\"");
        return new ActionResult(slug, null, schedule, "overridden", display(from) + " -> " + person.name()
                + (reply.hasNonNull("result") ? " (" + reply.path("result").asText() + ")" : ""));
    }

    static boolean isAuth(ApiException e) {
        return e.exitCode() == ExitCode.AUTH;
    }
}
