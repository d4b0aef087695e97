package dev.tcli.onboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tcli.sandbox.Recorder;
import dev.tcli.testkit.TcliHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * onboard check in a build without the status module: run by the {@code without-status} surefire
 * execution, which takes {@code tcli-status} off the class path (see the pom). Onboard finds the
 * service checks through dev.tcli.spi.AccessChecks, so the Statuspage line is simply not there.
 */
class WithoutStatusModuleTest {
    @TempDir
    Path tmp;

    @Test
    void theStatusModuleIsReallyAbsent() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.tcli.status.StatuspageClient"));
        var r = new TcliHarness(tmp).run("--profile", "sandbox", "status", "components");
        assertEquals(2, r.exit(), r.toString());
    }

    @Test
    void everyOtherCheckRunsAndPassesAndNoneIsAboutTheStatusPage() {
        var t = new TcliHarness(tmp);
        List<Recorder.Recorded> calls;
        TcliHarness.Result r;
        try (Recorder rec = Recorder.of(t.stateDir().resolve("sandbox"))) {
            r = t.run("--profile", "sandbox", "onboard", "check", "-o", "json");
            calls = rec.all();
        }
        assertEquals(0, r.exit(), r.toString());
        List<String> names = new ArrayList<>();
        for (JsonNode c : r.json()) {
            names.add(c.path("name").asText());
            assertFalse(c.path("ok").isBoolean() && !c.path("ok").asBoolean(), "no check fails: " + c);
        }
        // the order of today's checklist, less statuspage
        assertEquals(List.of("config", "team-file", "team-repo", "pagerduty", "pagerduty-contact", "pagerduty-schedule", "sumologic",
                "victorops", "identity-file", "jump-host", "known-hosts", "ssh-login", "tool-ssh", "tool-git", "team repo readable",
                "runbook checked out"), names, r.stdout());
        assertTrue(calls.stream().noneMatch(c -> c.service().equals("statuspage")), "nothing asked of the status page: " + calls);
        assertTrue(calls.stream().anyMatch(c -> c.service().equals("pagerduty")), "the other services were asked: " + calls);
    }

    @Test
    void askingForTheStatusPageCheckIsAnUnknownCheck() {
        var r = new TcliHarness(tmp).run("--profile", "sandbox", "onboard", "check", "--only", "statuspage");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().contains("no check named 'statuspage'; checks: config, team-file, team-repo, pagerduty,"), r.stderr());
    }

    @Test
    void aBrokenConfigStillListsTheOtherServiceChecksAsSkipped() {
        var r = new TcliHarness(tmp).config("[profiles.live\n").run("--profile", "live", "onboard", "check", "-o", "json");
        assertEquals(1, r.exit(), r.toString());
        List<String> skipped = new ArrayList<>();
        r.json().forEach(c -> {
            if (c.path("ok").isNull()) {
                skipped.add(c.path("name").asText());
            }
        });
        assertEquals(List.of("team-file", "team-repo", "pagerduty", "pagerduty-contact", "pagerduty-schedule", "sumologic", "victorops",
                "identity-file", "jump-host", "known-hosts", "ssh-login"), skipped, r.stdout());
    }
}
