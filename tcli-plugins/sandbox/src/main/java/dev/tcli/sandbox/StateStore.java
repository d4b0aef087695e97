package dev.tcli.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The sandbox's state on disk: one JSON file per emulator in {@code $XDG_STATE_HOME/tcli/sandbox/},
 * each access under an exclusive lock on {@code .lock} (two tcli processes at once never see
 * half a write), each write a temp file renamed into place (a crash never leaves half a file).
 * Files are cached in memory and re-read only when someone changed them: every save bumps a
 * generation number kept in the lock file, which is exact where mtime and size are not (two
 * writes in one clock tick with the same length). Stores on one directory in one JVM also share
 * a monitor, because a JVM cannot hold two {@link FileLock}s on one file.
 */
public final class StateStore {
    private final Path dir;
    private final Clock clock;
    private final Map<String, Cached> cache = new HashMap<>();
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();
    /** The lock file's generation while this store holds the lock; saves bump it. */
    private long generation;
    private FileChannel lockFile;

    private record Cached(ObjectNode state, long generation) {
    }

    public StateStore(Path dir, Clock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    /** Runs {@code work} on an emulator's state under the lock; saves it if {@code work} returns true. */
    public <T> T withState(Emulator emulator, Function<ObjectNode, Result<T>> work) {
        return locked(ch -> {
            ObjectNode state = load(emulator);
            Result<T> r = work.apply(state);
            if (r.save()) {
                save(emulator.name(), state);
            }
            return r.value();
        });
    }

    private interface LockedWork<T> {
        T run(FileChannel lockFile) throws IOException;
    }

    private <T> T locked(LockedWork<T> work) {
        try {
            dev.tcli.spi.PrivateFiles.directory(dir);
            Object monitor = MONITORS.computeIfAbsent(dir.toAbsolutePath().normalize(), k -> new Object());
            synchronized (monitor) {
                synchronized (this) {
                    try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                            StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                        ch.lock(); // released when the channel closes
                        generation = readGeneration(ch);
                        lockFile = ch;
                        try {
                            return work.run(ch);
                        } finally {
                            lockFile = null;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox state in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static long readGeneration(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Long.BYTES);
        ch.position(0);
        while (b.hasRemaining() && ch.read(b) > 0) {
            // keep reading: a short read is possible
        }
        return b.hasRemaining() ? 0 : b.flip().getLong();
    }

    private static void writeGeneration(FileChannel ch, long generation) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Long.BYTES).putLong(generation).flip();
        ch.position(0);
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** What a unit of work returns: a value, and whether the state changed. */
    public record Result<T>(T value, boolean save) {
    }

    /** Replaces every emulator's state with fresh seed data. */
    public void reset(Iterable<Emulator> emulators, Seed seed) {
        locked(ch -> {
            for (Emulator e : emulators) {
                ObjectNode s = e.seed(seed);
                s.put("_seeded_at", seed.now().toString());
                save(e.name(), s);
            }
            Files.deleteIfExists(dir.resolve(Faults.FILE));
            return null;
        });
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
        Cached c = cache.get(emulator.name());
        if (c != null && c.generation == generation && generation != 0) {
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
        cache.put(emulator.name(), new Cached(s, generation));
        return s;
    }

    private void save(String name, ObjectNode state) throws IOException {
        Path f = file(name);
        byte[] bytes = Exchange.JSON.writeValueAsBytes(state);
        // Bump the generation before the rename: a crash in between costs a re-read, never a stale cache.
        generation++;
        writeGeneration(lockFile, generation);
        // 0600, a unique exclusively created temp file, atomic rename (dev.tcli.spi.PrivateFiles)
        dev.tcli.spi.PrivateFiles.replace(f, bytes);
        cache.put(name, new Cached(state, generation));
    }
}
