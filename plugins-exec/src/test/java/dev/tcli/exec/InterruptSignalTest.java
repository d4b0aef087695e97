package dev.tcli.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * sun.misc.Signal is reached by reflection (see InterruptSignal): this proves the reflection
 * still finds it on the JDK the build runs on, so a JDK that drops it fails here, not silently
 * at a user's Ctrl-C.
 */
@Isolated // replaces the JVM's SIGINT handler for a moment
class InterruptSignalTest {
    @Test
    void stepsAsideFromSigintAndPutsThePreviousHandlerBack() {
        Object original = InterruptSignal.ignore();
        assertNotNull(original, "the JVM's own SIGINT handler (no -Xrs here)");
        Object ours;
        try {
            ours = InterruptSignal.ignore(); // answers with the handler now installed: ours
            assertEquals("tcli: SIGINT goes to the plugin", String.valueOf(ours));
            assertNotSame(original, ours);
            InterruptSignal.restore(ours);
        } finally {
            InterruptSignal.restore(original);
        }
        Object back = InterruptSignal.ignore();
        try {
            // sun.misc wraps the JVM's own handler afresh on every answer: same kind, not ours
            assertSame(original.getClass(), back.getClass(), "restore put the original handler back: " + back);
            assertNotEquals("tcli: SIGINT goes to the plugin", String.valueOf(back));
        } finally {
            InterruptSignal.restore(back);
        }
    }
}
