package dev.tcli.oncall;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PagerDuty REST API v2 (CONTRACTS.md): {@code Token token=} auth, {@code From} on incident
 * writes, offset paging at most 100 a page and never past offset 10,000 (the window narrows
 * instead), bulk {@code PUT /incidents} for ack and resolve.
 */
final class PagerDutyProvider implements OncallProvider {
    static final String ACCEPT = "application/vnd.pagerduty+json;version=2";
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9]{1,40}");
    private static final int PAGE = 100;
    private static final int MAX_OFFSET = 10_000;
    /** PUT /incidents answers 413 above this. */
    private static final int BULK = 250;

    private final ModuleContext ctx;
    private ApiClient api;
    private Person me;
    private Map<String, String> emails;
    /** Listings already said to be cut at the offset ceiling (once each). */
    private final java.util.Set<String> cut = java.util.concurrent.ConcurrentHashMap.newKeySet();

    PagerDutyProvider(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "pagerduty";
    }

    private Settings settings() {
        return ctx.settings("pagerduty");
    }

    ApiClient api() {
        if (api == null) {
            String token = ctx.secret("pagerduty", "token");
            api = ctx.http().api("pagerduty").baseUrl(settings().string("base_url", "https://api.pagerduty.com"))
                    .header("Authorization", "Token token=" + token, true).header("Accept", ACCEPT).build();
        }
        return api;
    }

    private Map<String, String> from() {
        return Map.of("From", me().email());
    }

    // ---- people --------------------------------------------------------------------------------

    @Override
    public Person me() {
        if (me == null) {
            try {
                me = person(api().get("/users/me").path("user"));
            } catch (ApiException e) {
                if (e.exitCode() == ExitCode.AUTH && e.status() == 401 || e.exitCode() == ExitCode.UNAVAILABLE) {
                    throw e;
                }
                // an account-level token cannot say who "me" is: the configured email does
                String email = settings().string("email").orElseThrow(() -> TcliException.config(
                        "PagerDuty cannot tell who you are with this token (GET /users/me needs a user-level token): set email = \"you@example.com\" in [profiles."
                                + ctx.profile() + ".pagerduty]"));
                JsonNode users = api().get("/users", Map.of("query", email)).path("users");
                for (JsonNode u : users) {
                    if (u.path("email").asText().equalsIgnoreCase(email)) {
                        me = person(u);
                    }
                }
                if (me == null) {
                    throw TcliException.config("no PagerDuty user has the email '" + email + "' (" + settings().where("email")
                            + "); fix email in [profiles." + ctx.profile() + ".pagerduty]");
                }
            }
        }
        return me;
    }

    private static Person person(JsonNode u) {
        return new Person(u.path("id").asText(), u.path("name").asText(u.path("summary").asText()), u.path("email").asText(null));
    }

    @Override
    public Person person(String who) {
        if (who.equalsIgnoreCase("me")) {
            return me();
        }
        if (who.matches("P[A-Z0-9]{6}")) {
            try {
                return person(api().get(ApiPath.of("/users/{}", who)).path("user"));
            } catch (ApiException e) {
                if (e.exitCode() != ExitCode.NOT_FOUND) {
                    throw e;
                }
            }
        }
        List<Person> found = new ArrayList<>();
        for (JsonNode u : api().get("/users", Map.of("query", who, "limit", PAGE)).path("users")) {
            Person p = person(u);
            if (who.equalsIgnoreCase(p.email()) || who.equalsIgnoreCase(p.name())) {
                return p;
            }
            found.add(p);
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw TcliException.notFound("no PagerDuty user matches '" + who + "'; use an email, a full name or a user id (P...)");
        }
        throw TcliException.usage("'" + who + "' matches " + found.size() + " PagerDuty users ("
                + String.join(", ", found.stream().map(p -> p.name() + " <" + p.email() + ">").toList()) + "); use an email");
    }

    /**
     * A user's email from the directory, read once. A secondary lookup: when the directory cannot be
     * read, the answer it decorates (a roster, a schedule) still stands, without emails, and says so once.
     */
    private String email(String userId) {
        if (emails == null) {
            emails = new HashMap<>();
            try {
                for (JsonNode u : Pages.byOffset(o -> page("/users", Map.of(), "users", o))) {
                    emails.put(u.path("id").asText(), u.path("email").asText(null));
                }
            } catch (TcliException e) {
                if (e.exitCode() == ExitCode.INTERRUPTED) {
                    throw e;
                }
                emails.clear();
                ctx.out().note("emails left out: the PagerDuty user directory could not be read ("
                        + e.getMessage() + ")");
            }
        }
        return emails.get(userId);
    }

    // ---- incidents -----------------------------------------------------------------------------

    @Override
    public Iterable<Incident> incidents(IncidentQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (!q.statuses().isEmpty()) {
            params.put("statuses[]", q.statuses());
        }
        if (q.urgency() != null) {
            params.put("urgencies[]", q.urgency());
        }
        if (q.service() != null) {
            params.put("service_ids[]", List.of(lookup("/services", "services", q.service(), "service")));
        }
        if (q.team() != null) {
            params.put("team_ids[]", List.of(lookup("/teams", "teams", q.team(), "team")));
        }
        if (q.mine()) {
            params.put("user_ids[]", List.of(me().id()));
        }
        params.put("sort_by", "created_at:asc");
        int limit = q.limit() > 0 ? Math.min(PAGE, q.limit()) : PAGE;
        Iterable<JsonNode> raw = () -> new Window(params, q.since(), q.until(), limit);
        return () -> {
            Iterator<JsonNode> it = raw.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Incident next() {
                    return incident(it.next());
                }
            };
        };
    }

    /**
     * Offset paging over {@code GET /incidents} that never asks past offset 10,000: when the next
     * page would cross it, the window restarts at the created_at of the last incident seen
     * (skipping the ones at that same instant already returned), as CONTRACTS.md advises.
     */
    private final class Window implements Iterator<JsonNode> {
        private final Map<String, Object> params;
        private Instant since;
        private Instant until;
        private final int limit;
        private int offset;
        private boolean more = true;
        private Iterator<JsonNode> current = List.<JsonNode>of().iterator();
        private JsonNode next;
        private String lastCreated;
        private final Set<String> idsAtLast = new HashSet<>();
        private Set<String> skip = Set.of();
        private String skipAt;

        Window(Map<String, Object> params, Instant since, Instant until, int limit) {
            this.params = params;
            this.since = since;
            this.until = until;
            this.limit = limit;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (current.hasNext()) {
                    JsonNode n = current.next();
                    String created = n.path("created_at").asText();
                    if (created.equals(skipAt) && skip.contains(n.path("id").asText())) {
                        continue;
                    }
                    if (!created.equals(lastCreated)) {
                        lastCreated = created;
                        idsAtLast.clear();
                    }
                    idsAtLast.add(n.path("id").asText());
                    next = n;
                } else if (more) {
                    fetch();
                } else {
                    return false;
                }
            }
            return true;
        }

        private void fetch() {
            if (offset + limit > MAX_OFFSET) {
                Instant from = Instant.parse(lastCreated);
                if (from.equals(since) && skip.containsAll(idsAtLast) && skipAt != null && skipAt.equals(lastCreated)) {
                    throw TcliException.failed("more than 10,000 PagerDuty incidents share the instant " + lastCreated
                            + "; narrow the query with --service or --status");
                }
                if (until == null) {
                    until = ctx.clock().instant().plusSeconds(60);
                }
                since = from;
                skipAt = lastCreated;
                skip = new HashSet<>(idsAtLast);
                offset = 0;
            }
            Map<String, Object> p = new LinkedHashMap<>(params);
            if (since == null && until == null) {
                p.put("date_range", "all");
            } else {
                p.put("since", Times.utc(since != null ? since : Instant.EPOCH));
                p.put("until", Times.utc(until != null ? until : ctx.clock().instant().plusSeconds(60)));
            }
            p.put("limit", limit);
            p.put("offset", offset);
            JsonNode page = api().get("/incidents", p);
            // an empty or shapeless 2xx is exit 6 like every other malformed answer (not 1, not "no incidents")
            JsonNode items = ApiException.array(page, "incidents", "PagerDuty", "GET /incidents");
            List<JsonNode> list = new ArrayList<>();
            items.forEach(list::add);
            offset += list.size();
            more = page.path("more").asBoolean(false) && !list.isEmpty();
            current = list.iterator();
        }

        @Override
        public JsonNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            JsonNode n = next;
            next = null;
            return n;
        }
    }

    static Incident incident(JsonNode i) {
        List<String> assignees = new ArrayList<>();
        i.path("assignments").forEach(a -> assignees.add(a.path("assignee").path("summary").asText()));
        String created = i.path("created_at").asText(null);
        return new Incident(i.path("id").asText(), i.path("incident_number").asText(), i.path("title").asText(),
                i.path("status").asText(), i.path("urgency").asText(null), i.path("service").path("summary").asText(null),
                assignees, created == null ? null : Times.utc(Instant.parse(created.replace("+00:00", "Z"))),
                i.path("html_url").asText(null));
    }

    @Override
    public Incident incident(String ref) {
        return incident(incidentJson(ref));
    }

    private JsonNode incidentJson(String ref) {
        if (!REF.matcher(ref).matches()) {
            throw TcliException.notFound("no PagerDuty incident '" + ref + "': an incident is an id like Q1A2B3C or a number like 1042");
        }
        try {
            return api().get(ApiPath.of("/incidents/{}", ref)).path("incident");
        } catch (ApiException e) {
            if (e.exitCode() == ExitCode.NOT_FOUND) {
                throw TcliException.notFound("no PagerDuty incident '" + ref + "'; list them with 'tcli oncall incidents'");
            }
            throw e;
        }
    }

    /** The incident as PagerDuty answered it, and every log entry, in UTC, oldest first. */
    @Override
    public IncidentHistory.Incident record(String ref) {
        JsonNode n = incidentJson(ref);
        if (!n.isObject()) {
            throw TcliException.unavailable("PagerDuty answered GET /incidents/" + ref + " without an incident object", null);
        }
        List<IncidentHistory.Entry> log = new ArrayList<>();
        String path = ApiPath.of("/incidents/{}/log_entries", n.path("id").asText());
        for (JsonNode e : Pages.byOffset(o -> page(path, Map.of("time_zone", "UTC"), "log_entries", o, true))) {
            IncidentHistory.Entry d = logDetail(e);
            if (d != null) {
                log.add(d);
            }
        }
        log.sort(null);
        JsonNode service = n.path("service").path("summary");
        return new IncidentHistory.Incident("PagerDuty", n.path("id").asText(),
                n.hasNonNull("incident_number") ? n.path("incident_number").asText() : null,
                n.path("title").asText(n.path("summary").asText(null)), n.path("description").asText(n.path("summary").asText(null)),
                n.path("status").asText(null), n.hasNonNull("urgency") ? n.path("urgency").asText() : null,
                service.isMissingNode() || service.isNull() ? List.of() : List.of(service.asText()), n.path("html_url").asText(null),
                offsetTime(n.path("created_at").asText(null)), offsetTime(n.path("resolved_at").asText(null)), log);
    }

    /** Null when missing or unreadable: the incident's own times are only a fallback for the log's. */
    private static Instant offsetTime(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Null when the entry has no readable time. */
    private static IncidentHistory.Entry logDetail(JsonNode e) {
        Instant at;
        try {
            at = Instant.parse(e.path("created_at").asText());
        } catch (DateTimeParseException ex) {
            return null;
        }
        String kind = e.path("type").asText("").replace("_log_entry_reference", "").replace("_log_entry", "");
        String subject = e.path("user").path("summary").asText(null);
        if (subject == null && e.path("assignees").isArray() && !e.path("assignees").isEmpty()) {
            subject = e.path("assignees").get(0).path("summary").asText(null);
        }
        boolean byUser = e.path("agent").path("type").asText("").replace("_reference", "").equals("user");
        return new IncidentHistory.Entry(e.path("id").asText(), at, kind, e.path("agent").path("summary").asText(null),
                byUser, subject, e.path("note").asText(null), e.path("summary").asText(kind));
    }

    @Override
    public List<LogEntry> log(Incident incident) {
        List<LogEntry> out = new ArrayList<>();
        for (JsonNode e : Pages.byOffset(o -> page(ApiPath.of("/incidents/{}/log_entries", incident.id()), Map.of(), "log_entries", o))) {
            String type = e.path("type").asText().replace("_log_entry", "");
            if (type.equals("annotate")) {
                type = "note";
            }
            String text = e.hasNonNull("note") && !e.path("note").asText().isBlank()
                    ? e.path("summary").asText() + ": " + e.path("note").asText() : e.path("summary").asText();
            out.add(new LogEntry(Times.utc(Instant.parse(e.path("created_at").asText())), type, e.path("agent").path("summary").asText(null),
                    text));
        }
        out.sort(Comparator.comparing(LogEntry::at));
        return out;
    }

    private Pages.Page page(String path, Map<String, ?> query, String key, int offset) {
        return page(path, query, key, offset, true);
    }

    /** An answer without the {@code key} list is exit 6, never an empty page (an empty roster is not "nobody on call"). */
    private Pages.Page page(String path, Map<String, ?> query, String key, int offset, boolean strict) {
        Map<String, Object> p = new LinkedHashMap<>(query);
        p.put("limit", PAGE);
        p.put("offset", offset);
        JsonNode page = api().get(path, p);
        ApiException.array(page, key, "PagerDuty", "GET " + path);
        List<JsonNode> items = new ArrayList<>();
        page.path(key).forEach(items::add);
        boolean more = page.path("more").asBoolean(false);
        boolean allowed = offset + 2 * PAGE <= MAX_OFFSET;
        if (more && !allowed && cut.add(path)) {
            // PagerDuty answers no offset past 10,000: say the list is cut rather than end it quietly
            ctx.out().note("PagerDuty lists at most " + String.format("%,d", MAX_OFFSET) + " results per query: GET " + path
                    + " stopped at " + String.format("%,d", offset + items.size()) + "; narrow it (a schedule, a team, a shorter window)");
        }
        return new Pages.Page(items, more && allowed);
    }

    /** An id of a service, team, schedule or policy from its name (or id); exit 5 naming it. */
    private String lookup(String path, String key, String nameOrId, String what) {
        JsonNode items = api().get(path, Map.of("query", nameOrId, "limit", PAGE)).path(key);
        JsonNode hit = null;
        for (JsonNode n : items) {
            String name = n.path("name").asText(n.path("summary").asText());
            if (name.equalsIgnoreCase(nameOrId) || n.path("id").asText().equals(nameOrId)) {
                return n.path("id").asText();
            }
            hit = hit == null ? n : hit;
        }
        if (items.size() == 1) {
            return hit.path("id").asText();
        }
        if (nameOrId.matches("P[A-Z0-9]{6}")) {
            return nameOrId;
        }
        throw TcliException.notFound("no PagerDuty " + what + " named '" + nameOrId + "'"
                + (items.isEmpty() ? "" : " (did you mean " + items.get(0).path("name").asText() + "?)"));
    }

    // ---- mutations -----------------------------------------------------------------------------

    @Override
    public List<ActionResult> ack(List<Incident> incidents) {
        return bulk(incidents, "acknowledged", null);
    }

    @Override
    public List<ActionResult> resolve(List<Incident> incidents, String note) {
        return bulk(incidents, "resolved", note);
    }

    private List<ActionResult> bulk(List<Incident> incidents, String status, String note) {
        List<ActionResult> out = new ArrayList<>();
        for (int k = 0; k < incidents.size(); k += BULK) {
            List<Incident> chunk = incidents.subList(k, Math.min(incidents.size(), k + BULK));
            List<Map<String, Object>> items = new ArrayList<>();
            for (Incident i : chunk) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", i.id());
                item.put("type", "incident_reference");
                item.put("status", status);
                if (note != null) {
                    item.put("resolution", note);
                }
                items.add(item);
            }
            JsonNode reply = api().send("PUT", "/incidents", null, Map.of("incidents", items), from());
            if (ctx.flags().dryRun()) {
                continue;
            }
            Map<String, String> got = new HashMap<>();
            reply.path("incidents").forEach(n -> got.put(n.path("id").asText(), n.path("status").asText()));
            for (Incident i : chunk) {
                String now = got.get(i.id());
                out.add(status.equals(now) ? ActionResult.of(i, status, null)
                        : ActionResult.of(i, "failed", now == null ? "PagerDuty did not return it" : "PagerDuty left it " + now));
            }
        }
        return out;
    }

    @Override
    public ActionResult reassign(Incident incident, Person person, String policy) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("type", "incident_reference");
        if (person != null) {
            change.put("assignments", List.of(Map.of("assignee", Map.of("id", person.id(), "type", "user_reference"))));
        } else {
            String id = lookup("/escalation_policies", "escalation_policies", policy, "escalation policy");
            change.put("escalation_policy", Map.of("id", id, "type", "escalation_policy_reference"));
        }
        JsonNode reply = api().send("PUT", ApiPath.of("/incidents/{}", incident.id()), null, Map.of("incident", change), from());
        if (ctx.flags().dryRun()) {
            return null;
        }
        Incident after = incident(reply.path("incident"));
        return ActionResult.of(after, "reassigned", "now " + String.join(", ", after.assignees()));
    }

    @Override
    public ActionResult note(Incident incident, String text) {
        JsonNode reply = api().send("POST", ApiPath.of("/incidents/{}/notes", incident.id()), null, Map.of("note", Map.of("content", text)), from());
        if (ctx.flags().dryRun()) {
            return null;
        }
        return ActionResult.of(incident, "noted", reply.path("note").path("id").asText(null));
    }

    @Override
    public ActionResult snooze(Incident incident, Duration duration) {
        if (!"acknowledged".equals(incident.status())) {
            return ActionResult.of(incident, "failed", "only an acknowledged incident can be snoozed (it is " + incident.status()
                    + "); ack it first");
        }
        JsonNode reply = api().send("POST", ApiPath.of("/incidents/{}/snooze", incident.id()), null, Map.of("duration", duration.toSeconds()), from());
        if (ctx.flags().dryRun()) {
            return null;
        }
        String until = null;
        for (JsonNode a : reply.path("incident").path("pending_actions")) {
            if (a.path("type").asText().equals("unacknowledge")) {
                until = Times.format(Instant.parse(a.path("at").asText()), ctx.zone());
            }
        }
        return ActionResult.of(incident, "snoozed", until == null ? null : "back to triggered at " + until);
    }

    @Override
    public ActionResult addResponders(Incident incident, List<Person> people, String message) {
        List<Map<String, Object>> targets = new ArrayList<>();
        for (Person p : people) {
            targets.add(Map.of("responder_request_target", Map.of("id", p.id(), "type", "user_reference")));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requester_id", me().id());
        body.put("message", message != null ? message : "Please help with " + incident.label() + ": " + incident.title());
        body.put("responder_request_targets", targets);
        api().send("POST", ApiPath.of("/incidents/{}/responder_requests", incident.id()), null, body, from());
        if (ctx.flags().dryRun()) {
            return null;
        }
        return ActionResult.of(incident, "responders_requested", String.join(", ", people.stream().map(Person::name).toList()));
    }

    @Override
    public ActionResult escalate(Incident incident, int level) {
        JsonNode raw = api().get(ApiPath.of("/incidents/{}", incident.id())).path("incident");
        String policy = raw.path("escalation_policy").path("id").asText();
        int levels = api().get(ApiPath.of("/escalation_policies/{}", policy)).path("escalation_policy").path("escalation_rules").size();
        if (level == 0) {
            Set<String> assignees = new HashSet<>();
            raw.path("assignments").forEach(a -> assignees.add(a.path("assignee").path("id").asText()));
            int current = 1;
            for (JsonNode o : Pages.byOffset(off -> page("/oncalls", Map.of("escalation_policy_ids[]", List.of(policy)), "oncalls", off))) {
                if (assignees.contains(o.path("user").path("id").asText())) {
                    current = Math.max(current, o.path("escalation_level").asInt(1));
                }
            }
            level = current + 1;
        }
        if (level > levels) {
            return ActionResult.of(incident, "failed", "escalation policy " + raw.path("escalation_policy").path("summary").asText()
                    + " has " + levels + " level(s): cannot escalate to level " + level);
        }
        Map<String, Object> change = Map.of("type", "incident_reference", "escalation_level", level);
        JsonNode reply = api().send("PUT", ApiPath.of("/incidents/{}", incident.id()), null, Map.of("incident", change), from());
        if (ctx.flags().dryRun()) {
            return null;
        }
        Incident after = incident(reply.path("incident"));
        return ActionResult.of(after, "escalated", "level " + level + ": " + String.join(", ", after.assignees()));
    }

    // ---- schedules -----------------------------------------------------------------------------

    @Override
    public List<OnCallLevel> whoIsOnCall(String schedule, String policy, Instant at) {
        Map<String, Object> q = new LinkedHashMap<>();
        if (schedule != null) {
            q.put("schedule_ids[]", List.of(lookup("/schedules", "schedules", schedule, "schedule")));
        }
        if (policy != null) {
            q.put("escalation_policy_ids[]", List.of(lookup("/escalation_policies", "escalation_policies", policy, "escalation policy")));
        }
        if (at != null) {
            q.put("since", Times.utc(at));
            q.put("until", Times.utc(at));
        }
        q.put("time_zone", ctx.zone().getId());
        // the users come with the roster: no walk of the whole user directory (GET /users, every page) per who
        q.put("include[]", List.of("users"));
        String asOf = Times.utc(ctx.clock().instant());
        List<OnCallLevel> out = new ArrayList<>();
        for (JsonNode o : Pages.byOffset(off -> page("/oncalls", q, "oncalls", off))) {
            JsonNode user = o.path("user");
            String email = user.hasNonNull("email") ? user.get("email").asText() : email(user.path("id").asText());
            out.add(new OnCallLevel(o.path("escalation_level").asInt(), o.path("escalation_policy").path("summary").asText(null),
                    o.path("schedule").path("summary").asText(null), user.path("summary").asText(user.path("name").asText()), email,
                    local(o.path("start")), local(o.path("end")), false, asOf));
        }
        out.sort(Comparator.comparing((OnCallLevel o) -> String.valueOf(o.policy())).thenComparingInt(OnCallLevel::level));
        return out;
    }

    private String local(JsonNode time) {
        return time.isTextual() ? Times.format(Instant.parse(time.asText().replace("+00:00", "Z")), ctx.zone())
                : time.isMissingNode() || time.isNull() ? null : time.asText();
    }

    @Override
    public List<Shift> shifts(String schedule, Instant from, Instant to) {
        List<String[]> schedules = new ArrayList<>();
        if (schedule != null) {
            String id = lookup("/schedules", "schedules", schedule, "schedule");
            schedules.add(new String[] {id, null});
        } else {
            for (JsonNode s : Pages.byOffset(off -> page("/schedules", Map.of(), "schedules", off))) {
                schedules.add(new String[] {s.path("id").asText(), s.path("name").asText()});
            }
        }
        String asOf = Times.utc(ctx.clock().instant());
        List<Shift> out = new ArrayList<>();
        for (String[] s : schedules) {
            JsonNode sched = api().get(ApiPath.of("/schedules/{}", s[0]), Map.of("since", Times.utc(from), "until", Times.utc(to),
                    "time_zone", ctx.zone().getId())).path("schedule");
            String name = sched.path("name").asText(s[1]);
            for (JsonNode e : sched.path("final_schedule").path("rendered_schedule_entries")) {
                out.add(new Shift(name, e.path("user").path("summary").asText(), email(e.path("user").path("id").asText()),
                        local(e.path("start")), local(e.path("end")), false, asOf));
            }
        }
        out.sort(Comparator.comparing(Shift::start).thenComparing(Shift::schedule));
        return out;
    }

    @Override
    public ActionResult override(String schedule, Person person, Instant start, Instant end) {
        String id = lookup("/schedules", "schedules", schedule, "schedule");
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("start", Times.utc(start));
        o.put("end", Times.utc(end));
        o.put("user", Map.of("id", person.id(), "type", "user_reference"));
        JsonNode reply = api().send("POST", ApiPath.of("/schedules/{}/overrides", id), null, Map.of("overrides", List.of(o)), Map.of());
        if (ctx.flags().dryRun()) {
            return null;
        }
        // 201 can still carry a refused override: each item has its own status (CONTRACTS.md)
        JsonNode item = reply.isArray() ? reply.path(0) : reply.path("override");
        int status = item.path("status").asInt(201);
        if (status >= 300) {
            List<String> errors = new ArrayList<>();
            item.path("errors").forEach(e -> errors.add(e.asText()));
            return new ActionResult(id, null, schedule, "failed", String.join("; ", errors));
        }
        return new ActionResult(item.path("override").path("id").asText(id), null, schedule, "overridden",
                person.name() + " " + Times.format(start, ctx.zone()) + " to " + Times.format(end, ctx.zone()));
    }

}
