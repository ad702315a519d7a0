package dev.cairn.server.run;

import dev.cairn.server.store.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * SQL of single runs: read one, insert one, write back its mutable columns, keep its tags. Lists and
 * exports are {@link RunLister}'s; the flattened config and summary are {@link RunFields}'.
 */
final class RunStore {
    private final Dialect dialect;

    RunStore(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The run, deleted or not; null when no run of the project has this id. */
    RunRow find(Connection connection, Project project, String runId) throws SQLException {
        return find(connection, project, runId, "");
    }

    /** As {@link #find}, locking the row until the transaction ends (PostgreSQL; SQLite has one writer anyway). */
    RunRow findForUpdate(Connection connection, Project project, String runId) throws SQLException {
        return find(connection, project, runId, dialect.isSqlite() ? "" : " FOR UPDATE");
    }

    private RunRow find(Connection connection, Project project, String runId, String lock) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + RunRow.COLUMNS + " FROM runs r WHERE r.project_id = ? AND r.run_id = ?" + lock)) {
            query.setLong(1, project.pk());
            query.setString(2, runId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? RunRow.read(rows) : null;
            }
        }
    }

    /**
     * Inserts a new running run and returns its internal key, or null when a concurrent request took the
     * id first.
     */
    Long insert(Connection connection, RunRow run) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO runs (project_id, run_id, name, notes, tags, group_name, job_type, state, config,"
                        + " metadata, created_at, updated_at, heartbeat_at, sweep_id, sweep_params)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON CONFLICT (project_id, run_id) DO NOTHING RETURNING id")) {
            insert.setLong(1, run.projectPk());
            insert.setString(2, run.runId());
            insert.setString(3, run.name());
            insert.setString(4, run.notes());
            insert.setString(5, run.tagsJson());
            insert.setString(6, run.group());
            insert.setString(7, run.jobType());
            insert.setString(8, run.state().wireName());
            insert.setString(9, run.configJson());
            insert.setString(10, run.metadataJson());
            insert.setLong(11, run.createdAtMs());
            insert.setLong(12, run.updatedAtMs());
            insert.setLong(13, run.heartbeatAtMs());
            insert.setString(14, run.sweepId());
            insert.setString(15, run.sweepParamsJson());
            try (ResultSet keys = insert.executeQuery()) {
                return keys.next() ? keys.getLong(1) : null;
            }
        }
    }

    /**
     * Sets the given columns of one run; a null value writes SQL NULL. Sequence numbers and summaries are
     * not among them: they belong to ingestion.
     */
    void update(Connection connection, long runPk, Map<RunColumn, Object> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        Sql sql = new Sql().append("UPDATE runs SET ");
        String separator = "";
        for (Map.Entry<RunColumn, Object> change : changes.entrySet()) {
            sql.append(separator + change.getKey().column() + " = ");
            if (change.getValue() == null) {
                sql.append("NULL");
            } else {
                sql.param(change.getValue());
            }
            separator = ", ";
        }
        sql.append(" WHERE id = ").param(runPk);
        try (PreparedStatement update = sql.prepare(connection)) {
            update.executeUpdate();
        }
    }

    String userSummary(Connection connection, long runPk) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT user_summary FROM runs WHERE id = ?")) {
            query.setLong(1, runPk);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    void saveUserSummary(Connection connection, long runPk, String userSummaryJson) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE runs SET user_summary = ? WHERE id = ?")) {
            update.setString(1, userSummaryJson);
            update.setLong(2, runPk);
            update.executeUpdate();
        }
    }

    void replaceTags(Connection connection, long runPk, List<String> tags) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM run_tags WHERE run_id = ?")) {
            delete.setLong(1, runPk);
            delete.executeUpdate();
        }
        if (tags.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO run_tags (run_id, tag) VALUES (?, ?)")) {
            for (String tag : tags) {
                insert.setLong(1, runPk);
                insert.setString(2, tag);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
