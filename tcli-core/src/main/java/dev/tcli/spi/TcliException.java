package dev.tcli.spi;

/**
 * A failure the user should read as one line, with the exit code of docs/design.md §3.
 * The message says what went wrong and what to do; it never contains a secret. The core prints
 * {@code tcli: MESSAGE} on stderr, and the stack trace only with {@code -v}.
 */
public class TcliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public TcliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public TcliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static TcliException failed(String message) {
        return new TcliException(ExitCode.FAILED, message);
    }

    public static TcliException usage(String message) {
        return new TcliException(ExitCode.USAGE, message);
    }

    public static TcliException config(String message) {
        return new TcliException(ExitCode.CONFIG, message);
    }

    public static TcliException notFound(String message) {
        return new TcliException(ExitCode.NOT_FOUND, message);
    }

    public static TcliException unavailable(String message, Throwable cause) {
        return new TcliException(ExitCode.UNAVAILABLE, message, cause);
    }
}
