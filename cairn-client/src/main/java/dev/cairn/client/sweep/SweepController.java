package dev.cairn.client.sweep;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What an agent asks of one sweep's controller (docs/api.md, "Agents"). {@link SweepClient#controller}
 * gives the HTTP one; tests script their own.
 *
 * <p>An {@link IOException} means the server could not be reached or answered 5xx: worth trying again.
 * A refusal the agent can't fix throws {@link SweepApiException}.
 *
 * <pre>{@code
 * SweepController sweep = new SweepClient(url, null).controller(SweepRef.parse("alice/mnist/sw4k2p9q", null, null));
 * NextTrial trial = sweep.next("gpu-box-1");
 * }</pre>
 */
public interface SweepController {
    /** The sweep this controller speaks for. */
    SweepRef sweep();

    /** The sweep's config: the sweep file as JSON ({@code program}, {@code command}, {@code parameters}...). */
    Map<String, Object> config() throws IOException;

    /** {@code POST .../next}: the next trial, or none with the sweep's state. */
    NextTrial next(String agent) throws IOException;

    /** {@code POST /runs/.../heartbeat} for a trial's run; true when the answer says {@code stop}. */
    boolean heartbeat(String runId) throws IOException;

    /** {@code POST /runs/.../console}: lines the trial printed. */
    void console(String runId, List<ConsoleLine> lines) throws IOException;

    /** The run's state ({@code running}, {@code finished}, {@code killed}, ...). */
    String runState(String runId) throws IOException;

    /** {@code PATCH /runs/...}: ends the run in {@code state} with {@code exitCode} (null: none). */
    void endRun(String runId, String state, Integer exitCode) throws IOException;
}
