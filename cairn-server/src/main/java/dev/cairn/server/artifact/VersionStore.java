package dev.cairn.server.artifact;

import dev.cairn.server.http.ApiException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** SQL of {@code artifact_versions} and {@code artifact_files}: pending uploads, commits and lookups. */
final class VersionStore {
    private VersionStore() {
    }

    /** The version of this artifact with this manifest digest in {@code state}, or null. */
    static VersionRow findByDigest(Connection c, long artifactId, String digest, String state) throws SQLException {
        return one(c, VersionRow.SELECT + " WHERE v.artifact_id = ? AND v.digest = ? AND v.state = ?"
                + " ORDER BY v.id LIMIT 1", artifactId, digest, state);
    }

    /** A new pending version with its files; returns its id. */
    static long insertPending(Connection c, long artifactId, Manifest manifest, String metadataJson, Long runPk,
                              String aliasesJson, long nowMs) throws SQLException {
        long id;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO artifact_versions (artifact_id, digest,"
                + " metadata, size, file_count, created_by, created_at, state, pending_aliases)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, artifactId);
            insert.setString(2, manifest.digest());
            insert.setString(3, metadataJson);
            insert.setLong(4, manifest.totalBytes());
            insert.setInt(5, manifest.entries().size());
            if (runPk == null) {
                insert.setNull(6, Types.BIGINT);
            } else {
                insert.setLong(6, runPk);
            }
            insert.setLong(7, nowMs);
            insert.setString(8, aliasesJson);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement files = c.prepareStatement(
                "INSERT INTO artifact_files (version_id, path, sha256, size) VALUES (?, ?, ?, ?)")) {
            for (Manifest.Entry entry : manifest.entries()) {
                files.setLong(1, id);
                files.setString(2, entry.path());
                files.setString(3, entry.sha256());
                files.setLong(4, entry.size());
                files.addBatch();
            }
            files.executeBatch();
        }
        return id;
    }

    /** Replaces what a re-sent pending upload asks for: its metadata, logging run and aliases. */
    static void refreshPending(Connection c, long versionId, String metadataJson, Long runPk, String aliasesJson)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE artifact_versions SET metadata = ?,"
                + " created_by = ?, pending_aliases = ? WHERE id = ? AND state = 'pending'")) {
            update.setString(1, metadataJson);
            if (runPk == null) {
                update.setNull(2, Types.BIGINT);
            } else {
                update.setLong(2, runPk);
            }
            update.setString(3, aliasesJson);
            update.setLong(4, versionId);
            update.executeUpdate();
        }
    }

    /** Gives a pending version the next number of its artifact; the caller holds the artifact's lock. */
    static int commit(Connection c, VersionRow pending, long nowMs) throws SQLException {
        int next;
        try (PreparedStatement query = c.prepareStatement(
                "SELECT COALESCE(MAX(version_index) + 1, 0) FROM artifact_versions WHERE artifact_id = ?")) {
            query.setLong(1, pending.artifactId());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                next = rows.getInt(1);
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE artifact_versions SET version_index = ?,"
                + " state = 'committed', committed_at = ?, created_at = ? WHERE id = ?")) {
            update.setInt(1, next);
            update.setLong(2, nowMs);
            update.setLong(3, nowMs);
            update.setLong(4, pending.id());
            update.executeUpdate();
        }
        return next;
    }

    /** Drops a pending version whose files turned out to be an existing version's. */
    static void deletePending(Connection c, long versionId) throws SQLException {
        for (String sql : List.of("DELETE FROM artifact_files WHERE version_id = ?",
                "DELETE FROM artifact_versions WHERE id = ? AND state = 'pending'")) {
            try (PreparedStatement delete = c.prepareStatement(sql)) {
                delete.setLong(1, versionId);
                delete.executeUpdate();
            }
        }
    }

    /** A version by id within a project; 404 when there is none. */
    static VersionRow require(Connection c, long projectId, long versionId) throws SQLException {
        VersionRow row = one(c, VersionRow.SELECT + " WHERE a.project_id = ? AND v.id = ?", projectId, versionId);
        if (row == null) {
            throw new ApiException.NotFound("upload " + versionId + " not found in this project; start one with"
                    + " POST /api/v1/artifacts/{entity}/{project}");
        }
        return row;
    }

    /** The committed version a reference names; 404 naming the reference otherwise. */
    static VersionRow require(Connection c, long projectId, ArtifactRef ref) throws SQLException {
        long artifactId = ArtifactStore.requireId(c, projectId, ref.name());
        VersionRow row = ref.alias() != null
                ? one(c, VersionRow.SELECT + " JOIN artifact_aliases al ON al.version_id = v.id"
                        + " WHERE al.artifact_id = ? AND al.alias = ?", artifactId, ref.alias())
                : one(c, VersionRow.SELECT + " WHERE v.artifact_id = ? AND v.version_index = ?", artifactId,
                        ref.index());
        if (row == null) {
            throw new ApiException.NotFound("artifact " + ref + " not found; GET .../" + ref.name()
                    + "/versions lists its versions and aliases");
        }
        return row;
    }

    /** The committed versions of an artifact, newest first. */
    static List<VersionRow> listCommitted(Connection c, long artifactId) throws SQLException {
        return many(c, VersionRow.SELECT + " WHERE v.artifact_id = ? AND v.state = 'committed'"
                + " ORDER BY v.version_index DESC", artifactId);
    }

    /** The committed versions a run logged, oldest first. */
    static List<VersionRow> loggedBy(Connection c, long runPk) throws SQLException {
        return many(c, VersionRow.SELECT + " WHERE v.created_by = ? AND v.state = 'committed'"
                + " ORDER BY v.committed_at, v.id", runPk);
    }

    /** The versions a run used, in the order it first used them. */
    static List<VersionRow> usedBy(Connection c, long runPk) throws SQLException {
        return many(c, VersionRow.SELECT + " JOIN artifact_usage u ON u.version_id = v.id WHERE u.run_id = ?"
                + " ORDER BY u.used_at, v.id", runPk);
    }

    static List<Manifest.Entry> files(Connection c, long versionId) throws SQLException {
        List<Manifest.Entry> files = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT path, sha256, size FROM artifact_files WHERE version_id = ? ORDER BY path")) {
            query.setLong(1, versionId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    files.add(new Manifest.Entry(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
        }
        return files;
    }

    /** One file of a version, or null. */
    static Manifest.Entry file(Connection c, long versionId, String path) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT path, sha256, size FROM artifact_files WHERE version_id = ? AND path = ?")) {
            query.setLong(1, versionId);
            query.setString(2, path);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? new Manifest.Entry(rows.getString(1), rows.getString(2), rows.getLong(3)) : null;
            }
        }
    }

    private static VersionRow one(Connection c, String sql, Object... params) throws SQLException {
        List<VersionRow> rows = many(c, sql, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static List<VersionRow> many(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                query.setObject(i + 1, params[i]);
            }
            List<VersionRow> versions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(VersionRow.read(rows));
                }
            }
            return versions;
        }
    }
}
