package dev.tcli.oncall.commands;

import dev.tcli.oncall.IncidentQuery;
import dev.tcli.oncall.OncallProvider;
import dev.tcli.oncall.report.BusinessHours;
import dev.tcli.oncall.report.HtmlReport;
import dev.tcli.oncall.report.Page;
import dev.tcli.oncall.report.PagerReport;
import dev.tcli.oncall.report.ReportRenderer;
import dev.tcli.spi.DryRun;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import dev.tcli.spi.Times;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@DryRun(DryRun.Support.READ_ONLY)
@Command(name = "report",
        description = "The pager burden of a window, for the weekly review: pages in total, per ISO week (with a bar chart), "
                + "per service and per responder; after-hours pages (outside business hours Mon-Fri in the zone); mean and p90 "
                + "time to acknowledge and to resolve; the noisiest services. --html writes one self-contained page.",
        footerHeading = "%nExamples:%n",
        footer = {"  tcli oncall report", "  tcli oncall report --since 7d --tz Europe/Berlin --business-hours 08:00-17:00",
            "  tcli oncall report --since 2026-10-01 --until 2026-11-01 --team \"Habitat Builder\" -o json",
            "  tcli oncall report --since 28d --html pager-report.html"})
public final class ReportCommand implements Callable<Integer> {
    private final ModuleContext ctx;

    @Option(names = "--since", defaultValue = "28d", paramLabel = "TIME", description = "Start of the window (default: ${DEFAULT-VALUE})")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "End of the window (default: now)")
    String until;

    @Option(names = "--team", paramLabel = "TEAM", description = "Only incidents of this team (name or id)")
    String team;

    @Option(names = "--tz", paramLabel = "ZONE",
            description = "Zone for business hours and weeks, e.g. Europe/Berlin (default: the profile's timezone, else the system's)")
    String tz;

    @Option(names = "--business-hours", defaultValue = "09:00-18:00", paramLabel = "HH:MM-HH:MM",
            description = "Business hours, Monday to Friday (default: ${DEFAULT-VALUE})")
    String businessHours;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML page with charts to FILE")
    String html;

    public ReportCommand(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ZoneId zone = zone();
        BusinessHours hours = BusinessHours.parse(businessHours, zone);
        var window = dev.tcli.spi.TimeWindow.of(since, until, null, "--since", "--until", zone, ctx.clock());
        Instant from = window.from();
        Instant to = window.to();
        PagerReport.Summary report = PagerReport.compute(pages(from, to), from, to, hours);
        if (html != null) {
            Path file = writeHtml(report);
            ctx.out().note("wrote " + file);
        }
        print(report);
        return 0;
    }

    private ZoneId zone() {
        return Times.zone(tz, ctx.zone());
    }

    /**
     * Every incident of the window, any status, with its acknowledgement and resolve times. On
     * PagerDuty these come from each incident's log entries (it lists acknowledgements only while
     * they last): one extra request per incident.
     */
    private List<Page> pages(Instant from, Instant to) {
        IncidentQuery q = new IncidentQuery(List.of("triggered", "acknowledged", "resolved"), false, team, null, null, from, to, 0);
        List<Page> out = new ArrayList<>();
        for (Page p : OncallProvider.of(ctx).pages(q)) {
            out.add(p);
            if (ctx.terminal().stderrIsTty()) {
                ctx.out().progress("reading incidents: " + out.size());
            } else if (out.size() % 50 == 0) {
                ctx.out().note("read " + out.size() + " incidents...");
            }
        }
        ctx.out().progress(null);
        return out;
    }

    private void print(PagerReport.Summary r) {
        switch (ctx.out().format()) {
            case JSON, JSONL -> ctx.out().value(r);
            case CSV -> ctx.out().list(r.byWeek(), ReportRenderer.weekColumns());
            default -> {
                ReportRenderer.summary(r).forEach(ctx.out()::text);
                ctx.out().list(r.byService(), ReportRenderer.serviceColumns());
                ctx.out().text("");
                ctx.out().list(r.byResponder(), ReportRenderer.responderColumns());
            }
        }
    }

    private Path writeHtml(PagerReport.Summary r) {
        Path file = ctx.paths().expand(html);
        if (!file.isAbsolute()) {
            String pwd = ctx.env().get("PWD");
            file = (pwd != null && Path.of(pwd).isAbsolute() ? Path.of(pwd) : Path.of("").toAbsolutePath()).resolve(file);
        }
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".report-", ".html.tmp");
            try {
                Files.writeString(tmp, HtmlReport.render(r, Times.format(ctx.clock().instant(), ZoneId.of(r.timeZone()))), StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw TcliException.failed("cannot write " + file + ": " + e.getMessage());
        }
        return file;
    }
}
