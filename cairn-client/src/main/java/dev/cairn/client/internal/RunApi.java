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

    /** {@code POST /runs/{entity}/{project}/{run}/heartbeat}. */
    Reply heartbeat() throws IOException;

    /** Where the calls go, for messages: {@code http://127.0.0.1:8080}. */
    String baseUrl();
}
