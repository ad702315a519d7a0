package dev.cairn.server.run;

import dev.cairn.server.http.ApiException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL of the {@code projects} table: created on first use, listed with their run counts. */
public final class ProjectStore {
    private ProjectStore() {
    }

    /** The project, created now if it does not exist yet (safe against a concurrent creator). */
    public static Project ensure(Connection connection, String entity, String name, long nowMs) throws SQLException {
        Project existing = find(connection, entity, name);
        if (existing != null) {
            return existing;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO projects (entity, name, created_at, updated_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (entity, name) DO NOTHING")) {
            insert.setString(1, entity);
            insert.setString(2, name);
            insert.setLong(3, nowMs);
            insert.setLong(4, nowMs);
            insert.executeUpdate();
        }
        return find(connection, entity, name);
    }

    public static Project find(Connection connection, String entity, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM projects WHERE entity = ? AND name = ?")) {
            query.setString(1, entity);
            query.setString(2, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new Project(rows.getLong(1), entity, name) : null;
            }
        }
    }

    public static Project require(Connection connection, String entity, String name) throws SQLException {
        Project project = find(connection, entity, name);
        if (project == null) {
            throw new ApiException.NotFound("project " + entity + "/" + name + " not found; projects are created"
                    + " with their first run (POST /api/v1/runs/" + entity + "/" + name + ")");
        }
        return project;
    }

    /** Projects (of {@code entity}, or all when null) by entity and name, with live-run counts and activity. */
    static List<ProjectSummary> list(Connection connection, String entity) throws SQLException {
        String sql = "SELECT p.entity, p.name, p.created_at, COUNT(r.id),"
                + " MAX(CASE WHEN r.heartbeat_at > r.updated_at THEN r.heartbeat_at ELSE r.updated_at END)"
                + " FROM projects p LEFT JOIN runs r ON r.project_id = p.id AND r.deleted_at IS NULL"
                + (entity == null ? "" : " WHERE p.entity = ?")
                + " GROUP BY p.id, p.entity, p.name, p.created_at ORDER BY p.entity, p.name";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (entity != null) {
                query.setString(1, entity);
            }
            List<ProjectSummary> projects = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long createdAtMs = rows.getLong(3);
                    long lastRunActivityMs = rows.getLong(5);
                    boolean hasRuns = !rows.wasNull();
                    projects.add(new ProjectSummary(rows.getString(1), rows.getString(2), rows.getLong(4), createdAtMs,
                            hasRuns ? Math.max(createdAtMs, lastRunActivityMs) : createdAtMs));
                }
            }
            return projects;
        }
    }

    /** A row of {@code GET /projects}. */
    record ProjectSummary(String entity, String name, long runCount, long createdAtMs, long lastActivityAtMs) {
    }
}
