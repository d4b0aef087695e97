package dev.tcli.onboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.testkit.TcliHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 section 1: onboard's ssh checks read the jump host with the ssh module's rules (exit 3, named). */
class HostileTeamFileTest {
    @TempDir
    Path tmp;

    @Test
    void onboardRefusesAJumpHostOrUserSshWouldMisread() {
        for (String[] bad : List.of(new String[] {"jump_host = \"-oProxyCommand=touch /tmp/x\"", "refusing jump_host"},
                new String[] {"jump_host = \"jump.example.com;id\"", "refusing jump_host"},
                new String[] {"jump_host = \"jump.example.com\"\njump_user = \"-lroot\"", "refusing jump_user"})) {
            TcliHarness t = new TcliHarness(tmp.resolve(Integer.toHexString(bad[0].hashCode())));
            t.config("default_profile = \"live\"\n[team]\nrepo = \"~/team\"\n[profiles.live.ssh]\nconnect_timeout = \"2s\"\n");
            t.writeFile(t.home().resolve("team/tcli-team.toml"), "[environments.live]\n" + bad[0] + "\n", "rw-r--r--");
            var r = t.run("onboard", "check", "--only", "jump-host", "--only", "ssh-login");
            assertEquals(3, r.exit(), r.toString());
            assertTrue(r.stderr().contains(bad[1]) && r.stderr().contains("tcli-team.toml:"), r.stderr());
            assertEquals(1, r.stderr().lines().count(), r.stderr());
        }
    }
}
