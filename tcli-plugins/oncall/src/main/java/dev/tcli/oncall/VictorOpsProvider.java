package dev.tcli.oncall;

import dev.tcli.spi.ModuleContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Splunk On-Call (VictorOps) public API v1/v2. */
final class VictorOpsProvider implements OncallProvider {
    private final ModuleContext ctx;

    VictorOpsProvider(ModuleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "victorops";
    }

    private RuntimeException todo() {
        return OncallProvider.unsupported("Splunk On-Call", "support in tcli yet", "use the web UI");
    }

    @Override public Person me() { throw todo(); }
    @Override public Person person(String who) { throw todo(); }
    @Override public Iterable<Incident> incidents(IncidentQuery query) { throw todo(); }
    @Override public Incident incident(String ref) { throw todo(); }
    @Override public List<LogEntry> log(Incident incident) { throw todo(); }
    @Override public List<ActionResult> ack(List<Incident> incidents) { throw todo(); }
    @Override public List<ActionResult> resolve(List<Incident> incidents, String note) { throw todo(); }
    @Override public ActionResult reassign(Incident incident, Person person, String policy) { throw todo(); }
    @Override public ActionResult note(Incident incident, String text) { throw todo(); }
    @Override public ActionResult snooze(Incident incident, Duration duration) { throw todo(); }
    @Override public ActionResult addResponders(Incident incident, List<Person> people, String message) { throw todo(); }
    @Override public ActionResult escalate(Incident incident, int level) { throw todo(); }
    @Override public List<OnCall> whoIsOnCall(String schedule, String policy, Instant at) { throw todo(); }
    @Override public List<Shift> shifts(String schedule, Instant from, Instant to) { throw todo(); }
    @Override public ActionResult override(String schedule, Person person, Instant start, Instant end) { throw todo(); }
}
