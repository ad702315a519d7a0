package dev.cairn.server.artifact;

import dev.cairn.server.http.ApiException;
import dev.cairn.server.run.Times;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL of the {@code artifacts} table: one row per artifact name in a project. */
final class ArtifactStore {
    private ArtifactStore() {
    }

    /** The artifact's id, created now if new; 409 when the name exists with another type. */
    static long ensure(Connection c, long projectId, String name, String type, String description, long nowMs)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO artifacts (project_id, name, type,"
                + " description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (project_id, name)"
                + " DO NOTHING")) {
            insert.setLong(1, projectId);
            insert.setString(2, name);
            insert.setString(3, type);
            insert.setString(4, description);
            insert.setLong(5, nowMs);
            insert.setLong(6, nowMs);
            insert.executeUpdate();
        }
        try (PreparedStatement query = c.prepareStatement(
                "SELECT id, type FROM artifacts WHERE project_id = ? AND name = ?")) {
            query.setLong(1, projectId);
            query.setString(2, name);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                if (!rows.getString(2).equals(type)) {
                    throw new ApiException.Conflict("artifact '" + name + "' is of type '" + rows.getString(2)
                            + "', not '" + type + "'; log it with that type or choose another name");
                }
                long id = rows.getLong(1);
                if (description != null) {
                    updateDescription(c, id, description, nowMs);
                }
                return id;
            }
        }
    }

    private static void updateDescription(Connection c, long id, String description, long nowMs) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE artifacts SET description = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, description);
            update.setLong(2, nowMs);
            update.setLong(3, id);
            update.executeUpdate();
        }
    }

    /**
     * Takes the artifact's row lock until the transaction ends, so two commits on PostgreSQL cannot pick the same
     * next version number (SQLite writes are serialised anyway).
     */
    static void lock(Connection c, long artifactId, long nowMs) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE artifacts SET updated_at = ? WHERE id = ?")) {
            update.setLong(1, nowMs);
            update.setLong(2, artifactId);
            update.executeUpdate();
        }
    }

    /** The artifact's id; 404 when the project has no artifact of that name. */
    static long requireId(Connection c, long projectId, String name) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT id FROM artifacts WHERE project_id = ? AND name = ?")) {
            query.setLong(1, projectId);
            query.setString(2, name);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new ApiException.NotFound("artifact '" + name + "' not found in this project;"
                            + " GET /api/v1/artifacts/{entity}/{project} lists them");
                }
                return rows.getLong(1);
            }
        }
    }

    /** The project's artifacts by name, each with its number of committed versions and latest version. */
    static List<Map<String, Object>> list(Connection c, long projectId) throws SQLException {
        List<Map<String, Object>> artifacts = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT a.name, a.type, a.description, a.created_at,"
                + " a.updated_at, COUNT(v.id), MAX(v.version_index) FROM artifacts a LEFT JOIN artifact_versions v"
                + " ON v.artifact_id = a.id AND v.state = 'committed' WHERE a.project_id = ?"
                + " GROUP BY a.id, a.name, a.type, a.description, a.created_at, a.updated_at ORDER BY a.name")) {
            query.setLong(1, projectId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> artifact = new LinkedHashMap<>();
                    artifact.put("name", rows.getString(1));
                    artifact.put("type", rows.getString(2));
                    artifact.put("description", rows.getString(3));
                    artifact.put("created_at", Times.iso(rows.getLong(4)));
                    artifact.put("updated_at", Times.iso(rows.getLong(5)));
                    artifact.put("version_count", rows.getLong(6));
                    int latest = rows.getInt(7);
                    artifact.put("latest_version", rows.wasNull() ? null : "v" + latest);
                    artifacts.add(artifact);
                }
            }
        }
        return artifacts;
    }
}
