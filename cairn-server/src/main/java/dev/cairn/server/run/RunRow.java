package dev.cairn.server.run;

import dev.cairn.core.run.RunState;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One stored run as read from {@code runs}; JSON documents stay text until {@link RunView} writes them.
 * {@code pk} is the internal key other tables point at; {@code runId} is the id users see. {@code sweepId} and
 * {@code sweepParamsJson} are null unless a sweep's controller created the run.
 */
record RunRow(long pk, long projectPk, String runId, String name, String notes, String tagsJson, String group,
              String jobType, RunState state, Integer exitCode, String configJson, String summaryJson,
              String metadataJson, long createdAtMs, long updatedAtMs, long heartbeatAtMs, Long finishedAtMs,
              Long deletedAtMs, long lastSeq, long nextStep, String sweepId, String sweepParamsJson) {

    /** The columns {@link #read} expects, in order, for a query over {@code runs r}. */
    static final String COLUMNS = "r.id, r.project_id, r.run_id, r.name, r.notes, r.tags, r.group_name, r.job_type,"
            + " r.state, r.exit_code, r.config, r.summary, r.metadata, r.created_at, r.updated_at, r.heartbeat_at,"
            + " r.finished_at, r.deleted_at, r.last_seq, r.next_step, r.sweep_id, r.sweep_params";
    static final int COLUMN_COUNT = 22;

    static RunRow read(ResultSet rows) throws SQLException {
        return new RunRow(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rows.getString(5),
                rows.getString(6), rows.getString(7), rows.getString(8), RunState.parse(rows.getString(9)),
                nullableInt(rows, 10), rows.getString(11), rows.getString(12), rows.getString(13), rows.getLong(14),
                rows.getLong(15), rows.getLong(16), nullableLong(rows, 17), nullableLong(rows, 18), rows.getLong(19),
                rows.getLong(20), rows.getString(21), rows.getString(22));
    }

    boolean isSweepRun() {
        return sweepParamsJson != null;
    }

    boolean isDeleted() {
        return deletedAtMs != null;
    }

    /**
     * Seconds the run has been going: until it finished (or, crashed, its last heartbeat), or until
     * {@code nowMs} while it runs.
     */
    double runtimeSeconds(long nowMs) {
        long endMs = finishedAtMs != null ? finishedAtMs : state == RunState.RUNNING ? nowMs : heartbeatAtMs;
        return Math.max(0, endMs - createdAtMs) / 1000.0;
    }

    private static Integer nullableInt(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }
}
