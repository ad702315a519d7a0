package dev.cairn.server.sweep;

import dev.cairn.server.run.Project;
import dev.cairn.server.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL of the {@code sweeps} table: insert, read one (optionally locked), list a project's, change one. */
final class SweepStore {
    private static final String COLUMNS = "id, sweep_id, name, state, method, config, notes, retries, created_at,"
            + " updated_at";

    private final Dialect dialect;

    SweepStore(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Inserts a new sweep; null when a concurrent request took the id first. */
    Long insert(Connection c, Project project, String sweepId, String name, String method, String configJson,
                String notes, int retries, long nowMs) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO sweeps (project_id, sweep_id, name, state,"
                + " method, config, notes, retries, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (project_id, sweep_id) DO NOTHING RETURNING id")) {
            insert.setLong(1, project.pk());
            insert.setString(2, sweepId);
            insert.setString(3, name);
            insert.setString(4, SweepState.RUNNING.wireName());
            insert.setString(5, method);
            insert.setString(6, configJson);
            insert.setString(7, notes);
            insert.setInt(8, retries);
            insert.setLong(9, nowMs);
            insert.setLong(10, nowMs);
            try (ResultSet keys = insert.executeQuery()) {
                return keys.next() ? keys.getLong(1) : null;
            }
        }
    }

    SweepRow find(Connection c, Project project, String sweepId) throws SQLException {
        return find(c, project, sweepId, "");
    }

    /**
     * As {@link #find}, locking the row until the transaction ends, so that {@code next} and state changes of
     * one sweep happen one at a time (PostgreSQL; SQLite has a single writer anyway).
     */
    SweepRow findForUpdate(Connection c, Project project, String sweepId) throws SQLException {
        return find(c, project, sweepId, dialect.isSqlite() ? "" : " FOR UPDATE");
    }

    private SweepRow find(Connection c, Project project, String sweepId, String lock) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM sweeps"
                + " WHERE project_id = ? AND sweep_id = ?" + lock)) {
            query.setLong(1, project.pk());
            query.setString(2, sweepId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? read(rows, project) : null;
            }
        }
    }

    /** The project's sweeps, newest first. */
    List<SweepRow> list(Connection c, Project project) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT " + COLUMNS + " FROM sweeps WHERE project_id = ?"
                + " ORDER BY created_at DESC, id DESC")) {
            query.setLong(1, project.pk());
            List<SweepRow> sweeps = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sweeps.add(read(rows, project));
                }
            }
            return sweeps;
        }
    }

    void updateState(Connection c, long sweepPk, SweepState state, long nowMs) throws SQLException {
        update(c, "UPDATE sweeps SET state = ?, updated_at = ? WHERE id = ?", state.wireName(), nowMs, sweepPk);
    }

    void updateNotes(Connection c, long sweepPk, String notes, long nowMs) throws SQLException {
        update(c, "UPDATE sweeps SET notes = ?, updated_at = ? WHERE id = ?", notes, nowMs, sweepPk);
    }

    private static void update(Connection c, String sql, String text, long nowMs, long sweepPk) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            update.setString(1, text);
            update.setLong(2, nowMs);
            update.setLong(3, sweepPk);
            update.executeUpdate();
        }
    }

    private static SweepRow read(ResultSet rows, Project project) throws SQLException {
        return new SweepRow(rows.getLong(1), project, rows.getString(2), rows.getString(3),
                SweepState.parse(rows.getString(4)), rows.getString(5), rows.getString(6), rows.getString(7),
                rows.getInt(8), rows.getLong(9), rows.getLong(10));
    }
}
