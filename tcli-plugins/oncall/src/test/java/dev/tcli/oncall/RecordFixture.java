package dev.tcli.oncall;

import dev.tcli.spi.IncidentHistory;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliModule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Test-only module: prints the paging incident as another module reads it (found through
 * {@link ModuleContext#services}, as {@code postmortem new} finds it) as JSON.
 */
public final class RecordFixture implements TcliModule {
    @Override
    public String name() {
        return "record-fixture";
    }

    @Override
    public String description() {
        return "Test fixture: the provider's incident record";
    }

    @Override
    public Class<?> command() {
        return Read.class;
    }

    @Command(name = "record-fixture", description = "Prints the incident record of REF.",
            footerHeading = "%nExamples:%n", footer = "  tcli record-fixture 1042")
    public static final class Read implements Callable<Integer> {
        private final ModuleContext ctx;
        @Parameters(index = "0")
        String ref;

        public Read(ModuleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            IncidentHistory pager = ctx.services(IncidentHistory.class).stream()
                    .filter(h -> h.kind() == IncidentHistory.Kind.PAGER).findFirst().orElseThrow();
            IncidentHistory.Incident r = pager.incident(ref, ctx);
            Map<String, Object> incident = new LinkedHashMap<>();
            incident.put("id", r.id());
            incident.put("number", r.number());
            incident.put("title", r.title());
            incident.put("description", r.description());
            incident.put("status", r.status());
            incident.put("severity", r.severity());
            incident.put("affected", r.affected());
            incident.put("url", r.url());
            incident.put("created_at", r.createdAt() == null ? null : r.createdAt().toString());
            incident.put("resolved_at", r.resolvedAt() == null ? null : r.resolvedAt().toString());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("service", r.service());
            out.put("incident", incident);
            out.put("log", r.timeline().stream().map(e -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("at", e.at().toString());
                m.put("kind", e.kind());
                m.put("agent", e.agent());
                m.put("by_user", e.byUser());
                m.put("subject", e.subject());
                m.put("note", e.note());
                m.put("summary", e.summary());
                return m;
            }).toList());
            ctx.out().value(out);
            return 0;
        }
    }
}
