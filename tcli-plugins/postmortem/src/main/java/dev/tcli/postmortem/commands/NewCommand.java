package dev.tcli.postmortem.commands;

import dev.tcli.postmortem.PostmortemDraft;
import dev.tcli.postmortem.PracticeDrafts;
import dev.tcli.postmortem.Timeline;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ExitCode;
import dev.tcli.spi.IncidentHistory.Incident;
import dev.tcli.spi.IncidentHistory;
import dev.tcli.spi.JournalEntry;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@DryRun(DryRun.Support.HONOURED)
@Command(name = "new",
        description = "Writes a blameless postmortem draft in Markdown: leader, description, impact (time to acknowledge, "
                + "trigger to resolve), a UTC timeline merging the PagerDuty log (or Splunk On-Call transitions), the Statuspage incident's updates and "
                + "tcli's journal, stabilization steps from the journal, and a corrective-actions table. "
                + "Never overwrites a file without --force.",
        footerHeading = "%nExamples:%n",
        footer = {"  tcli postmortem new --incident Q1ABC2SBX",
            "  tcli postmortem new --incident 1245 --leader \"Dana Whitfield\" --status-incident p31zjtct2jer",
            "  tcli postmortem new --incident 1245 --out docs/postmortems/2026-11-20-api.md --force",
            "  tcli postmortem new --incident 1245 --dry-run      # print the draft, write nothing"})
public final class NewCommand implements Callable<Integer> {
    /** Journal actions this long before the trigger or after the resolve still belong to the incident. */
    static final Duration MARGIN = Duration.ofMinutes(30);

    private final ModuleContext ctx;

    @Option(names = "--incident", required = true, paramLabel = "ID", description = "The incident: PagerDuty id or number, or Splunk On-Call number")
    String incidentRef;

    @Option(names = "--status-incident", paramLabel = "SP_ID", description = "The Statuspage incident to merge into the timeline")
    String statusIncidentId;

    @Option(names = "--leader", paramLabel = "NAME", description = "Incident leader (default: whoever acknowledged first)")
    String leader;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write (default: postmortem-YYYY-MM-DD-<slug>.md in the current directory, dated by the trigger in UTC)")
    String out;

    @Option(names = "--force", description = "Overwrite FILE if it exists")
    boolean force;

    public NewCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path target = out == null ? null : refuseToOverwrite(resolve(out));
        // both sources found before anything is read: a missing module fails fast, with no half-done calls
        List<IncidentHistory> sources = ctx.services(IncidentHistory.class);
        IncidentHistory pager = source(sources, IncidentHistory.Kind.PAGER,
                "postmortem new needs the oncall module to read the incident (PagerDuty, Splunk On-Call), and it is not installed");
        IncidentHistory statuspage = statusIncidentId == null ? null : source(sources, IncidentHistory.Kind.STATUS_PAGE,
                "--status-incident needs the status module to read the Statuspage incident, and it is not installed; "
                        + "leave out --status-incident to draft without the status page");
        Incident incident = pager.incident(incidentRef, ctx);
        Incident statusIncident = statuspage == null ? null : statuspage.incident(statusIncidentId, ctx);
        List<JournalEntry> journal = journalFor(incident);
        var facts = new PostmortemDraft.Facts(incident, statusIncident, journal, Timeline.merge(incident, statusIncident, journal),
                leaderOr(incident.timeline()), ctx.clock().instant(), ctx.profile());
        String markdown = PostmortemDraft.render(facts);
        if (target == null) {
            // the sandbox writes nothing outside tcli's state dir unless told where (--out)
            target = refuseToOverwrite(ctx.sandbox() ? PracticeDrafts.dir(ctx).resolve(defaultName(incident, facts))
                    : resolve(defaultName(incident, facts)));
        }
        if (ctx.flags().dryRun()) {
            ctx.stdout().print(dev.tcli.spi.output.SafeText.escapeKeepingLines(markdown)); // titles and notes are server text
            ctx.stdout().flush();
            ctx.out().note("dry run: would write " + target);
            return 0;
        }
        write(target, markdown);
        report(target, incident, facts);
        return 0;
    }

    /**
     * The installed module that answers for this kind of incident (another module's, found through
     * the context: postmortem never imports it), or exit 3 saying which is missing.
     */
    private static IncidentHistory source(List<IncidentHistory> sources, IncidentHistory.Kind kind, String missing) {
        return sources.stream().filter(h -> h.kind() == kind).findFirst()
                .orElseThrow(() -> TcliException.config(missing));
    }

    /**
     * The journal's part: actions on this incident (or the status page incident) and anything
     * else done through tcli in the incident's window, by this profile only: sandbox practice
     * must never land in a live postmortem.
     */
    private List<JournalEntry> journalFor(Incident incident) {
        var bare = new PostmortemDraft.Facts(incident, null, List.of(), List.of(), "", Instant.EPOCH, "");
        Instant from = PostmortemDraft.triggeredAt(bare);
        Instant resolved = PostmortemDraft.resolvedAt(bare);
        Instant start = (from == null ? ctx.clock().instant() : from).minus(MARGIN);
        Instant end = (resolved == null ? ctx.clock().instant() : resolved).plus(MARGIN);
        String profile = ctx.profile();
        String id = incident.id();
        String number = incident.number() != null ? incident.number() : "";
        var result = ctx.journal().read(e -> {
            if (e.profile() != null && !e.profile().equals(profile)) {
                return false;
            }
            boolean ours = e.mentions(id) || (!number.isEmpty() && "oncall".equals(e.module()) && e.mentions(number))
                    || (statusIncidentId != null && e.mentions(statusIncidentId));
            boolean inWindow = !e.time().isBefore(start) && !e.time().isAfter(end);
            // other incidents' pager actions in the same hour are noise, everything else done then is context
            return ours || (inWindow && !"oncall".equals(e.module()) && !"postmortem".equals(e.module()));
        });
        if (result.unreadable() > 0) {
            ctx.out().note("skipped " + result.unreadable() + " unreadable journal line(s)");
        }
        return result.entries();
    }

    private String leaderOr(List<IncidentHistory.Entry> log) {
        if (leader != null && !leader.isBlank()) {
            return leader;
        }
        IncidentHistory.Entry ack = PostmortemDraft.first(log, "acknowledge");
        return ack != null && ack.agent() != null ? ack.agent() + " (first to acknowledge; change if someone else led)"
                : "_(name the incident leader)_";
    }

    private static String defaultName(Incident incident, PostmortemDraft.Facts facts) {
        Instant trig = PostmortemDraft.triggeredAt(facts);
        String date = (trig == null ? facts.generatedAt() : trig).atZone(ZoneOffset.UTC).toLocalDate().toString();
        return "postmortem-" + date + "-" + PostmortemDraft.slug(incident.title() != null ? incident.title() : "incident") + ".md";
    }

    /**
     * Relative to the directory tcli was started in. The module context has no working
     * directory, so this takes the shell's {@code $PWD} and falls back to the JVM's.
     */
    private Path resolve(String file) {
        Path p = ctx.paths().expand(file);
        if (p.isAbsolute()) {
            return p;
        }
        String pwd = ctx.env().get("PWD");
        Path base = pwd != null && Path.of(pwd).isAbsolute() ? Path.of(pwd) : Path.of("").toAbsolutePath();
        return base.resolve(p).normalize();
    }

    // Exit 2, like a missing --yes: the command is fine, it needs the flag that says "yes, replace it".
    private Path refuseToOverwrite(Path p) {
        if (Files.exists(p) && !force) {
            throw new TcliException(ExitCode.USAGE, p + " already exists: pass --force to overwrite it, or --out FILE to write elsewhere");
        }
        return p;
    }

    private static void write(Path target, String markdown) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".postmortem-", ".md.tmp");
            try {
                Files.writeString(tmp, markdown, StandardCharsets.UTF_8);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw TcliException.failed("cannot write " + target + ": " + e.getMessage());
        }
    }

    private void report(Path target, Incident incident, PostmortemDraft.Facts facts) {
        if (ctx.out().machine()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("path", target.toString());
            r.put("incident", incident.id());
            r.put("status_incident", statusIncidentId);
            r.put("leader", facts.leader());
            r.put("timeline", facts.timeline());
            ctx.out().value(r);
        } else {
            ctx.out().text(target.toString());
            ctx.out().note("drafted with " + facts.timeline().size() + " timeline entries; fill in the italic parts before the review");
        }
    }
}
