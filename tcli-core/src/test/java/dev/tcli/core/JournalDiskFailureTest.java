package dev.tcli.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.tcli.spi.ExitCode;
import dev.tcli.spi.TcliException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal meeting a disk that fails mid-append. A full disk or an fsync error cannot be
 * produced for real in a test (and root ignores permissions), so the file channel is a Mockito
 * mock; everything else, the directory included, is real.
 */
class JournalDiskFailureTest {
    @TempDir
    Path tmp;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC);

    private JsonlJournal journalOn(FileChannel disk) {
        return new JsonlJournal(tmp.resolve("state/journal.jsonl"), () -> "prod", "dana", clock, f -> disk);
    }

    @Test
    void fullDiskIsOneLineSayingTheActionWasDone() throws IOException {
        FileChannel disk = mock(FileChannel.class);
        when(disk.size()).thenReturn(0L);
        when(disk.write(any(ByteBuffer.class), anyLong())).thenThrow(new IOException("No space left on device"));

        TcliException e = assertThrows(TcliException.class,
                () -> journalOn(disk).record("oncall", "ack", "PD1", "ok", Map.of("number", "42")));

        assertEquals(ExitCode.FAILED, e.exitCode());
        assertEquals("could not write the journal " + tmp.resolve("state/journal.jsonl")
                + ": No space left on device (the action itself was done)", e.getMessage());
        verify(disk, never()).force(anyBoolean()); // nothing claimed durable that was not written
        verify(disk).close(); // the lock goes with the channel: a failed append must not keep it
    }

    @Test
    void failedSyncIsReportedAfterTheLineWasHandedToTheDisk() throws IOException {
        FileChannel disk = mock(FileChannel.class);
        when(disk.size()).thenReturn(0L);
        when(disk.write(any(ByteBuffer.class), anyLong())).thenAnswer(a -> ((ByteBuffer) a.getArgument(0)).remaining());
        doThrow(new IOException("Input/output error")).when(disk).force(true);

        TcliException e = assertThrows(TcliException.class,
                () -> journalOn(disk).record("status", "update", "INC1", "ok", Map.of()));

        assertEquals(ExitCode.FAILED, e.exitCode());
        assertTrue(e.getMessage().endsWith(": Input/output error (the action itself was done)"), e.getMessage());
        verify(disk).write(any(ByteBuffer.class), eq(0L));
        verify(disk).close();
    }
}
