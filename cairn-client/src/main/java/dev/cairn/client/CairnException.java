package dev.cairn.client;

/**
 * A run could not be started or synced, for a reason the user must fix: the server refused the run
 * (its id is taken, it does not exist but must be resumed, a name is invalid) or the options are wrong.
 * The message says what went wrong and what to do.
 */
public class CairnException extends RuntimeException {
    public CairnException(String message) {
        super(message);
    }

    public CairnException(String message, Throwable cause) {
        super(message, cause);
    }
}
