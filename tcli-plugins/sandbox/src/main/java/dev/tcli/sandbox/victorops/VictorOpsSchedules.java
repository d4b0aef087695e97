package dev.tcli.sandbox.victorops;

import static dev.tcli.sandbox.victorops.VictorOpsEmulator.F;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.pagerduty.HabitatTeam;
import dev.tcli.sandbox.pagerduty.HabitatTeam.Member;
import java.time.Duration;
import java.time.Instant;

/**
 * The team's two weekly rotations as Splunk On-Call shows them: one escalation policy per level,
 * with the takes ({@code PATCH /api-public/v1/policies/{policy}/oncall/user}) laid over them. A take
 * lasts until the policy's next shift change, as in Splunk On-Call.
 */
final class VictorOpsSchedules {
    private VictorOpsSchedules() {
    }

    /** Who the rotation puts on call, takes ignored. */
    static Member scheduled(Instant rot, String policySlug, Instant at) {
        return HabitatTeam.onCall(rot, policySlug.equals(VictorOpsEmulator.POLICIES[0][1]) ? 1 : 2, at);
    }

    /** Who is on call on the policy at {@code at}: the rotation, then every take in force, in the order taken. */
    static Member onCall(JsonNode state, String policySlug, Instant at) {
        Member who = scheduled(Instant.parse(state.path("rotation_start").asText()), policySlug, at);
        for (JsonNode t : state.path("takes")) {
            if (inForce(t, policySlug, at) && t.path("fromUser").asText().equals(who.username())) {
                Member to = VictorOpsEmulator.byUsername(t.path("toUser").asText());
                who = to != null ? to : who;
            }
        }
        return who;
    }

    private static boolean inForce(JsonNode take, String policySlug, Instant at) {
        return take.path("policy").asText().equals(policySlug) && !Instant.parse(take.path("start").asText()).isAfter(at)
                && Instant.parse(take.path("end").asText()).isAfter(at);
    }

    /** Records a take on the policy from now to its next shift change; takes that ended are dropped. */
    static void take(ObjectNode state, String policySlug, Member from, Member to, Instant now) {
        ArrayNode takes = state.withArray("takes");
        for (int i = takes.size() - 1; i >= 0; i--) {
            if (!Instant.parse(takes.get(i).path("end").asText()).isAfter(now)) {
                takes.remove(i);
            }
        }
        Instant end = HabitatTeam.shiftEnd(Instant.parse(state.path("rotation_start").asText()), now);
        takes.addObject().put("policy", policySlug).put("fromUser", from.username()).put("toUser", to.username())
                .put("start", now.toString()).put("end", end.toString());
    }

    /** {@code GET /api-public/v2/team/{team}/oncall/schedule}: rolls from {@code now + skip} for {@code fwd} days. */
    static ObjectNode teamSchedule(ObjectNode state, Instant now, int skip, int fwd) {
        Instant rot = Instant.parse(state.path("rotation_start").asText());
        Instant from = now.plus(Duration.ofDays(skip));
        Instant to = from.plus(Duration.ofDays(fwd));
        ObjectNode out = F.objectNode();
        out.putObject("team").put("name", HabitatTeam.TEAM_NAME).put("slug", HabitatTeam.TEAM_SLUG);
        ArrayNode schedules = out.putArray("schedules");
        for (String[] p : VictorOpsEmulator.POLICIES) {
            ObjectNode ps = schedules.addObject();
            ps.putObject("policy").put("name", p[0]).put("slug", p[1]);
            ObjectNode entry = ps.putArray("schedule").addObject();
            Member scheduledNow = scheduled(rot, p[1], now);
            Member onCallNow = onCall(state, p[1], now);
            entry.putObject("onCallUser").put("username", scheduledNow.username());
            if (!onCallNow.equals(scheduledNow)) {
                entry.putObject("overrideOnCallUser").put("username", onCallNow.username());
            }
            entry.put("onCallType", "rotation_group").put("rotationName", "Weekly " + p[0]).put("shiftName", "Week")
                    .put("shiftRoll", HabitatTeam.shiftEnd(rot, now).toString());
            // the rolls are the rotation's; a take shows in overrideOnCallUser and overrides
            ArrayNode rolls = entry.putArray("rolls");
            Instant t = HabitatTeam.shiftStart(rot, from);
            while (t.isBefore(to)) {
                Instant end = HabitatTeam.shiftEnd(rot, t);
                ObjectNode r = rolls.addObject();
                r.put("start", (t.isBefore(from) ? from : t).toString()).put("end", (end.isAfter(to) ? to : end).toString())
                        .put("isRoll", !t.isBefore(from));
                r.putObject("onCallUser").put("username", scheduled(rot, p[1], t).username());
                t = end;
            }
            ArrayNode overrides = ps.putArray("overrides");
            for (JsonNode take : state.path("takes")) {
                Instant s = Instant.parse(take.path("start").asText());
                Instant e = Instant.parse(take.path("end").asText());
                if (take.path("policy").asText().equals(p[1]) && e.isAfter(from) && s.isBefore(to)) {
                    ObjectNode o = overrides.addObject();
                    o.putObject("origOnCallUser").put("username", take.path("fromUser").asText());
                    o.putObject("overrideOnCallUser").put("username", take.path("toUser").asText());
                    o.put("start", s.toString()).put("end", e.toString());
                }
            }
        }
        return out;
    }
}
