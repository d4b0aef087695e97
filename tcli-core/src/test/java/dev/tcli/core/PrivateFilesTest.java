package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tcli.spi.PrivateFiles;
import dev.tcli.testkit.TcliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 section 5: private files are 0600 in 0700 directories, replaced atomically, never through a symlink. */
class PrivateFilesTest {
    @TempDir
    Path tmp;

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aReplacedFileIs0600InA0700DirectoryAndNoTempFileIsLeft() throws Exception {
        Path f = tmp.resolve("state/tcli/oncall/live-who.json");
        PrivateFiles.replace(f, "{\"rows\":[]}");
        assertEquals("rw-------", mode(f));
        assertEquals("rwx------", mode(f.getParent()));
        assertEquals("rwx------", mode(tmp.resolve("state")));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        PrivateFiles.replace(f, "two");
        assertEquals("two", Files.readString(f));
        assertEquals("rw-------", mode(f), "a file an older tcli wrote 0644 becomes 0600");
        try (Stream<Path> s = Files.list(f.getParent())) {
            assertEquals(List.of(f), s.toList());
        }
    }

    @Test
    void aSymlinkAtTheTargetOrAtTheOldFixedTempNameIsNeverFollowed() throws Exception {
        Path victim = tmp.resolve("victim.txt");
        Files.writeString(victim, "precious");
        Path dir = Files.createDirectories(tmp.resolve("cache"));
        Path target = dir.resolve("t-who.json");
        Files.createSymbolicLink(target, victim);
        IOException e = assertThrows(IOException.class, () -> PrivateFiles.replace(target, "evil"));
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("precious", Files.readString(victim));
        Files.delete(target);
        // the fixed names tcli used before: a link planted there is simply not used
        Files.createSymbolicLink(dir.resolve(".t-who.json.tmp"), victim);
        Files.createSymbolicLink(dir.resolve("t-who.json.tmp"), victim);
        PrivateFiles.replace(target, "fresh");
        assertEquals("fresh", Files.readString(target));
        assertEquals("precious", Files.readString(victim));
        Path journal = dir.resolve("journal.jsonl");
        Files.createSymbolicLink(journal, victim);
        assertThrows(IOException.class, () -> PrivateFiles.openForAppend(journal).close());
        assertEquals("precious", Files.readString(victim));
    }

    @Test
    void concurrentReplacesNeverMixOrRenameEachOthersHalfWrittenFile() throws Exception {
        Path target = tmp.resolve("roster.json");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> written = new HashSet<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String body = ("writer-" + i + "-").repeat(5000);
            written.add(body);
            futures.add(pool.submit(() -> {
                PrivateFiles.replace(target, body);
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertTrue(written.contains(Files.readString(target)), "one writer's whole file");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(target), s.toList(), "no temp file left behind");
        }
    }

    @Test
    void theJournalIs0600InA0700DirectoryAndRefusesASymlink() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            for (int i = 0; i < 3; i++) {
                server.enqueue(new MockResponse.Builder().code(200).body("{\"status\":\"acknowledged\"}").build());
            }
            var t = new TcliHarness(tmp).config("default_profile = \"live\"\n[profiles.live.pagerduty]\nemail = \"a@b\"\n");
            assertEquals(0, t.run("--yes", "echo", "mutate", "--url", server.url("/").toString()).exit());
            Path journal = t.stateDir().resolve("journal.jsonl");
            assertEquals("rw-------", mode(journal));
            assertEquals("rwx------", mode(journal.getParent()));
            Files.setPosixFilePermissions(journal, PosixFilePermissions.fromString("rw-r--r--"));
            assertEquals(0, t.run("--yes", "echo", "mutate", "--url", server.url("/").toString()).exit());
            assertEquals("rw-------", mode(journal), "an old 0644 journal is tightened");
            Path victim = tmp.resolve("victim");
            Files.writeString(victim, "precious\n");
            Files.delete(journal);
            Files.createSymbolicLink(journal, victim);
            var r = t.run("--yes", "echo", "mutate", "--url", server.url("/").toString());
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.stderr().contains("could not write the journal") && r.stderr().contains("symbolic link"), r.stderr());
            assertEquals("precious\n", Files.readString(victim));
        }
    }
}
