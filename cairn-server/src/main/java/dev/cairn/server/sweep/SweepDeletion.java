package dev.cairn.server.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.run.RunKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code DELETE /sweeps/{entity}/{project}/{sweep}}: removes the sweep's row. Its runs stay, as ordinary runs
 * (no {@code sweep}, their parameters no longer winning over a script's config), or with {@code delete_runs}
 * they also go to the runs trash, as {@code DELETE /runs/...} puts them there (restorable). A sweep that still
 * hands out trials and has running ones is refused unless {@code force}: stop or cancel it first.
 *
 * <pre>{@code
 * SweepDeletion.Outcome gone = SweepDeletion.delete(c, sweep, key, members, true, false, nowMs);
 * gone.answer();   // {"id":"sw4k2p9q","deleted":true,"runs":12,"runs_deleted":12}
 * }</pre>
 */
final class SweepDeletion {
    private SweepDeletion() {
    }

    /** The answer, and the runs whose object changed (to publish once committed). */
    record Outcome(ObjectNode answer, long sweepPk, List<RunKey> changedRuns) {
    }

    static Outcome delete(Connection c, SweepRow sweep, SweepKey key, List<SweepMember> members, boolean deleteRuns,
                          boolean force, long nowMs) throws SQLException {
        List<String> running = members.stream().filter(m -> m.isRunning() && !m.isDeleted()).map(SweepMember::runId)
                .toList();
        boolean handsOutTrials = sweep.state() == SweepState.RUNNING || sweep.state() == SweepState.PAUSED;
        if (!running.isEmpty() && handsOutTrials && !force) {
            throw new ApiException.Conflict("sweep " + key + " is " + sweep.state().wireName() + " with "
                    + running.size() + " running trial(s) (" + String.join(", ", running.subList(0, Math.min(5,
                    running.size()))) + "); stop it first (POST /api/v1/sweeps/" + key + "/stop lets them finish, /cancel"
                    + " stops them), or delete with force=true, which leaves them running as ordinary runs"
                    + (deleteRuns ? " in the trash" : ""));
        }
        int trashed = 0;
        if (deleteRuns) {
            try (PreparedStatement trash = c.prepareStatement("UPDATE runs SET deleted_at = ?, updated_at = ?"
                    + " WHERE project_id = ? AND sweep_id = ? AND deleted_at IS NULL")) {
                trash.setLong(1, nowMs);
                trash.setLong(2, nowMs);
                trash.setLong(3, sweep.project().pk());
                trash.setString(4, sweep.sweepId());
                trashed = trash.executeUpdate();
            }
        }
        try (PreparedStatement detach = c.prepareStatement("UPDATE runs SET sweep_id = NULL, sweep_params = NULL,"
                + " updated_at = ? WHERE project_id = ? AND sweep_id = ?")) {
            detach.setLong(1, nowMs);
            detach.setLong(2, sweep.project().pk());
            detach.setString(3, sweep.sweepId());
            detach.executeUpdate();
        }
        try (PreparedStatement remove = c.prepareStatement("DELETE FROM sweeps WHERE id = ?")) {
            remove.setLong(1, sweep.pk());
            remove.executeUpdate();
        }
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("entity", key.entity());
        answer.put("project", key.project());
        answer.put("id", sweep.sweepId());
        answer.put("deleted", true);
        answer.put("runs", members.stream().filter(m -> !m.isDeleted()).count());
        answer.put("runs_deleted", trashed);
        List<RunKey> changed = members.stream().map(m -> new RunKey(key.entity(), key.project(), m.runId())).toList();
        return new Outcome(answer, sweep.pk(), changed);
    }
}
