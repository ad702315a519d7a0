package dev.cairn.server.artifact;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One artifact version as stored; {@code index} is null while the version is pending.
 *
 * @param createdBy the id of the run that logged it, or null
 */
record VersionRow(long id, long artifactId, String entity, String project, String name, String type,
                  String description, Integer index, String digest, String metadataJson, long size, int fileCount,
                  String createdBy, long createdAtMs, String state, String pendingAliasesJson) {

    static final String PENDING = "pending";
    static final String COMMITTED = "committed";

    /** The columns {@link #read} expects, with the joins they need; append a WHERE clause. */
    static final String SELECT = "SELECT v.id, a.id, p.entity, p.name, a.name, a.type, a.description, v.version_index,"
            + " v.digest, v.metadata, v.size, v.file_count, r.run_id, v.created_at, v.state, v.pending_aliases"
            + " FROM artifact_versions v JOIN artifacts a ON a.id = v.artifact_id"
            + " JOIN projects p ON p.id = a.project_id LEFT JOIN runs r ON r.id = v.created_by";

    static VersionRow read(ResultSet rows) throws SQLException {
        int index = rows.getInt(8);
        Integer indexOrNull = rows.wasNull() ? null : index;
        return new VersionRow(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4),
                rows.getString(5), rows.getString(6), rows.getString(7), indexOrNull, rows.getString(9),
                rows.getString(10), rows.getLong(11), rows.getInt(12), rows.getString(13), rows.getLong(14),
                rows.getString(15), rows.getString(16));
    }

    boolean isCommitted() {
        return COMMITTED.equals(state);
    }

    /** {@code name:v3}, or {@code name (pending)}. */
    String label() {
        return index == null ? name + " (pending upload " + id + ")" : name + ":v" + index;
    }
}
