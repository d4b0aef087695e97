package dev.tcli.sandbox.victorops;

import static dev.tcli.sandbox.victorops.VictorOpsEmulator.F;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.pagerduty.HabitatTeam;
import dev.tcli.sandbox.pagerduty.HabitatTeam.Member;
import java.time.Duration;
import java.time.Instant;

/** The team's two weekly rotations as Splunk On-Call shows them: one escalation policy per level. */
final class VictorOpsSchedules {
    private VictorOpsSchedules() {
    }

    static Member onCall(Instant rot, String policySlug, Instant at) {
        return HabitatTeam.onCall(rot, policySlug.equals(VictorOpsEmulator.POLICIES[0][1]) ? 1 : 2, at);
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
            entry.putObject("onCallUser").put("username", onCall(rot, p[1], now).username());
            entry.put("onCallType", "rotation_group").put("rotationName", "Weekly " + p[0]).put("shiftName", "Week")
                    .put("shiftRoll", HabitatTeam.shiftEnd(rot, now).toString());
            ArrayNode rolls = entry.putArray("rolls");
            Instant t = HabitatTeam.shiftStart(rot, from);
            while (t.isBefore(to)) {
                Instant end = HabitatTeam.shiftEnd(rot, t);
                ObjectNode r = rolls.addObject();
                r.put("start", (t.isBefore(from) ? from : t).toString()).put("end", (end.isAfter(to) ? to : end).toString())
                        .put("isRoll", !t.isBefore(from));
                r.putObject("onCallUser").put("username", onCall(rot, p[1], t).username());
                t = end;
            }
            ps.putArray("overrides");
        }
        return out;
    }
}
