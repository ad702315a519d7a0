package dev.cairn.server.metrics.sampling;

import dev.cairn.server.metrics.store.ChunkCodec;
import dev.cairn.server.metrics.store.RollupTable;
import dev.cairn.server.metrics.store.Rollups;
import dev.cairn.server.metrics.store.SeriesState;
import dev.cairn.server.metrics.store.Summary;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Downsampling from the rollup pyramid, for ranges with many points a bucket. It reads the cells of one level
 * (chosen so a bucket spans at least {@value Sampler#MIN_CELLS_PER_BUCKET} of them), then the few cells of the
 * levels below and the tail chunk that cover the series' incomplete end. A cell whose points all fall into one
 * bucket is merged; a cell that straddles one bucket edge is merged into the bucket of its first x, so bucket
 * edges move to the nearest cell boundary (less than a quarter of a bucket); a cell that spans more than two
 * buckets (steps out of order) or crosses an end of the requested range is decoded point by point.
 *
 * <p>Its cost depends on the number of buckets, not on the series' length: at most about
 * {@code 16 * buckets} cells are read whatever the length.
 */
final class RollupSampler {
    private RollupSampler() {
    }

    static void sample(Connection c, SeriesState series, int level, BucketGrid grid, boolean byTime, Buckets buckets)
            throws SQLException {
        SamplePlan plan = new SamplePlan();
        long covered = 0;
        for (int l = level; l >= 0; l--) {
            long cellPoints = Rollups.cellPoints(l);
            long complete = series.pointCount() / cellPoints;
            long from = covered / cellPoints;
            if (complete > from) {
                for (RollupTable.Cell cell : RollupTable.cells(c, series.id(), l, from, complete, byTime,
                        grid.minLong(), grid.maxLong())) {
                    add(plan, cell.summary(), cell.index() * cellPoints, grid, byTime);
                }
                covered = complete * cellPoints;
            }
        }
        plan.decode(covered, series.pointCount());
        plan.execute(c, series.id(), grid, byTime, buckets);
    }

    private static void add(SamplePlan plan, Summary cell, long firstPoint, BucketGrid grid, boolean byTime) {
        long minX = cell.minX(byTime);
        long maxX = cell.maxX(byTime);
        if (maxX < grid.minX() || minX > grid.maxX()) {
            return;
        }
        if (grid.contains(minX) && grid.contains(maxX) && grid.index(maxX) - grid.index(minX) <= 1) {
            plan.merge(grid.index(minX), cell);
        } else {
            plan.decode(firstPoint, firstPoint + cell.count());
        }
    }

    static {
        // the pyramid's cells nest inside chunks; the tail arithmetic above relies on it
        if (ChunkCodec.CAPACITY % Rollups.BASE_CELL_POINTS != 0) {
            throw new IllegalStateException("chunk capacity must be a multiple of the base cell size");
        }
    }
}
