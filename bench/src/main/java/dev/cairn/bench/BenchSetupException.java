package dev.cairn.bench;

/** A benchmark cannot run where or how it was started; the message says how to start it instead. */
public final class BenchSetupException extends RuntimeException {
    public BenchSetupException(String message) {
        super(message);
    }
}
