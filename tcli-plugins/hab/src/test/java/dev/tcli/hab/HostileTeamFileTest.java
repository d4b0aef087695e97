package dev.tcli.hab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.TcliHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 section 1: hab reads nodes through the ssh module and refuses the same hostile entries (exit 3, named). */
class HostileTeamFileTest {
    @TempDir
    Path tmp;

    @Test
    void habRefusesANodeSshWouldMisread() {
        for (String[] bad : List.of(new String[] {"name = \"*\"", "node name: '*'"},
                new String[] {"name = \"live-api-0\"\nhost = \"10.0.0.1 -oProxyCommand=x\"", "host of node live-api-0"},
                new String[] {"name = \"live-api-0\"\nuser = \"-oProxyCommand=x\"", "user of node live-api-0"})) {
            TcliHarness t = new TcliHarness(tmp.resolve(Integer.toHexString(bad[0].hashCode())));
            t.config("default_profile = \"live\"\n[team]\nrepo = \"~/team\"\n[profiles.live.ssh]\nconnect_timeout = \"2s\"\n");
            t.writeFile(t.home().resolve("team/tcli-team.toml"), "[environments.live]\njump_host = \"jump.example.com\"\n"
                    + "[[environments.live.nodes]]\n" + bad[0] + "\n", "rw-r--r--");
            for (String[] argv : List.of(new String[] {"hab", "status", "--env", "live"}, new String[] {"hab", "status", "live-api-0"})) {
                var r = t.run(argv);
                assertEquals(3, r.exit(), r.toString());
                assertTrue(r.stderr().contains("refusing " + bad[1]) && r.stderr().contains("tcli-team.toml:"), r.stderr());
                assertEquals(1, r.stderr().lines().count(), r.stderr());
            }
        }
    }
}
