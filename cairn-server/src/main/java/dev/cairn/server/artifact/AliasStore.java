package dev.cairn.server.artifact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** SQL of {@code artifact_aliases}: an alias names at most one version of its artifact, so setting one moves it. */
final class AliasStore {
    private AliasStore() {
    }

    /** Points {@code alias} of the version's artifact at the version, wherever it pointed before. */
    static void set(Connection c, VersionRow version, String alias) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO artifact_aliases (artifact_id, alias,"
                + " version_id) VALUES (?, ?, ?) ON CONFLICT (artifact_id, alias) DO UPDATE SET"
                + " version_id = excluded.version_id")) {
            upsert.setLong(1, version.artifactId());
            upsert.setString(2, alias);
            upsert.setLong(3, version.id());
            upsert.executeUpdate();
        }
    }

    /** Removes the alias from the version; true when the version had it. */
    static boolean remove(Connection c, VersionRow version, String alias) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM artifact_aliases WHERE artifact_id = ? AND alias = ? AND version_id = ?")) {
            delete.setLong(1, version.artifactId());
            delete.setString(2, alias);
            delete.setLong(3, version.id());
            return delete.executeUpdate() > 0;
        }
    }

    /** The version's aliases by name. */
    static List<String> of(Connection c, long versionId) throws SQLException {
        List<String> aliases = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT alias FROM artifact_aliases WHERE version_id = ? ORDER BY alias")) {
            query.setLong(1, versionId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    aliases.add(rows.getString(1));
                }
            }
        }
        return aliases;
    }
}
