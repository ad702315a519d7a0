package dev.cairn.cli.agent;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a command-line agent runs trials.
 *
 * @param interpreter  what {@code ${interpreter}} expands to ({@code python3} by default)
 * @param gpus         one parallel slot per entry, each trial pinned with {@code CUDA_VISIBLE_DEVICES};
 *                     empty: one trial at a time, {@code CUDA_VISIBLE_DEVICES} left as it is
 * @param count        most trials to run, over all slots; 0 for no limit
 * @param agentName    how the agent names itself to the controller (kept on the runs' metadata)
 * @param baseUrl      the server, passed to each trial as {@code CAIRN_BASE_URL}
 * @param apiKey       passed as {@code CAIRN_API_KEY}; null for none
 * @param environment  the environment the trials inherit (the agent's own, usually)
 * @param workDir      where each trial's {@code ${args_json_file}} is written
 * @param heartbeatMs  how often a trial's run is heartbeated (and its console sent)
 * @param pollMs       how long to wait before asking again when the sweep is paused or has no free point
 * @param killGraceMs  how long a trial told to stop has after SIGTERM before SIGKILL
 * @param out          where trials' stdout lines are echoed, prefixed with the run id, and the agent's notes
 * @param err          where trials' stderr lines are echoed
 */
public record AgentSettings(String interpreter, List<String> gpus, int count, String agentName, String baseUrl,
                            String apiKey, Map<String, String> environment, Path workDir, long heartbeatMs,
                            long pollMs, long killGraceMs, PrintStream out, PrintStream err) {

    public static final String DEFAULT_INTERPRETER = "python3";
    public static final long DEFAULT_HEARTBEAT_MS = 5_000;
    public static final long DEFAULT_POLL_MS = 5_000;
    public static final long DEFAULT_KILL_GRACE_MS = 10_000;

    public AgentSettings {
        gpus = List.copyOf(gpus);
        environment = Map.copyOf(environment);
        if (count < 0) {
            throw new IllegalArgumentException("count must be 0 (no limit) or more, not " + count);
        }
    }

    /** The parallel slots: one per GPU, or a single one with no GPU (null). */
    List<String> slots() {
        return gpus.isEmpty() ? java.util.Collections.singletonList(null) : gpus;
    }
}
