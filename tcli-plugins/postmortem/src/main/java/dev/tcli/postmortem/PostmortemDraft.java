package dev.tcli.postmortem;

import dev.tcli.spi.IncidentHistory.Entry;
import dev.tcli.spi.IncidentHistory.Incident;
import dev.tcli.spi.JournalEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Markdown draft: the blameless preamble, the facts tcli can know (who, when, how long), the
 * merged timeline, and headed blanks for what only people can write.
 */
public final class PostmortemDraft {
    static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Pager bookkeeping: in the timeline, but not a stabilization step. */
    private static final Set<String> PAGER_VERBS = Set.of("ack", "resolve", "note", "reassign", "escalate", "snooze",
            "responders", "override");

    /**
     * What the draft is made of.
     *
     * @param incident       the paging service's incident with its log
     * @param statusIncident the status page's incident with its updates, or null
     */
    public record Facts(Incident incident, Incident statusIncident, List<JournalEntry> journal,
            List<TimelineEntry> timeline, String leader, Instant generatedAt, String profile) {

        /** The paging service's log, oldest first. */
        public List<Entry> log() {
            return incident.timeline();
        }
    }

    private PostmortemDraft() {
    }

    public static Instant triggeredAt(Facts f) {
        for (Entry e : f.log()) {
            if (e.kind().equals("trigger")) {
                return e.at();
            }
        }
        return f.incident().createdAt();
    }

    public static Entry first(List<Entry> log, String kind) {
        for (Entry e : log) {
            if (e.kind().equals(kind)) {
                return e;
            }
        }
        return null;
    }

    public static Instant resolvedAt(Facts f) {
        Entry r = null;
        for (Entry e : f.log()) {
            if (e.kind().equals("resolve")) {
                r = e;
            }
        }
        return r != null ? r.at() : f.incident().resolvedAt();
    }

    public static String render(Facts f) {
        Incident inc = f.incident();
        String title = inc.title() != null ? inc.title() : "untitled incident";
        StringBuilder md = new StringBuilder();
        md.append("# Postmortem: ").append(title).append("\n\n");
        md.append("> **This is a blameless postmortem.** We look for what in our systems and processes let this happen, ")
                .append("never for someone to blame: people did what made sense with what they knew at the time. ")
                .append("Write what happened and what we knew, without \u201ccould've\u201d or \u201cshould've\u201d. ")
                .append("Every follow-up gets an owner and a due date before the meeting ends.\n\n");

        Instant trig = triggeredAt(f);
        md.append("| | |\n|---|---|\n");
        String num = inc.number() != null ? "#" + inc.number() + " " : "";
        String link = inc.url() == null ? "" : inc.url();
        md.append("| Incident | ").append(link.isBlank() ? cell(num + inc.id()) : "[" + cell(num + inc.id()) + "](" + link + ")")
                .append(" |\n");
        md.append("| Service | ").append(cell(inc.affected().isEmpty() ? "?" : String.join(", ", inc.affected())))
                .append(inc.severity() != null ? " (" + inc.severity() + " urgency)" : "").append(" |\n");
        if (f.statusIncident() != null) {
            Incident sp = f.statusIncident();
            md.append("| Status page incident | ").append(cell(sp.title() != null ? sp.title() : "?")).append(" (`")
                    .append(sp.id()).append("`, impact ").append(impact(sp)).append(") |\n");
        }
        md.append("| Incident leader | ").append(cell(f.leader())).append(" |\n");
        md.append("| Date | ").append(trig == null ? "?" : trig.atZone(ZoneOffset.UTC).toLocalDate()).append(" |\n");
        md.append("| Postmortem status | Draft |\n\n");

        md.append("## Description\n\n").append(title).append(".");
        String summary = inc.description() != null ? inc.description() : "";
        if (!summary.isBlank() && !summary.equals(title) && !summary.endsWith("] " + title)) {
            md.append(" ").append(Timeline.oneLine(summary));
        }
        md.append("\n\n_What did users see? How did we find out? What was the root of it, as far as we know?_\n\n");

        md.append("## Impact\n\n");
        impact(md, f, trig);

        md.append("## Timeline (UTC)\n\n| Time (UTC) | Source | Who | Event |\n|---|---|---|---|\n");
        for (TimelineEntry t : f.timeline()) {
            md.append("| ").append(UTC_TIME.format(t.at())).append(" | ").append(t.source()).append(" | ")
                    .append(cell(t.who() == null ? "" : t.who())).append(" | ").append(cell(t.what())).append(" |\n");
        }
        md.append("\n_Add what the tools could not see: when someone noticed, what was tried and ruled out, who was pulled in._\n\n");

        md.append("## Contributing factors\n\n")
                .append("- _Which conditions in our systems or processes made this possible or made it worse? (a missing alert, ")
                .append("an unclear runbook, a risky deploy path — not a person)_\n\n");

        md.append("## Stabilization steps\n\n");
        List<JournalEntry> steps = new ArrayList<>();
        for (JournalEntry j : f.journal()) {
            if (!("oncall".equals(j.module()) && PAGER_VERBS.contains(j.verb()))) {
                steps.add(j);
            }
        }
        if (steps.isEmpty()) {
            md.append("- _What did we do to stop the impact? (no restarts or component changes were made through tcli)_\n");
        }
        for (JournalEntry j : steps) {
            md.append("- ").append(HH_MM.format(j.time())).append(" UTC \u2014 ").append(j.describe()).append('\n');
        }
        md.append('\n');

        md.append("## Corrective actions\n\n| Action | Owner | Due | Ticket |\n|---|---|---|---|\n")
                .append("| _What we will change so this cannot happen again, or hurts less_ | _name_ | _YYYY-MM-DD_ | |\n")
                .append("| _Detection: how we would find out sooner_ | _name_ | _YYYY-MM-DD_ | |\n\n");

        int pd = f.log().size();
        int sp = f.statusIncident() == null ? 0 : f.statusIncident().timeline().size();
        md.append("---\n_Drafted by `tcli postmortem new` at ").append(UTC_TIME.format(f.generatedAt())).append(" UTC (profile ")
                .append(f.profile()).append(") from ").append(pd).append(" ").append(pagerName(f)).append(" log entries, ").append(sp)
                .append(" Statuspage updates and ").append(f.journal().size()).append(" journal entries._\n");
        return md.toString();
    }

    /** The paging service as people name it: PagerDuty, Splunk On-Call. */
    static String pagerName(Facts f) {
        return f.incident().service();
    }

    private static String impact(Incident statusIncident) {
        return statusIncident.severity() != null ? statusIncident.severity() : "none";
    }

    private static void impact(StringBuilder md, Facts f, Instant trig) {
        Entry ack = first(f.log(), "acknowledge");
        Instant resolved = resolvedAt(f);
        md.append("- Triggered: ").append(trig == null ? "unknown" : UTC_TIME.format(trig) + " UTC").append('\n');
        if (ack != null) {
            md.append("- Acknowledged: ").append(UTC_TIME.format(ack.at())).append(" UTC")
                    .append(ack.agent() != null ? " by " + ack.agent() : "");
            if (trig != null) {
                md.append(" \u2014 **time to acknowledge ").append(human(Duration.between(trig, ack.at()))).append("**");
            }
            md.append('\n');
        } else {
            md.append("- Acknowledged: never (no acknowledgement in the ").append(pagerName(f)).append(" log)\n");
        }
        if (resolved != null) {
            md.append("- Resolved: ").append(UTC_TIME.format(resolved)).append(" UTC");
            if (trig != null) {
                md.append(" \u2014 **duration from trigger to resolve ").append(human(Duration.between(trig, resolved))).append("**");
            }
            md.append('\n');
        } else {
            md.append("- Resolved: not yet (the incident is still ").append(f.incident().status() != null ? f.incident().status() : "open")
                    .append(")\n");
        }
        Entry esc = first(f.log(), "escalate");
        if (esc != null) {
            md.append("- Escalated: ").append(UTC_TIME.format(esc.at())).append(" UTC")
                    .append(esc.subject() != null ? " to " + esc.subject() : "").append('\n');
        }
        if (f.statusIncident() != null) {
            List<String> comps = f.statusIncident().affected();
            md.append("- Status page: impact ").append(impact(f.statusIncident()))
                    .append(comps.isEmpty() ? "" : "; components " + String.join(", ", comps)).append('\n');
        }
        md.append("- _Who was affected, and how much: users, builds, packages, requests failed, data lost?_\n\n");
    }

    /** {@code 1h 02m 05s}, {@code 4m 12s}, {@code 40s}. */
    public static String human(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, s % 3600 / 60, s % 60);
    }

    /** A Markdown table cell: one line, pipes escaped. */
    static String cell(String s) {
        return Timeline.oneLine(s).replace("|", "\\|");
    }

    /** A file-name-safe slug of the title, at most 48 characters. */
    public static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 48) {
            s = s.substring(0, 48).replaceAll("-[^-]*$", "");
        }
        return s.isEmpty() ? "incident" : s;
    }
}
