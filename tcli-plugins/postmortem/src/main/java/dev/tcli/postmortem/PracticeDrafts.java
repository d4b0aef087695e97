package dev.tcli.postmortem;

import dev.tcli.spi.ModuleContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code postmortem new} puts a draft of a sandbox incident when no {@code --out} is given: the
 * sandbox writes no file outside tcli's state directory, so not the working directory but
 * {@code $XDG_STATE_HOME/tcli/sandbox/postmortems/} (removed by nothing: practice drafts are yours to keep).
 */
public final class PracticeDrafts {
    private PracticeDrafts() {
    }

    public static Path dir(ModuleContext ctx) {
        Path dir = ctx.paths().stateDir().resolve("sandbox").resolve("postmortems");
        if (!ctx.flags().dryRun()) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }
}
