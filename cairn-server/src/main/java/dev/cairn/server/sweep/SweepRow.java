package dev.cairn.server.sweep;

import dev.cairn.server.run.Project;

/** One stored sweep as read from {@code sweeps}; {@code configJson} is the sweep file decoded to JSON. */
record SweepRow(long pk, Project project, String sweepId, String name, SweepState state, String method,
                String configJson, String notes, int retries, long createdAtMs, long updatedAtMs) {

    @Override
    public String toString() {
        return project + "/" + sweepId;
    }
}
