package dev.cairn.server.artifact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL of {@code artifact_usage}: the runs that used a version (its consumers in the lineage graph). */
final class UsageStore {
    private UsageStore() {
    }

    /** Records that the run used the version; using it again changes nothing. */
    static void record(Connection c, long versionId, long runPk, long nowMs) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO artifact_usage (version_id, run_id, used_at)"
                + " VALUES (?, ?, ?) ON CONFLICT (version_id, run_id) DO NOTHING")) {
            insert.setLong(1, versionId);
            insert.setLong(2, runPk);
            insert.setLong(3, nowMs);
            insert.executeUpdate();
        }
    }

    /** The runs (not deleted) that used the version as {@code entity/project/run}, in the order they used it. */
    static List<String> runsUsing(Connection c, long versionId) throws SQLException {
        List<String> runs = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT p.entity, p.name, r.run_id FROM artifact_usage u"
                + " JOIN runs r ON r.id = u.run_id JOIN projects p ON p.id = r.project_id WHERE u.version_id = ? AND r.deleted_at IS NULL"
                + " ORDER BY u.used_at, r.run_id")) {
            query.setLong(1, versionId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    runs.add(rows.getString(1) + "/" + rows.getString(2) + "/" + rows.getString(3));
                }
            }
        }
        return runs;
    }
}
