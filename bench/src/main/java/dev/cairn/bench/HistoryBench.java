package dev.cairn.bench;

import dev.cairn.server.metrics.Metrics;
import dev.cairn.server.metrics.sampling.Bucket;
import dev.cairn.server.metrics.sampling.XAxis;
import dev.cairn.server.metrics.store.MetricStore;
import dev.cairn.server.metrics.store.SeriesBatch;
import dev.cairn.server.metrics.store.SeriesName;
import dev.cairn.server.run.RunKey;
import dev.cairn.server.store.Database;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How long a 1,000-bucket downsample takes, server-side (the service call, no HTTP), for a 10,000,000-point and
 * a 10,000-point series: the median of {@value #TIMED_RUNS} runs after {@value #WARMUP_RUNS} warm-up runs.
 * Prints {@code history.10m: X ms} and {@code history.10k: X ms}.
 *
 * <pre>{@code
 * HistoryBench.run(System.out, null);   // SQLite in a temp folder; or a postgresql:// URL
 * }</pre>
 */
public final class HistoryBench {
    static final long LONG_SERIES = 10_000_000;
    static final long SHORT_SERIES = 10_000;
    static final int BUCKETS = 1000;
    static final int WARMUP_RUNS = 30;
    static final int TIMED_RUNS = 21;
    private static final int POINTS_PER_TRANSACTION = 200_000;
    private static final long T0_MICROS = 1_764_072_000_000_000L;

    private HistoryBench() {
    }

    public static void main(String[] args) {
        run(System.out, args.length > 0 ? args[0] : null);
    }

    public static void run(PrintStream out, String dbUrlOrNull) {
        Path scratch = BenchRuns.scratch("cairn-history-bench");
        try (Database db = Database.open(dbUrlOrNull, scratch)) {
            RunKey longRun = BenchRuns.create(db, "bench", "history", "long");
            RunKey shortRun = BenchRuns.create(db, "bench", "history", "short");
            fill(db, longRun, LONG_SERIES);
            fill(db, shortRun, SHORT_SERIES);
            Metrics metrics = new Metrics(db, Clock.systemUTC());
            double longMs = medianMs(metrics, longRun, LONG_SERIES);
            double shortMs = medianMs(metrics, shortRun, SHORT_SERIES);
            out.printf("history.10m: %.2f ms%n", longMs);
            out.printf("history.10k: %.2f ms%n", shortMs);
        } finally {
            BenchRuns.delete(scratch);
        }
    }

    /** Writes a loss-like curve of {@code points} points straight through the store layer. */
    private static void fill(Database db, RunKey run, long points) {
        Random random = new Random(1);
        for (long from = 0; from < points; from += POINTS_PER_TRANSACTION) {
            long to = Math.min(points, from + POINTS_PER_TRANSACTION);
            SeriesBatch batch = new SeriesBatch();
            for (long step = from; step < to; step++) {
                double loss = 2.0 / Math.sqrt(1 + step / 1000.0) + 0.05 * random.nextGaussian();
                batch.add(SeriesName.HISTORY, "loss", step, T0_MICROS + step * 1000, Double.doubleToRawLongBits(loss));
            }
            db.inTransaction(c -> {
                MetricStore.append(c, run.requirePk(c), batch);
                return null;
            });
        }
    }

    private static double medianMs(Metrics metrics, RunKey run, long points) {
        long counted = sample(metrics, run).stream().mapToLong(Bucket::count).sum();
        if (counted != points) {
            throw new IllegalStateException("the downsample counted " + counted + " points, not " + points);
        }
        long checksum = 0;
        for (int i = 0; i < WARMUP_RUNS; i++) {
            checksum += sample(metrics, run).size();
        }
        double[] ms = new double[TIMED_RUNS];
        for (int i = 0; i < TIMED_RUNS; i++) {
            long start = System.nanoTime();
            checksum += sample(metrics, run).size();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        if (checksum == 0) {
            throw new IllegalStateException("the downsample returned no buckets");
        }
        Arrays.sort(ms);
        return ms[TIMED_RUNS / 2];
    }

    private static List<Bucket> sample(Metrics metrics, RunKey run) {
        return metrics.sample(run, SeriesName.HISTORY, "loss", XAxis.STEP, BUCKETS, null, null);
    }
}
