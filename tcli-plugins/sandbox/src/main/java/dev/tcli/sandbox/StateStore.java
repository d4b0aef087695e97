package dev.tcli.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The sandbox's state on disk: one JSON file per emulator in {@code $XDG_STATE_HOME/tcli/sandbox/},
 * each access under an exclusive lock on {@code .lock} (two tcli processes at once never see
 * half a write), each write a temp file renamed into place (a crash never leaves half a file).
 * Files are cached in memory and re-read only when another process changed them.
 */
public final class StateStore {
    private final Path dir;
    private final Clock clock;
    private final Map<String, Cached> cache = new HashMap<>();

    private record Cached(ObjectNode state, FileTime modified, long size) {
    }

    public StateStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    /** Runs {@code work} on an emulator's state under the lock; saves it if {@code work} returns true. */
    public synchronized <T> T withState(Emulator emulator, Function<ObjectNode, Result<T>> work) {
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                ObjectNode state = load(emulator);
                Result<T> r = work.apply(state);
                if (r.save()) {
                    save(emulator.name(), state);
                }
                return r.value();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox state in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** What a unit of work returns: a value, and whether the state changed. */
    public record Result<T>(T value, boolean save) {
    }

    /** Replaces every emulator's state with fresh seed data. */
    public synchronized void reset(Iterable<Emulator> emulators, Seed seed) {
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                for (Emulator e : emulators) {
                    ObjectNode s = e.seed(seed);
                    s.put("_seeded_at", seed.now().toString());
                    save(e.name(), s);
                }
                Files.deleteIfExists(dir.resolve(Faults.FILE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox state in " + dir + ": " + e.getMessage(), e);
        }
    }

    Path file(String name) {
        return dir.resolve(name + ".json");
    }

    private ObjectNode load(Emulator emulator) throws IOException {
        Path f = file(emulator.name());
        if (!Files.exists(f)) {
            Seed seed = Seed.at(clock.instant());
            ObjectNode s = emulator.seed(seed);
            s.put("_seeded_at", seed.now().toString());
            save(emulator.name(), s);
            return s;
        }
        FileTime mtime = Files.getLastModifiedTime(f);
        long size = Files.size(f);
        Cached c = cache.get(emulator.name());
        if (c != null && c.modified.equals(mtime) && c.size == size) {
            return c.state;
        }
        ObjectNode s;
        try {
            s = (ObjectNode) Exchange.JSON.readTree(f.toFile());
        } catch (IOException | ClassCastException e) {
            // A damaged file (edited by hand?) is reseeded rather than failing every command.
            Seed seed = Seed.at(clock.instant());
            s = emulator.seed(seed);
            s.put("_seeded_at", seed.now().toString());
            save(emulator.name(), s);
            return s;
        }
        cache.put(emulator.name(), new Cached(s, mtime, size));
        return s;
    }

    private void save(String name, ObjectNode state) throws IOException {
        Path f = file(name);
        Path tmp = dir.resolve("." + name + ".json.tmp");
        Exchange.JSON.writeValue(tmp.toFile(), state);
        try {
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
        }
        cache.put(name, new Cached(state, Files.getLastModifiedTime(f), Files.size(f)));
    }
}
