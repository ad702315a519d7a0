package dev.cairn.server.metrics.sampling;

import dev.cairn.server.metrics.store.ChunkCodec;
import dev.cairn.server.metrics.store.Points;
import dev.cairn.server.metrics.store.SeriesState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Downsampling against another metric as x: each point of the series takes as x the other metric's value at
 * the same step (its latest arrival), points without one or with a non-finite one are left out. Both series are
 * decoded in full, so its cost grows with their length, unlike x = step or time.
 */
final class MetricJoin {
    private MetricJoin() {
    }

    static List<Bucket> sample(Connection c, SeriesState series, SeriesState xSeries, int buckets,
                               Double minX, Double maxX) throws SQLException {
        Map<Long, Double> xByStep = new HashMap<>();
        Points xs = decodeAll(c, xSeries.id());
        for (int i = 0; i < xs.size(); i++) {
            xByStep.put(xs.step(i), xs.value(i));
        }
        Points ys = decodeAll(c, series.id());
        double[] joined = new double[ys.size()];
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ys.size(); i++) {
            Double x = xByStep.get(ys.step(i));
            joined[i] = x == null ? Double.NaN : x;
            if (Double.isFinite(joined[i])) {
                low = Math.min(low, joined[i]);
                high = Math.max(high, joined[i]);
            }
        }
        if (low > high) {
            return List.of();
        }
        BucketGrid grid = new BucketGrid(minX == null ? low : minX, maxX == null ? high : maxX, buckets);
        Buckets result = new Buckets(buckets);
        for (int i = 0; i < ys.size(); i++) {
            if (Double.isFinite(joined[i]) && grid.contains(joined[i])) {
                result.addPoint(grid.index(joined[i]), joined[i], ys.step(i), ys.bits(i));
            }
        }
        return result.result(false, 1);
    }

    static Points decodeAll(Connection c, long seriesId) throws SQLException {
        Points points = new Points(ChunkCodec.CAPACITY);
        try (PreparedStatement query = c.prepareStatement(
                "SELECT data FROM metric_chunks WHERE series_id = ? ORDER BY chunk_no")) {
            query.setLong(1, seriesId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ChunkCodec.decode(rows.getBytes(1), points);
                }
            }
        }
        return points;
    }
}
