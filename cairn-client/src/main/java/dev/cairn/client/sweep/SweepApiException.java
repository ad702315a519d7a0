package dev.cairn.client.sweep;

import dev.cairn.client.CairnException;

/** The server refused a sweep request for a reason retrying won't fix; the message is the server's, with the status. */
public final class SweepApiException extends CairnException {
    private final int status;

    public SweepApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status: 400 invalid sweep file, 404 unknown sweep, 409 a state change not allowed, ... */
    public int status() {
        return status;
    }
}
