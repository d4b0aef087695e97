package dev.tcli.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes stand-in {@code tcli-*} plugins into temp directories. */
final class Scripts {
    private Scripts() {
    }

    /** A shell script with mode 0755. */
    static Path executable(Path dir, String fileName, String body) {
        return write(dir, fileName, "#!/bin/sh\n" + body, "rwxr-xr-x");
    }

    static Path write(Path dir, String fileName, String text, String perms) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(fileName);
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(perms));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Prints every argument on its own line in brackets, so spaces and quotes are visible. */
    static final String PRINT_ARGS = "for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done\n";

    /** Prints tcli's variables and the secret that must not be there, sorted. */
    static final String PRINT_ENV = "env | grep -E '^(TCLI_|PLAIN_)' | sort\n";

    /** The system PATH after the given directories. */
    static String path(Path... dirs) {
        StringBuilder sb = new StringBuilder();
        for (Path d : dirs) {
            sb.append(d).append(':');
        }
        return sb.append(System.getenv().getOrDefault("PATH", "/usr/bin:/bin")).toString();
    }
}
