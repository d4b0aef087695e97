package dev.tcli.onboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tcli.sandbox.Emulator;
import dev.tcli.sandbox.SandboxServer;
import dev.tcli.sandbox.StateStore;
import dev.tcli.sandbox.sumologic.SumoLogicEmulator;
import dev.tcli.spi.ModuleContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sandbox emulators' state on disk, shared with every other tcli process of this home (the
 * trainee's commands run in their own processes, each serving the same state). Reads under the
 * store's lock and copies out what the drill needs.
 */
final class SandboxState {
    private final StateStore store;

    SandboxState(ModuleContext ctx) {
        // where the sandbox profile keeps it: $XDG_STATE_HOME/tcli/sandbox
        Path dir = ctx.paths().stateDir().resolve("sandbox");
        this.store = new StateStore(dir, ctx.clock());
    }

    /** A copy of what {@code read} picks from the emulator's state; empty when the sandbox has no such emulator. */
    <T> Optional<T> read(String emulator, Function<ObjectNode, T> read) {
        Optional<Emulator> e = SandboxServer.emulator(emulator);
        return e.map(em -> store.withState(em, s -> new StateStore.Result<>(read.apply(s), false)));
    }

    JsonNode copy(String emulator, String field) {
        return this.<JsonNode>read(emulator, s -> s.path(field).deepCopy()).orElse(null);
    }

    /** Adds practice log lines; false when the sandbox has no Sumo Logic emulator. */
    boolean injectLogs(List<Map<String, String>> messages) {
        Optional<Emulator> e = SandboxServer.emulator("sumologic");
        e.ifPresent(em -> store.withState(em, s -> {
            SumoLogicEmulator.inject(s, messages);
            return new StateStore.Result<>(null, true);
        }));
        return e.isPresent();
    }
}
