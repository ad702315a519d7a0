package dev.cairn.server.metrics.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Small files attached to a run ({@value #MAX_BYTES} bytes at most), kept in the {@code run_files} table with
 * their SHA-256. In the database rather than under the data folder because several servers may share one
 * PostgreSQL but no disk, and because a file then lives and dies with its run's rows; artifacts, which can be
 * large, go to the blob store instead.
 *
 * <pre>{@code
 * db.inTransaction(c -> { RunFiles.put(c, runPk, "plots/loss.png", bytes, nowMs); return null; });
 * }</pre>
 */
public final class RunFiles {
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private RunFiles() {
    }

    /** A stored file as listed. */
    public record Entry(String path, long size, String sha256, String createdAt) {
    }

    /** Stores or replaces a file; returns its listing entry. */
    public static Entry put(Connection c, long runPk, String path, byte[] bytes, long nowMs) throws SQLException {
        String sha256 = sha256(bytes);
        try (PreparedStatement upsert = c.prepareStatement("INSERT INTO run_files (run_id, path, size, sha256,"
                + " created_at, data) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, path) DO UPDATE SET"
                + " size = excluded.size, sha256 = excluded.sha256, created_at = excluded.created_at,"
                + " data = excluded.data")) {
            upsert.setLong(1, runPk);
            upsert.setString(2, path);
            upsert.setLong(3, bytes.length);
            upsert.setString(4, sha256);
            upsert.setLong(5, nowMs);
            upsert.setBytes(6, bytes);
            upsert.executeUpdate();
        }
        return new Entry(path, bytes.length, sha256, java.time.Instant.ofEpochMilli(nowMs).toString());
    }

    public static List<Entry> list(Connection c, long runPk) throws SQLException {
        List<Entry> files = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT path, size, sha256, created_at FROM run_files WHERE run_id = ? ORDER BY path")) {
            query.setLong(1, runPk);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    files.add(new Entry(rows.getString(1), rows.getLong(2), rows.getString(3),
                            java.time.Instant.ofEpochMilli(rows.getLong(4)).toString()));
                }
            }
        }
        return files;
    }

    /** The file's bytes, or null when the run has no such file. */
    public static byte[] get(Connection c, long runPk, String path) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT data FROM run_files WHERE run_id = ? AND path = ?")) {
            query.setLong(1, runPk);
            query.setString(2, path);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
