package dev.cairn.server.metrics.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes {@code metric_chunks}: chunk summaries without their blobs, and blobs by chunk number. */
public final class ChunkTable {
    /** Chunk numbers asked for in one {@code IN (...)} list. */
    private static final int LOOKUP_BATCH = 500;

    private ChunkTable() {
    }

    /** A chunk's number and the summary of its points. */
    public record ChunkSummary(long chunkNo, Summary summary) {
    }

    /** Chunks of a series whose x extent meets {@code [minX, maxX]}, in arrival order, without decoding them. */
    public static List<ChunkSummary> summaries(Connection c, long seriesId, boolean byTime, long minX, long maxX)
            throws SQLException {
        String x = byTime ? "time" : "step";
        List<ChunkSummary> chunks = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("SELECT chunk_no, point_count, finite_count, min_step,"
                + " max_step, min_time, max_time, last_step, last_bits, sum_bits, min_value, max_value"
                + " FROM metric_chunks WHERE series_id = ? AND max_" + x + " >= ? AND min_" + x + " <= ?"
                + " ORDER BY chunk_no")) {
            query.setLong(1, seriesId);
            query.setLong(2, minX);
            query.setLong(3, maxX);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    double min = rows.getDouble(11);
                    Double minValue = rows.wasNull() ? null : min;
                    double max = rows.getDouble(12);
                    Double maxValue = rows.wasNull() ? null : max;
                    chunks.add(new ChunkSummary(rows.getLong(1), Summary.of(rows.getInt(2), rows.getInt(3),
                            rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getLong(8),
                            rows.getLong(9), Double.longBitsToDouble(rows.getLong(10)), minValue, maxValue)));
                }
            }
        }
        return chunks;
    }

    /** The blob of one chunk, or null when it does not exist. */
    public static byte[] data(Connection c, long seriesId, long chunkNo) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT data FROM metric_chunks WHERE series_id = ? AND chunk_no = ?")) {
            query.setLong(1, seriesId);
            query.setLong(2, chunkNo);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getBytes(1) : null;
            }
        }
    }

    /** The blobs of several chunks, by chunk number. */
    public static Map<Long, byte[]> data(Connection c, long seriesId, List<Long> chunkNos) throws SQLException {
        Map<Long, byte[]> blobs = new HashMap<>();
        for (int from = 0; from < chunkNos.size(); from += LOOKUP_BATCH) {
            List<Long> part = chunkNos.subList(from, Math.min(chunkNos.size(), from + LOOKUP_BATCH));
            String marks = "?,".repeat(part.size());
            try (PreparedStatement query = c.prepareStatement("SELECT chunk_no, data FROM metric_chunks"
                    + " WHERE series_id = ? AND chunk_no IN (" + marks.substring(0, marks.length() - 1) + ")")) {
                query.setLong(1, seriesId);
                for (int i = 0; i < part.size(); i++) {
                    query.setLong(2 + i, part.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        blobs.put(rows.getLong(1), rows.getBytes(2));
                    }
                }
            }
        }
        return blobs;
    }

    /** Chunk rows to insert or replace, written in one JDBC batch. */
    static final class Writes {
        private final List<Object[]> rows = new ArrayList<>();

        void add(long seriesId, long chunkNo, Summary summary, byte[] data) {
            rows.add(new Object[] {seriesId, chunkNo, summary, data});
        }

        void flush(Connection c) throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO metric_chunks (series_id, chunk_no,"
                    + " point_count, finite_count, min_step, max_step, min_time, max_time, last_step, last_bits,"
                    + " sum_bits, min_value, max_value, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (series_id, chunk_no) DO UPDATE SET point_count = excluded.point_count,"
                    + " finite_count = excluded.finite_count, min_step = excluded.min_step,"
                    + " max_step = excluded.max_step, min_time = excluded.min_time, max_time = excluded.max_time,"
                    + " last_step = excluded.last_step, last_bits = excluded.last_bits, sum_bits = excluded.sum_bits,"
                    + " min_value = excluded.min_value, max_value = excluded.max_value, data = excluded.data")) {
                for (Object[] row : rows) {
                    Summary s = (Summary) row[2];
                    upsert.setLong(1, (Long) row[0]);
                    upsert.setLong(2, (Long) row[1]);
                    upsert.setInt(3, s.count());
                    upsert.setInt(4, s.finiteCount());
                    upsert.setLong(5, s.minStep());
                    upsert.setLong(6, s.maxStep());
                    upsert.setLong(7, s.minTime());
                    upsert.setLong(8, s.maxTime());
                    upsert.setLong(9, s.lastStep());
                    upsert.setLong(10, s.lastBits());
                    upsert.setLong(11, Double.doubleToRawLongBits(s.sum()));
                    if (s.finiteCount() > 0) {
                        upsert.setDouble(12, s.min());
                        upsert.setDouble(13, s.max());
                    } else {
                        upsert.setNull(12, Types.DOUBLE);
                        upsert.setNull(13, Types.DOUBLE);
                    }
                    upsert.setBytes(14, (byte[]) row[3]);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            rows.clear();
        }
    }
}
