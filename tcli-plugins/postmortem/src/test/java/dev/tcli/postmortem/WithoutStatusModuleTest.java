package dev.tcli.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * postmortem in a build without the status module: run by the {@code without-status} surefire
 * execution, which takes {@code tcli-status} off the class path (see the pom).
 */
class WithoutStatusModuleTest extends MissingModuleBase {

    @Test
    void theStatusModuleIsReallyAbsent() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.tcli.status.StatuspageClient"));
        var r = t.run("--profile", "sandbox", "status", "components");
        assertEquals(2, r.exit(), r.toString());
    }

    @Test
    void statusIncidentSaysTheModuleIsMissingBeforeReadingAnything() {
        Path out = tmp.resolve("pm.md");
        var r = t.run("--profile", "sandbox", "postmortem", "new", "--incident", "1042", "--status-incident", "p31zjtct2jer",
                "--out", out.toString());
        assertEquals(3, r.exit(), r.toString());
        assertEquals("", r.stdout());
        String error = errors(r);
        assertEquals("tcli: --status-incident needs the status module to read the Statuspage incident, and it is not installed; "
                + "leave out --status-incident to draft without the status page", error, r.stderr());
        assertFalse(Files.exists(out));
        assertTrue(rec.all().isEmpty(), "nothing read before saying so");
    }

    @Test
    void withoutStatusIncidentTheDraftIsWritten() throws Exception {
        Path out = tmp.resolve("pm.md");
        var r = t.run("--profile", "sandbox", "postmortem", "new", "--incident", "1042", "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        String md = Files.readString(out);
        assertTrue(md.startsWith("# Postmortem: "), md);
        assertTrue(md.contains("| PagerDuty |") && md.contains(" 0 Statuspage updates"), md);
    }
}
