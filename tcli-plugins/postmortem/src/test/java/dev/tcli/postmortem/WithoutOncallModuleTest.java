package dev.tcli.postmortem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * postmortem in a build without the oncall module: run by the {@code without-oncall} surefire
 * execution, which takes {@code tcli-oncall} off the class path (see the pom).
 */
class WithoutOncallModuleTest extends MissingModuleBase {

    @Test
    void noPagerSourceIsOneLineExit3BeforeReadingAnything() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.tcli.oncall.OncallProvider"));
        for (String[] args : new String[][] {{"--incident", "1042"}, {"--incident", "1042", "--status-incident", "p31zjtct2jer"}}) {
            Path out = tmp.resolve("pm.md");
            String[] all = new String[args.length + 6];
            System.arraycopy(new String[] {"--profile", "sandbox", "postmortem", "new", "--out", out.toString()}, 0, all, 0, 6);
            System.arraycopy(args, 0, all, 6, args.length);
            var r = t.run(all);
            assertEquals(3, r.exit(), r.toString());
            String error = errors(r);
            assertEquals("tcli: postmortem new needs the oncall module to read the incident (PagerDuty, Splunk On-Call), "
                    + "and it is not installed", error, r.stderr());
            assertFalse(Files.exists(out));
        }
        assertTrue(rec.all().isEmpty(), "nothing read before saying so");
    }
}
