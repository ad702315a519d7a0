package dev.cairn.client.internal;

import java.io.IOException;
import java.util.List;

/**
 * The three calls the sender makes for one run. {@link HttpTransport} makes them over HTTP; tests script
 * them. An {@link IOException} means the server could not be reached or did not answer in time.
 */
public interface RunApi {
    /** {@code POST /runs/{entity}/{project}} with a JSON body (create or resume). */
    Reply createRun(byte[] jsonBody) throws IOException;

    /** {@code POST /runs/{entity}/{project}/{run}/records} with the body {@code {"records":[...]}} of {@code batch}. */
    Reply sendRecords(List<Frame> batch) throws IOException;

    /**
     * Starts {@link #sendRecords} and returns at once with the request in flight, so that the sender can read
     * the next batch from the log meanwhile. This default sends before it returns.
     */
    default InFlight startSendRecords(List<Frame> batch) {
        try {
            Reply reply = sendRecords(batch);
            return () -> reply;
        } catch (IOException e) {
            return () -> {
                throw e;
            };
        }
    }

    /** A records request on its way; {@link #await} waits for the server's answer. */
    interface InFlight {
        /** The answer; an {@link IOException} when the server could not be reached or did not answer in time. */
        Reply await() throws IOException;
    }

    /** {@code POST /runs/{entity}/{project}/{run}/heartbeat}. */
    Reply heartbeat() throws IOException;

    /** Where the calls go, for messages: {@code http://127.0.0.1:8080}. */
    String baseUrl();
}
