package dev.cairn.cli;

/**
 * A failure the user can act on: its message is printed as it is (no stack trace) and the command
 * exits 1. The message says what went wrong and what to do next.
 */
public final class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
