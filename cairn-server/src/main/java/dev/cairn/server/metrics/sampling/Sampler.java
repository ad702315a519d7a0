package dev.cairn.server.metrics.sampling;

import dev.cairn.server.metrics.store.Rollups;
import dev.cairn.server.metrics.store.SeriesName;
import dev.cairn.server.metrics.store.SeriesState;
import dev.cairn.server.metrics.store.SeriesTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Downsamples one series into equal-width buckets over {@code [minX, maxX]} (default: the series' own range).
 * Short ranges are answered exactly from chunks ({@link ExactSampler}); ranges with at least
 * {@value #MIN_CELLS_PER_BUCKET} rollup cells a bucket come from the pyramid ({@link RollupSampler}), whose
 * bucket edges snap to cell boundaries; x = another metric joins by step ({@link MetricJoin}).
 *
 * <pre>{@code
 * List<Bucket> buckets = db.withHandle(c -> Sampler.sample(c, runPk, "history", "loss", XAxis.STEP, 1000, null, null));
 * }</pre>
 */
public final class Sampler {
    /** A bucket spans at least this many cells when the pyramid answers, so edges move by under a quarter bucket. */
    public static final int MIN_CELLS_PER_BUCKET = 4;
    private static final double MICROS_PER_SECOND = 1e6;

    private Sampler() {
    }

    /**
     * Buckets of {@code key} in {@code namespace} of the run; empty when the run has no such series.
     * {@code minX}/{@code maxX} are steps, Unix seconds or the other metric's values, as {@code x} says.
     */
    public static List<Bucket> sample(Connection c, long runPk, String namespace, String key, XAxis x, int buckets,
                                      Double minX, Double maxX) throws SQLException {
        SeriesState series = SeriesTable.find(c, runPk, new SeriesName(namespace, key));
        if (series == null || series.pointCount() == 0) {
            return List.of();
        }
        if (x.kind() == XAxis.Kind.METRIC) {
            SeriesState xSeries = SeriesTable.find(c, runPk, new SeriesName(namespace, x.metricKey()));
            return xSeries == null ? List.of() : MetricJoin.sample(c, series, xSeries, buckets, minX, maxX);
        }
        boolean byTime = x.isTime();
        double scale = byTime ? MICROS_PER_SECOND : 1;
        double low = minX == null ? series.minX(byTime) : minX * scale;
        double high = maxX == null ? series.maxX(byTime) : maxX * scale;
        if (high < low) {
            return List.of();
        }
        BucketGrid grid = new BucketGrid(low, high, buckets);
        Buckets result = new Buckets(buckets);
        int level = level(series, byTime, grid);
        if (level < 0) {
            ExactSampler.sample(c, series.id(), grid, byTime, result);
        } else {
            RollupSampler.sample(c, series, level, grid, byTime, result);
        }
        return result.result(!byTime, scale);
    }

    /** The coarsest rollup level with enough cells a bucket, or -1 when the exact path is cheap enough. */
    static int level(SeriesState series, boolean byTime, BucketGrid grid) {
        double width = series.maxX(byTime) - series.minX(byTime);
        double share = width <= 0 ? 1 : Math.min(1, (grid.maxX() - grid.minX()) / width);
        double pointsPerBucket = series.pointCount() * share / grid.buckets();
        int level = -1;
        for (int l = 0; l <= Rollups.MAX_LEVEL; l++) {
            long cellPoints = Rollups.cellPoints(l);
            if (cellPoints * MIN_CELLS_PER_BUCKET > pointsPerBucket || cellPoints > series.pointCount()) {
                break;
            }
            level = l;
        }
        return level;
    }
}
