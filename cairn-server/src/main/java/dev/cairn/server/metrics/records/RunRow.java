package dev.cairn.server.metrics.records;

import dev.cairn.server.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The columns of a {@code runs} row that ingestion reads and writes. Reading it locks the row on PostgreSQL, so
 * two batches of one run (a retry racing the original) apply one after the other; SQLite has one writer anyway.
 */
final class RunRow {
    long lastSeq;
    long nextStep;
    String state;
    String config;
    String userSummary;
    String metricDefs;
    String metadata;
    /** The parameters a sweep gave the run, or null: they win over config records. */
    String sweepParams;

    static RunRow lock(Connection c, long runPk, Dialect dialect) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT last_seq, next_step, state, config, user_summary,"
                + " metric_defs, metadata, sweep_params FROM runs WHERE id = ?" + (dialect.isSqlite() ? "" : " FOR UPDATE"))) {
            query.setLong(1, runPk);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("run " + runPk + " vanished during ingestion");
                }
                RunRow row = new RunRow();
                row.lastSeq = rows.getLong(1);
                row.nextStep = rows.getLong(2);
                row.state = rows.getString(3);
                row.config = rows.getString(4);
                row.userSummary = rows.getString(5);
                row.metricDefs = rows.getString(6);
                row.metadata = rows.getString(7);
                row.sweepParams = rows.getString(8);
                return row;
            }
        }
    }

    /** Writes the progress of a batch: sequence, auto step, heartbeat and, when it ended the run, its end. */
    static void writeProgress(Connection c, long runPk, long lastSeq, long nextStep, String state, long nowMs,
                              Record.Exit exit) throws SQLException {
        String sql = "UPDATE runs SET last_seq = ?, next_step = ?, state = ?, heartbeat_at = ?, updated_at = ?"
                + (exit == null ? "" : ", exit_code = ?, finished_at = ?") + " WHERE id = ?";
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setLong(1, lastSeq);
            update.setLong(2, nextStep);
            update.setString(3, state);
            update.setLong(4, nowMs);
            update.setLong(5, nowMs);
            int next = 6;
            if (exit != null) {
                if (exit.exitCode() == null) {
                    update.setNull(next++, java.sql.Types.INTEGER);
                } else {
                    update.setInt(next++, exit.exitCode());
                }
                update.setLong(next++, Math.round(exit.time() * 1000));
            }
            update.setLong(next, runPk);
            update.executeUpdate();
        }
    }
}
