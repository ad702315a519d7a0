package dev.cairn.server.metrics.history;

import dev.cairn.server.metrics.store.ChunkCodec;
import dev.cairn.server.metrics.store.Points;
import dev.cairn.server.metrics.store.SeriesName;
import dev.cairn.server.metrics.store.SeriesState;
import dev.cairn.server.metrics.store.SeriesTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw points of some keys of a run in (step, arrival) order, a page at a time. A page ends at a step boundary
 * chosen so that no key returns more than {@code limit} points; the next page starts at that step
 * ({@code next_cursor}). A single step holding more than {@code limit} points of one key is returned whole.
 *
 * <pre>{@code
 * RawHistory.Page page = db.withHandle(c -> RawHistory.read(c, runPk, "history", List.of("loss"), 0, Long.MAX_VALUE, 1000));
 * }</pre>
 */
public final class RawHistory {
    private RawHistory() {
    }

    /** One point as served: step, Unix seconds, value. */
    public record RawPoint(long step, double time, double value) {
    }

    /** Points by key, and the step to continue from (null on the last page). */
    public record Page(Map<String, List<RawPoint>> points, Long nextStep) {
    }

    public static Page read(Connection c, long runPk, String namespace, List<String> keys, long fromStep, long toStep,
                            int limit) throws SQLException {
        Map<String, List<RawPoint>> sorted = new LinkedHashMap<>();
        long cut = Long.MAX_VALUE;
        for (String key : keys) {
            SeriesState series = SeriesTable.find(c, runPk, new SeriesName(namespace, key));
            List<RawPoint> points = series == null ? List.of() : candidates(c, series.id(), fromStep, toStep, limit);
            sorted.put(key, points);
            if (points.size() > limit) {
                cut = Math.min(cut, points.get(limit).step());
            }
        }
        if (cut == fromStep) {
            cut = fromStep + 1;
        }
        Map<String, List<RawPoint>> page = new LinkedHashMap<>();
        for (Map.Entry<String, List<RawPoint>> entry : sorted.entrySet()) {
            List<RawPoint> kept = new ArrayList<>();
            for (RawPoint point : entry.getValue()) {
                if (point.step() < cut) {
                    kept.add(point);
                }
            }
            page.put(entry.getKey(), kept);
        }
        return new Page(page, cut == Long.MAX_VALUE || cut > toStep ? null : cut);
    }

    /**
     * The points of {@code [fromStep, toStep]} sorted by (step, arrival), from enough chunks to hold the first
     * {@code limit + 1} of them: chunks are read by their lowest step until more than {@code limit} points are in
     * hand, then while a chunk could still hold a step below the (limit+1)-th lowest in hand.
     */
    private static List<RawPoint> candidates(Connection c, long seriesId, long fromStep, long toStep, int limit)
            throws SQLException {
        List<long[]> points = new ArrayList<>();
        long bound = Long.MAX_VALUE;
        try (PreparedStatement query = c.prepareStatement("SELECT chunk_no, min_step, data FROM metric_chunks"
                + " WHERE series_id = ? AND min_step <= ? AND max_step >= ? ORDER BY min_step, chunk_no")) {
            query.setLong(1, seriesId);
            query.setLong(2, toStep);
            query.setLong(3, fromStep);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next() && rows.getLong(2) <= bound) {
                    long arrival = rows.getLong(1) * ChunkCodec.CAPACITY;
                    Points decoded = new Points(ChunkCodec.CAPACITY);
                    ChunkCodec.decode(rows.getBytes(3), decoded);
                    for (int i = 0; i < decoded.size(); i++) {
                        long step = decoded.step(i);
                        if (step >= fromStep && step <= toStep) {
                            points.add(new long[] {step, arrival + i, decoded.time(i), decoded.bits(i)});
                        }
                    }
                    if (points.size() > limit) {
                        // the (limit+1)-th lowest step in hand can only fall as more chunks are read
                        long[] steps = points.stream().mapToLong(p -> p[0]).sorted().toArray();
                        bound = steps[limit];
                    }
                }
            }
        }
        points.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
        List<RawPoint> result = new ArrayList<>(points.size());
        for (long[] p : points) {
            result.add(new RawPoint(p[0], p[2] / 1e6, Double.longBitsToDouble(p[3])));
        }
        return result;
    }
}
