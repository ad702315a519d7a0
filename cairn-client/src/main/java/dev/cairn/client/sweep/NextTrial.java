package dev.cairn.client.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The controller's answer to {@code next}: a trial to run (the run the server created and its
 * parameters), or none with the sweep's state saying whether to wait or to stop asking.
 *
 * @param sweepState {@code running}, {@code paused}, {@code finished}, {@code stopped} or {@code canceled}
 * @param runId      the run created for this trial, or null when none was handed out
 * @param params     the trial's parameters (empty when none was handed out)
 */
public record NextTrial(String sweepState, String runId, Map<String, Object> params) {

    public NextTrial {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Whether a trial was handed out. */
    public boolean hasRun() {
        return runId != null;
    }

    /** Whether the sweep hands out nothing more: the agent should exit. */
    public boolean isSweepOver() {
        return runId == null && !"running".equals(sweepState) && !"paused".equals(sweepState);
    }
}
