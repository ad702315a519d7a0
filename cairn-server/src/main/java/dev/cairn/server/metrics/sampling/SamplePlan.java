package dev.cairn.server.metrics.sampling;

import dev.cairn.server.metrics.store.ChunkCodec;
import dev.cairn.server.metrics.store.ChunkTable;
import dev.cairn.server.metrics.store.Points;
import dev.cairn.server.metrics.store.Summary;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The steps of one series' downsample, in arrival order: summaries that fall into one bucket, and ranges of
 * points that must be read one by one. Executing it fetches every chunk the ranges need in one query, then
 * feeds the buckets in order, so ties on the highest step go to the latest arrival.
 */
final class SamplePlan {
    private final List<Object> steps = new ArrayList<>();
    private final TreeSet<Long> chunksNeeded = new TreeSet<>();

    private record Merge(int bucket, Summary summary) {
    }

    private record Range(long fromPoint, long toPoint) {
    }

    void merge(int bucket, Summary summary) {
        steps.add(new Merge(bucket, summary));
    }

    /** Points {@code [fromPoint, toPoint)} of the series (arrival indexes) are to be bucketed one by one. */
    void decode(long fromPoint, long toPoint) {
        if (toPoint <= fromPoint) {
            return;
        }
        steps.add(new Range(fromPoint, toPoint));
        for (long chunk = fromPoint / ChunkCodec.CAPACITY; chunk <= (toPoint - 1) / ChunkCodec.CAPACITY; chunk++) {
            chunksNeeded.add(chunk);
        }
    }

    void execute(Connection c, long seriesId, BucketGrid grid, boolean byTime, Buckets buckets) throws SQLException {
        Map<Long, byte[]> blobs = chunksNeeded.isEmpty() ? Map.of()
                : ChunkTable.data(c, seriesId, new ArrayList<>(chunksNeeded));
        Map<Long, Points> decoded = new HashMap<>();
        for (Object step : steps) {
            if (step instanceof Merge merge) {
                Summary s = merge.summary();
                buckets.addSummary(merge.bucket(), s, s.minX(byTime), s.maxX(byTime));
                continue;
            }
            Range range = (Range) step;
            for (long point = range.fromPoint(); point < range.toPoint(); point++) {
                long chunk = point / ChunkCodec.CAPACITY;
                Points points = decoded.computeIfAbsent(chunk, no -> decodeChunk(blobs.get(no), seriesId, no));
                int i = (int) (point - chunk * ChunkCodec.CAPACITY);
                if (i >= points.size()) {
                    break;
                }
                long x = points.x(i, byTime);
                if (grid.contains(x)) {
                    buckets.addPoint(grid.index(x), x, points.step(i), points.bits(i));
                }
            }
        }
    }

    private static Points decodeChunk(byte[] blob, long seriesId, long chunkNo) {
        if (blob == null) {
            throw new IllegalStateException("chunk " + chunkNo + " of series " + seriesId + " is missing");
        }
        Points points = new Points(ChunkCodec.CAPACITY);
        ChunkCodec.decode(blob, points);
        return points;
    }
}
