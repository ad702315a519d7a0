package dev.cairn.server.store;

/** A storage failure that callers cannot fix by changing their input (disk full, database gone). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
