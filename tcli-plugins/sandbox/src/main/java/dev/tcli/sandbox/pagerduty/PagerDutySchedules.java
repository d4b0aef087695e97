package dev.tcli.sandbox.pagerduty;

import static dev.tcli.sandbox.pagerduty.PagerDutyEmulator.F;
import static dev.tcli.sandbox.pagerduty.PagerDutyEmulator.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.Exchange.Reply;
import dev.tcli.sandbox.Exchange;
import dev.tcli.sandbox.pagerduty.HabitatTeam.Member;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Schedules, overrides and on-calls of the PagerDuty emulator: a weekly rotation with overrides cut in. */
final class PagerDutySchedules {
    /** One stretch of on-call duty. */
    record Shift(Member user, Instant start, Instant end) {
    }

    private PagerDutySchedules() {
    }

    static boolean known(String scheduleId) {
        return scheduleId.equals(HabitatTeam.PRIMARY_PD_ID) || scheduleId.equals(HabitatTeam.SECONDARY_PD_ID);
    }

    static int level(String scheduleId) {
        return scheduleId.equals(HabitatTeam.PRIMARY_PD_ID) ? 1 : 2;
    }

    static Member onCallAt(ObjectNode state, String scheduleId, Instant t, Instant rot) {
        List<Shift> s = shifts(state, scheduleId, t, t.plusSeconds(1));
        return s.isEmpty() ? HabitatTeam.onCall(rot, level(scheduleId), t) : s.get(0).user();
    }

    /** The final schedule between {@code from} and {@code to}: rotation shifts, overrides on top. */
    static List<Shift> shifts(ObjectNode state, String scheduleId, Instant from, Instant to) {
        Instant rot = Instant.parse(state.path("rotation_start").asText());
        List<Shift> base = new ArrayList<>();
        Instant t = HabitatTeam.shiftStart(rot, from);
        while (t.isBefore(to)) {
            Instant end = HabitatTeam.shiftEnd(rot, t);
            base.add(new Shift(HabitatTeam.onCall(rot, level(scheduleId), t), max(t, from), min(end, to)));
            t = end;
        }
        for (JsonNode o : state.path("overrides")) {
            if (!o.path("schedule_id").asText().equals(scheduleId)) {
                continue;
            }
            Instant os = Instant.parse(o.path("start").asText());
            Instant oe = Instant.parse(o.path("end").asText());
            if (!os.isBefore(to) || !oe.isAfter(from)) {
                continue;
            }
            List<Shift> next = new ArrayList<>();
            for (Shift s : base) {
                if (!s.end().isAfter(os) || !s.start().isBefore(oe)) {
                    next.add(s);
                    continue;
                }
                if (s.start().isBefore(os)) {
                    next.add(new Shift(s.user(), s.start(), os));
                }
                if (s.end().isAfter(oe)) {
                    next.add(new Shift(s.user(), oe, s.end()));
                }
            }
            next.add(new Shift(PagerDutyEmulator.member(o.path("user_id").asText()), max(os, from), min(oe, to)));
            next.sort((a, b) -> a.start().compareTo(b.start()));
            base = next;
        }
        return base;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static Reply handle(Exchange ex, ObjectNode state, List<String> seg, String m, Instant now, Refs refs) {
        if (seg.size() == 1 && m.equals("GET")) {
            String q = ex.param("query");
            List<JsonNode> out = new ArrayList<>();
            for (String id : List.of(HabitatTeam.PRIMARY_PD_ID, HabitatTeam.SECONDARY_PD_ID)) {
                ObjectNode s = schedule(state, id, null, null, refs);
                if (q == null || s.path("name").asText().toLowerCase().contains(q.toLowerCase())) {
                    out.add(s);
                }
            }
            return Reply.json(200, PagerDutyEmulator.page(ex, "schedules", out));
        }
        if (seg.size() == 1) {
            throw PagerDutyEmulator.notImplemented(ex);
        }
        String id = seg.get(1);
        if (!known(id)) {
            throw PagerDutyEmulator.notFound();
        }
        if (seg.size() == 2 && m.equals("GET")) {
            Instant since = ex.param("since") == null ? now : PagerDutyEmulator.time(ex.param("since"), "since");
            Instant until = ex.param("until") == null ? since.plus(Duration.ofDays(7)) : PagerDutyEmulator.time(ex.param("until"), "until");
            if (!since.isBefore(until)) {
                throw error(400, 2001, "Invalid Input Provided", "since must be before until");
            }
            return Reply.json(200, PagerDutyEmulator.wrap("schedule", schedule(state, id, since, until, refs)));
        }
        String sub = seg.size() == 3 ? seg.get(2) : "";
        if (sub.equals("users") && m.equals("GET")) {
            ArrayNode users = F.arrayNode();
            HabitatTeam.MEMBERS.forEach(u -> users.add(refs.user(u)));
            return Reply.json(200, PagerDutyEmulator.wrap("users", users));
        }
        if (sub.equals("overrides") && m.equals("GET")) {
            if (ex.param("since") == null || ex.param("until") == null) {
                throw error(400, 2001, "Invalid Input Provided", "since and until are required");
            }
            Instant since = PagerDutyEmulator.time(ex.param("since"), "since");
            Instant until = PagerDutyEmulator.time(ex.param("until"), "until");
            ArrayNode out = F.arrayNode();
            for (JsonNode o : state.path("overrides")) {
                if (o.path("schedule_id").asText().equals(id) && Instant.parse(o.path("start").asText()).isBefore(until)
                        && Instant.parse(o.path("end").asText()).isAfter(since)) {
                    out.add(override(o, refs));
                }
            }
            ObjectNode body = PagerDutyEmulator.wrap("overrides", out);
            return Reply.json(200, body);
        }
        if (sub.equals("overrides") && m.equals("POST") && ex.json().path("override").isObject() && !ex.json().has("overrides")) {
            // the older single form, {"override": {...}}, which PagerDuty still accepts and clients still send
            ArrayNode one = F.arrayNode();
            one.add(ex.json().path("override"));
            JsonNode item = createOverrides(ex, state, id, one, refs).get(0);
            if (item.path("status").asInt() != 201) {
                throw error(400, 2001, "Invalid Input Provided", String.join("; ", texts(item.path("errors"))));
            }
            return Reply.json(201, PagerDutyEmulator.wrap("override", item.path("override")));
        }
        if (sub.equals("overrides") && m.equals("POST")) {
            JsonNode list = ex.json().path("overrides");
            if (!list.isArray() || list.isEmpty()) {
                throw error(400, 2001, "Invalid Input Provided", "overrides must be a non-empty array");
            }
            return Reply.json(201, createOverrides(ex, state, id, list, refs));
        }
        throw PagerDutyEmulator.notImplemented(ex);
    }

    private static List<String> texts(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Creates each override of {@code list} on schedule {@code id}: one answer item each, 201 or 400 with errors. */
    private static ArrayNode createOverrides(Exchange ex, ObjectNode state, String id, JsonNode list, Refs refs) {
        ArrayNode answer = F.arrayNode();
        for (JsonNode o : list) {
            ObjectNode item = answer.addObject();
            List<String> errors = new ArrayList<>();
            Member user = PagerDutyEmulator.member(o.path("user").path("id").asText());
            if (user == null || !o.path("user").path("type").asText().equals("user_reference")) {
                errors.add("User must be a user_reference to a user on this schedule");
            }
            Instant start = null;
            Instant end = null;
            try {
                start = PagerDutyEmulator.time(o.path("start").asText(), "start");
                end = PagerDutyEmulator.time(o.path("end").asText(), "end");
            } catch (Reply bad) {
                errors.add("start and end must be ISO 8601 date-times");
            }
            if (start != null && end != null && !end.isAfter(start)) {
                errors.add("Override must end after its start");
            }
            ObjectNode shown = F.objectNode();
            shown.put("start", o.path("start").asText()).put("end", o.path("end").asText());
            shown.set("user", user != null ? refs.userRef(user) : o.path("user"));
            if (!errors.isEmpty()) {
                item.put("status", 400);
                ArrayNode errs = item.putArray("errors");
                errors.forEach(errs::add);
                item.set("override", shown);
                continue;
            }
            ObjectNode stored = state.withArray("overrides").addObject();
            int n = state.path("next_id").asInt(1);
            state.put("next_id", n + 1);
            stored.put("id", "PO" + String.format("%05d", n) + "SBX").put("schedule_id", id).put("user_id", user.pdId())
                    .put("start", start.toString()).put("end", end.toString());
            item.put("status", 201);
            item.set("override", override(stored, refs));
            ex.mutated();
        }
        return answer;
    }

    private static ObjectNode override(JsonNode o, Refs refs) {
        ObjectNode n = F.objectNode();
        n.put("id", o.path("id").asText()).put("start", o.path("start").asText()).put("end", o.path("end").asText());
        n.set("user", refs.userRef(PagerDutyEmulator.member(o.path("user_id").asText())));
        return n;
    }

    private static ObjectNode schedule(ObjectNode state, String id, Instant since, Instant until, Refs refs) {
        boolean primary = id.equals(HabitatTeam.PRIMARY_PD_ID);
        ObjectNode s = refs.ref(id, "schedule", primary ? HabitatTeam.PRIMARY_NAME : HabitatTeam.SECONDARY_NAME, "schedules");
        s.put("name", primary ? HabitatTeam.PRIMARY_NAME : HabitatTeam.SECONDARY_NAME)
                .put("description", "Weekly rotation, handoff Monday 09:00 Pacific").put("time_zone", HabitatTeam.TEAM_ZONE.getId());
        Instant rot = Instant.parse(state.path("rotation_start").asText());
        ObjectNode layer = s.putArray("schedule_layers").addObject();
        layer.put("id", "PL" + id.substring(2)).put("name", "Layer 1").put("start", rot.toString())
                .put("rotation_virtual_start", rot.minus(Duration.ofDays(primary ? 0 : 7)).toString())
                .put("rotation_turn_length_seconds", 604800);
        ArrayNode users = layer.putArray("users");
        HabitatTeam.MEMBERS.forEach(u -> users.addObject().set("user", refs.userRef(u)));
        layer.putArray("restrictions");
        ArrayNode final_ = s.putObject("final_schedule").put("name", "Final Schedule").putArray("rendered_schedule_entries");
        ArrayNode overrides = s.putObject("overrides_subschedule").put("name", "Overrides").putArray("rendered_schedule_entries");
        if (since != null) {
            for (Shift sh : shifts(state, id, since, until)) {
                ObjectNode e = final_.addObject();
                e.put("start", sh.start().toString()).put("end", sh.end().toString());
                e.set("user", refs.userRef(sh.user()));
            }
            for (JsonNode o : state.path("overrides")) {
                if (o.path("schedule_id").asText().equals(id) && Instant.parse(o.path("start").asText()).isBefore(until)
                        && Instant.parse(o.path("end").asText()).isAfter(since)) {
                    ObjectNode e = overrides.addObject();
                    e.put("start", o.path("start").asText()).put("end", o.path("end").asText());
                    e.set("user", refs.userRef(PagerDutyEmulator.member(o.path("user_id").asText())));
                }
            }
        }
        ArrayNode eps = s.putArray("escalation_policies");
        eps.add(refs.policyRef());
        ArrayNode us = s.putArray("users");
        HabitatTeam.MEMBERS.forEach(u -> us.add(refs.userRef(u)));
        s.putArray("teams").add(refs.teamRef());
        return s;
    }

    /** {@code GET /oncalls}: who is on call per escalation level, now or over {@code since..until}. */
    static Reply oncalls(Exchange ex, ObjectNode state, Instant now, Refs refs) {
        Instant since = ex.param("since") == null ? now : PagerDutyEmulator.time(ex.param("since"), "since");
        Instant until = ex.param("until") == null ? since.plusSeconds(1) : PagerDutyEmulator.time(ex.param("until"), "until");
        if (until.isBefore(since)) {
            throw error(400, 2001, "Invalid Input Provided", "until must not be before since");
        }
        if (Duration.between(since, until).toDays() > 90) {
            throw error(400, 2001, "Invalid Input Provided", "The since and until range may be at most 90 days");
        }
        if (!until.isAfter(since)) {
            until = since.plusSeconds(1);
        }
        List<String> scheduleIds = ex.params("schedule_ids");
        List<String> policyIds = ex.params("escalation_policy_ids");
        List<String> userIds = ex.params("user_ids");
        boolean earliest = "true".equals(ex.param("earliest"));
        List<JsonNode> out = new ArrayList<>();
        if (policyIds.isEmpty() || policyIds.contains(HabitatTeam.POLICY_PD_ID)) {
            for (String sid : List.of(HabitatTeam.PRIMARY_PD_ID, HabitatTeam.SECONDARY_PD_ID)) {
                if (!scheduleIds.isEmpty() && !scheduleIds.contains(sid)) {
                    continue;
                }
                Set<String> seen = new HashSet<>();
                for (Shift sh : shifts(state, sid, since, until)) {
                    if ((!userIds.isEmpty() && !userIds.contains(sh.user().pdId())) || (earliest && !seen.add(sh.user().pdId()))) {
                        continue;
                    }
                    // on-calls carry the whole shift, not the part inside the window
                    Instant rot = Instant.parse(state.path("rotation_start").asText());
                    Instant start = sh.start().equals(since) ? HabitatTeam.shiftStart(rot, since) : sh.start();
                    Instant end = sh.end().equals(until) ? HabitatTeam.shiftEnd(rot, sh.start()) : sh.end();
                    ObjectNode o = F.objectNode();
                    o.set("escalation_policy", refs.policyRef());
                    o.put("escalation_level", level(sid));
                    o.set("schedule", refs.scheduleRef(sid));
                    // include[]=users: the whole user (email and all) embedded; the official schema keeps the
                    // reference's type for an on-call's user, so the embedded object says user_reference
                    o.set("user", ex.params("include").contains("users")
                            ? refs.user(sh.user()).put("type", "user_reference") : refs.userRef(sh.user()));
                    o.put("start", overrideClip(state, sid, sh, start, true).toString())
                            .put("end", overrideClip(state, sid, sh, end, false).toString());
                    out.add(o);
                }
            }
        }
        return Reply.json(200, PagerDutyEmulator.page(ex, "oncalls", out));
    }

    /** A shift that an override cuts short ends (or starts) at the override, not at the weekly handoff. */
    private static Instant overrideClip(ObjectNode state, String sid, Shift sh, Instant candidate, boolean start) {
        for (JsonNode o : state.path("overrides")) {
            if (!o.path("schedule_id").asText().equals(sid)) {
                continue;
            }
            Instant os = Instant.parse(o.path("start").asText());
            Instant oe = Instant.parse(o.path("end").asText());
            boolean isOverride = o.path("user_id").asText().equals(sh.user().pdId()) && !os.isAfter(sh.start()) && !oe.isBefore(sh.end());
            if (isOverride) {
                return start ? os : oe;
            }
            if (start && oe.isAfter(candidate) && !oe.isAfter(sh.start())) {
                candidate = oe;
            }
            if (!start && os.isBefore(candidate) && !os.isBefore(sh.end())) {
                candidate = os;
            }
        }
        return candidate;
    }
}
