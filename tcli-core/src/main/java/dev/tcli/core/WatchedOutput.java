package dev.tcli.core;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * stdout that remembers why it could not be written: a {@code PrintStream} swallows the
 * {@code IOException} of a full disk ({@code > /dev/full}) or a closed pipe, and tcli would exit
 * 0 having printed nothing. {@link Tcli} asks {@link #failure()} at the end of the run and exits
 * 1 with "cannot write output: No space left on device".
 */
public final class WatchedOutput extends PrintStream {
    private final Recorder recorder;

    private WatchedOutput(Recorder recorder, boolean autoFlush) {
        super(recorder, autoFlush, StandardCharsets.UTF_8);
        this.recorder = recorder;
    }

    public static WatchedOutput of(OutputStream raw) {
        return of(raw, false);
    }

    public static WatchedOutput of(OutputStream raw, boolean autoFlush) {
        return new WatchedOutput(new Recorder(raw), autoFlush);
    }

    /** The first write or flush failure, after a flush; null when everything was written. */
    public IOException failure() {
        flush();
        return recorder.first != null ? recorder.first : checkError() ? new IOException("write error") : null;
    }

    private static final class Recorder extends FilterOutputStream {
        private volatile IOException first;

        Recorder(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (first == null) {
                first = e;
            }
            return e;
        }
    }
}
