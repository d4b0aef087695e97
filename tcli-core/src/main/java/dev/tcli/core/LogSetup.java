package dev.tcli.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Logging without logback's XML machinery (slow to start): this class is logback's
 * {@link Configurator} (found through {@code META-INF/services}), so logback only initialises
 * when something logs. Silent by default (WARN), {@code -v} INFO, {@code -vv} DEBUG, always to
 * the current run's stderr and through the {@link Redactor}.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    static Level level(int verbosity) {
        return verbosity >= 2 ? Level.DEBUG : verbosity == 1 ? Level.INFO : Level.WARN;
    }

    static void setLevel(int verbosity) {
        Logger root = (Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(verbosity));
    }

    @Override
    public ExecutionStatus configure(LoggerContext lc) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(lc);
        encoder.setPattern("tcli: %level %logger{0}: %msg%n");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(lc);
        appender.setName("stderr");
        appender.setEncoder(encoder);
        appender.setOutputStream(new RedactingStream());
        appender.setImmediateFlush(true);
        appender.start();
        Logger root = lc.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        root.setLevel(level(Logs.verbosity));
        Logs.started = true;
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Collects a log line and writes it, redacted, to the current run's stderr. */
    private static final class RedactingStream extends OutputStream {
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flushLine();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            if (line.size() > 0) {
                flushLine();
            }
        }

        private void flushLine() {
            String s = line.toString(java.nio.charset.StandardCharsets.UTF_8);
            line.reset();
            PrintStream out = Logs.sink;
            out.print(Redactor.redact(s));
            out.flush();
        }
    }
}
