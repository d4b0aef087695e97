package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** [tcli] min_version against this build: numeric, pre-releases count as their release, dev builds never older. */
class VersionOrderTest {
    @Test
    void versionsCompareNumerically() {
        assertTrue(TeamFileLoader.compareVersions("0.10.0", "0.9.2") > 0);
        assertTrue(TeamFileLoader.compareVersions("0.1.0-SNAPSHOT", "0.2") < 0);
        assertEquals(0, TeamFileLoader.compareVersions("1.2.0", "1.2"));
        assertEquals(0, TeamFileLoader.compareVersions("0.2.0-SNAPSHOT", "0.2.0"));
        assertTrue(TeamFileLoader.compareVersions("dev", "99") > 0, "a development build is never older");
        assertTrue(TeamFileLoader.compareVersions("1.0", "99999999999999999999") < 0, "a huge number does not throw");
    }
}
