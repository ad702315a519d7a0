package dev.cairn.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import dev.cairn.server.metrics.sampling.Bucket;
import dev.cairn.server.metrics.sampling.BucketGrid;
import dev.cairn.server.metrics.sampling.XAxis;
import dev.cairn.server.metrics.store.MetricStore;
import dev.cairn.server.metrics.store.SeriesBatch;
import dev.cairn.server.metrics.store.SeriesName;
import dev.cairn.server.run.RunKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Downsampling against a brute-force computation over the same points. */
class SamplingTest {
    private static final RunKey RUN = new RunKey("alice", "mnist", "r1");
    private static final long T0 = 1_764_072_000_000_000L;

    @TempDir
    Path dataDir;

    /** A point as logged, in arrival order. */
    record P(long step, long timeMicros, double value) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void exact_downsample_equals_brute_force_with_unordered_and_repeated_steps(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            RunFixture.create(server, RUN.entity(), RUN.project(), RUN.run());
            Random random = new Random(42);
            List<P> points = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                // mostly increasing, with repeats, jumps back and non-finite values
                long step = random.nextInt(20) == 0 ? random.nextInt(5000) : i;
                points.add(new P(step, T0 + i * 1000L + random.nextInt(500), randomValue(random)));
            }
            store(server, points, 777);
            Metrics metrics = new Metrics(server.services().database(), Clock.systemUTC());

            for (int buckets : new int[] {1, 20, 100, 1000}) { // 250 points a bucket or fewer: the exact path
                List<Bucket> actual = metrics.sample(RUN, "history", "loss", XAxis.STEP, buckets, null, null);
                assertSame(actual, bruteForce(points, XAxis.STEP, buckets, null, null));
            }
            assertSame(metrics.sample(RUN, "history", "loss", XAxis.STEP, 50, 1234.5, 2345.0),
                    bruteForce(points, XAxis.STEP, 50, 1234.5, 2345.0));
            assertSame(metrics.sample(RUN, "history", "loss", XAxis.TIME, 300, null, null),
                    bruteForce(points, XAxis.TIME, 300, null, null));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void rollup_downsample_aggregates_exactly_the_points_each_bucket_reports(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            RunFixture.create(server, RUN.entity(), RUN.project(), RUN.run());
            Random random = new Random(7);
            List<P> points = new ArrayList<>();
            for (int i = 0; i < 60_000; i++) {
                points.add(new P(i, T0 + i * 1000L, randomValue(random)));
            }
            // one late point at an old step makes its cells wide: they must be decoded, not merged
            points.add(new P(12_345, T0 + 60_000 * 1000L, 99.0));
            store(server, points, 4096);
            Metrics metrics = new Metrics(server.services().database(), Clock.systemUTC());

            List<Bucket> buckets = metrics.sample(RUN, "history", "loss", XAxis.STEP, 20, null, null);

            assertThat(buckets.stream().mapToLong(Bucket::count).sum()).isEqualTo(points.size());
            long idealWidth = 60_000 / 20;
            for (Bucket bucket : buckets) {
                List<P> inside = points.stream().filter(p -> p.step() >= bucket.x().longValue()
                        && p.step() <= bucket.xEnd().longValue()).toList();
                assertBucket(bucket, inside);
                long offset = bucket.x().longValue() % idealWidth;
                assertThat(Math.min(offset, idealWidth - offset)).as("edge moved by less than a quarter bucket")
                        .isLessThan(idealWidth / 4);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void another_metric_as_x_joins_by_step(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            RunFixture.create(server, RUN.entity(), RUN.project(), RUN.run());
            SeriesBatch batch = new SeriesBatch();
            for (int step = 0; step < 100; step++) {
                batch.add("history", "loss", step, T0 + step, Double.doubleToRawLongBits(100 - step));
                if (step % 10 == 0) {
                    batch.add("history", "epoch", step, T0 + step, Double.doubleToRawLongBits(step / 10));
                }
            }
            append(server, batch);
            Metrics metrics = new Metrics(server.services().database(), Clock.systemUTC());

            List<Bucket> buckets = metrics.sample(RUN, "history", "loss", new XAxis(XAxis.Kind.METRIC, "epoch"), 10,
                    null, null);

            assertThat(buckets).hasSize(10);
            assertThat(buckets.get(0).x().doubleValue()).isEqualTo(0.0);
            assertThat(buckets.get(0).last()).isEqualTo(100.0);
            assertThat(buckets.get(9).x().doubleValue()).isEqualTo(9.0);
            assertThat(buckets.get(9).last()).isEqualTo(10.0);
            assertThat(buckets.stream().mapToLong(Bucket::count).sum()).isEqualTo(10);
        }
    }

    private static double randomValue(Random random) {
        int kind = random.nextInt(50);
        if (kind == 0) {
            return Double.NaN;
        }
        if (kind == 1) {
            return random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return random.nextGaussian();
    }

    /** Stores the points through the store layer in batches of {@code batchSize}, as ingestion would. */
    private static void store(CairnServer server, List<P> points, int batchSize) {
        for (int from = 0; from < points.size(); from += batchSize) {
            SeriesBatch batch = new SeriesBatch();
            for (P p : points.subList(from, Math.min(points.size(), from + batchSize))) {
                batch.add(SeriesName.HISTORY, "loss", p.step(), p.timeMicros(), Double.doubleToRawLongBits(p.value()));
            }
            append(server, batch);
        }
    }

    private static void append(CairnServer server, SeriesBatch batch) {
        server.services().database().inTransaction(c -> {
            MetricStore.append(c, RUN.requirePk(c), batch);
            return null;
        });
    }

    private static List<Bucket> bruteForce(List<P> points, XAxis x, int buckets, Double minX, Double maxX) {
        double scale = x.isTime() ? 1e6 : 1;
        double low = minX != null ? minX * scale : points.stream().mapToDouble(p -> xOf(p, x)).min().orElseThrow();
        double high = maxX != null ? maxX * scale : points.stream().mapToDouble(p -> xOf(p, x)).max().orElseThrow();
        BucketGrid grid = new BucketGrid(low, high, buckets);
        List<List<P>> members = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            members.add(new ArrayList<>());
        }
        for (P p : points) {
            if (grid.contains(xOf(p, x))) {
                members.get(grid.index(xOf(p, x))).add(p);
            }
        }
        List<Bucket> result = new ArrayList<>();
        for (List<P> inside : members) {
            if (!inside.isEmpty()) {
                result.add(expected(inside, x));
            }
        }
        return result;
    }

    private static double xOf(P p, XAxis x) {
        return x.isTime() ? p.timeMicros() : p.step();
    }

    private static Bucket expected(List<P> inside, XAxis x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int finite = 0;
        long lastStep = Long.MIN_VALUE;
        double last = 0;
        for (P p : inside) {
            if (Double.isFinite(p.value())) {
                finite++;
                sum += p.value();
                min = Math.min(min, p.value());
                max = Math.max(max, p.value());
            }
            if (p.step() >= lastStep) {
                lastStep = p.step();
                last = p.value();
            }
        }
        double scale = x.isTime() ? 1e6 : 1;
        double xMin = inside.stream().mapToDouble(p -> xOf(p, x)).min().orElseThrow() / scale;
        double xMax = inside.stream().mapToDouble(p -> xOf(p, x)).max().orElseThrow() / scale;
        return new Bucket(xMin, xMax, inside.size(), finite > 0 ? min : null, finite > 0 ? max : null,
                finite > 0 ? sum / finite : null, last);
    }

    private static void assertSame(List<Bucket> actual, List<Bucket> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Bucket a = actual.get(i);
            Bucket e = expected.get(i);
            assertThat(a.x().doubleValue()).as("x of bucket %d", i).isEqualTo(e.x().doubleValue());
            assertThat(a.xEnd().doubleValue()).as("x_end of bucket %d", i).isEqualTo(e.xEnd().doubleValue());
            assertThat(a.count()).as("count of bucket %d", i).isEqualTo(e.count());
            assertThat(a.min()).as("min of bucket %d", i).isEqualTo(e.min());
            assertThat(a.max()).as("max of bucket %d", i).isEqualTo(e.max());
            assertThat(Double.doubleToRawLongBits(a.last())).as("last of bucket %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(e.last()));
            if (e.mean() == null) {
                assertThat(a.mean()).isNull();
            } else {
                assertThat(a.mean()).as("mean of bucket %d", i).isCloseTo(e.mean(), within(1e-9));
            }
        }
    }

    private static void assertBucket(Bucket bucket, List<P> inside) {
        assertSame(List.of(bucket), List.of(expected(inside, XAxis.STEP)));
    }
}
