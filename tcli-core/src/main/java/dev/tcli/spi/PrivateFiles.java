package dev.tcli.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The one way tcli writes the files it owns (the journal, the who-cache, the sandbox state, an
 * {@code --ical} export, the config file, caches): they hold names, emails and what the user did,
 * so files are 0600 and the directories tcli creates 0700. A replacement is atomic (a unique temp
 * file created exclusively beside the target, forced to disk, renamed over it), so two runs never
 * rename each other's half-written file and a crash leaves the old or the new file, never a
 * mix. A symlink where tcli writes is refused, never followed: a link planted at a target or at a
 * temp name cannot make tcli overwrite or append to another file.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} and its missing parents with mode 0700 (existing directories keep theirs). */
    public static Path directory(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return dir;
        }
        if (abs.getParent() != null) {
            directory(abs.getParent());
        }
        try {
            Files.createDirectory(abs, attr(DIR));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(abs)) {
                throw e;
            }
        }
        return dir;
    }

    /** Replaces {@code target} atomically with {@code text} (UTF-8), mode 0600. */
    public static void replace(Path target, String text) throws IOException {
        replace(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces {@code target} atomically with {@code bytes}, mode 0600. */
    public static void replace(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        directory(dir);
        refuseLink(target);
        // unique and created exclusively (O_CREAT|O_EXCL): never another run's file, never a planted link
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attr(FILE));
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, Set.of(StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS))) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Opens {@code file} for appending under tcli's rules: created 0600 if missing, an existing
     * file tightened to 0600, a symlink refused. The caller locks and writes (the journal).
     */
    public static FileChannel openForAppend(Path file) throws IOException {
        directory(file.toAbsolutePath().getParent());
        refuseLink(file);
        FileChannel ch = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS), attr(FILE));
        try {
            tighten(file);
        } catch (IOException | UnsupportedOperationException e) {
            // a file system without POSIX modes (or another owner's file) keeps its own
        }
        return ch;
    }

    /** Sets an existing file of tcli's to 0600 (older tcli versions wrote 0644). */
    public static void tighten(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")
                && !Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(FILE)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    private static void refuseLink(Path target) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new IOException("refusing to write through the symbolic link " + target + " (tcli writes its own files only)");
        }
    }

    private static FileAttribute<?>[] attr(Set<PosixFilePermission> perms) {
        return java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)}
                : new FileAttribute<?>[0];
    }
}
