package dev.cairn.server.metrics.sampling;

import dev.cairn.server.metrics.store.ChunkCodec;
import dev.cairn.server.metrics.store.ChunkTable;
import dev.cairn.server.metrics.store.Summary;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Exact downsampling from chunk summaries: a chunk whose points all fall into one bucket is merged from its
 * summary columns; only chunks that straddle a bucket edge or the range's ends (which includes chunks with
 * steps out of order, whose extent is wide) are decoded. Its cost grows with the points in the range, so it
 * serves ranges of up to a few hundred points a bucket; {@link RollupSampler} serves longer ones.
 */
final class ExactSampler {
    private ExactSampler() {
    }

    static void sample(Connection c, long seriesId, BucketGrid grid, boolean byTime, Buckets buckets)
            throws SQLException {
        SamplePlan plan = new SamplePlan();
        for (ChunkTable.ChunkSummary chunk : ChunkTable.summaries(c, seriesId, byTime, grid.minLong(), grid.maxLong())) {
            Summary s = chunk.summary();
            long minX = s.minX(byTime);
            long maxX = s.maxX(byTime);
            if (grid.contains(minX) && grid.contains(maxX) && grid.index(minX) == grid.index(maxX)) {
                plan.merge(grid.index(minX), s);
            } else {
                long first = chunk.chunkNo() * ChunkCodec.CAPACITY;
                plan.decode(first, first + s.count());
            }
        }
        plan.execute(c, seriesId, grid, byTime, buckets);
    }
}
