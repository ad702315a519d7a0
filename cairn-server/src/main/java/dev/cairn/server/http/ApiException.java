package dev.cairn.server.http;

/**
 * A failure the client can act on. Handlers throw one of the subclasses; {@link ErrorMapper} turns it
 * into the HTTP status and the body {@code {"error":{"code":...,"message":...}}}. The message says what
 * was wrong and how to fix it.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** 400: the request is malformed or a value is out of range. */
    public static final class BadRequest extends ApiException {
        public BadRequest(String message) {
            super(400, "bad_request", message);
        }
    }

    /** 404: the entity, project, run or file does not exist. */
    public static final class NotFound extends ApiException {
        public NotFound(String message) {
            super(404, "not_found", message);
        }
    }

    /** 409: the request contradicts the current state (run id taken, sequence gap, ...). */
    public static final class Conflict extends ApiException {
        public Conflict(String message) {
            super(409, "conflict", message);
        }
    }

    /** 413: the body is larger than the stated limit. */
    public static final class PayloadTooLarge extends ApiException {
        public PayloadTooLarge(String message) {
            super(413, "payload_too_large", message);
        }
    }
}
