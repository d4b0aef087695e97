package dev.tcli.onboard;

import dev.tcli.spi.AccessChecks;
import dev.tcli.spi.ModuleContext;
import dev.tcli.spi.TcliException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of the services other modules own: PagerDuty and Splunk On-Call (oncall),
 * Statuspage (status), Sumo Logic (logs) and any a plugin jar adds, each contributed through
 * {@link AccessChecks} so that onboard imports none of those modules and a build without one
 * simply has no such lines. Services A–Z by section; one the profile does not configure is
 * skipped, saying so, without asking its module.
 */
public final class ServiceChecks {
    private final ModuleContext ctx;
    private final List<AccessChecks> services;

    public ServiceChecks(ModuleContext ctx) {
        this.ctx = ctx;
        Set<String> sections = new HashSet<>();
        // the first found for a section wins (built-ins come before plugin jars)
        this.services = ctx.services(AccessChecks.class).stream().filter(a -> sections.add(a.section()))
                .sorted(Comparator.comparing(AccessChecks::section)).toList();
    }

    /** Every service check for this profile, in the services' order. */
    public List<Check> all() {
        List<Check> out = new ArrayList<>();
        for (AccessChecks service : services) {
            if (!ctx.settings(service.section()).present()) {
                out.addAll(skipped(service, service.service() + " is not configured ([profiles." + ctx.profile() + "." + service.section() + "])"));
                continue;
            }
            List<AccessChecks.Check> checks;
            try {
                checks = service.checks(ctx);
            } catch (TcliException e) {
                throw e; // the profile's service sections are wrong: one "services" failure (CheckCommand)
            } catch (RuntimeException e) {
                // a plugin's bug costs its own line, not the whole checklist
                String why = service.getClass().getName() + " failed: " + e;
                out.add(Check.of(service.section(), "report it to the module's author; 'tcli plugins list' shows where it comes from",
                        t -> Outcome.fail(why)));
                continue;
            }
            checks.forEach(c -> out.add(Check.of(c.name(), c.hint(), t -> outcome(c.probe().run(t)))));
        }
        return out;
    }

    /** Every service check's name, skipped for {@code why} (the configuration did not load). */
    public List<Check> skipped(String why) {
        List<Check> out = new ArrayList<>();
        services.forEach(s -> out.addAll(skipped(s, why)));
        return out;
    }

    private static List<Check> skipped(AccessChecks service, String why) {
        return service.names().stream().map(n -> Check.skipped(n, why)).toList();
    }

    private static Outcome outcome(AccessChecks.Result r) {
        if (r == null || r.status() == null) {
            return null; // the checklist says "the check said nothing"
        }
        return switch (r.status()) {
            case OK -> Outcome.pass(r.detail());
            case FAIL -> Outcome.fail(r.detail(), r.hint());
            case SKIP -> Outcome.skip(r.detail());
        };
    }
}
