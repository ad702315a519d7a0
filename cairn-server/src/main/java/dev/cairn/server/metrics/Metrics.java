package dev.cairn.server.metrics;

import dev.cairn.server.live.LiveEvents;
import dev.cairn.server.metrics.console.ConsoleLines;
import dev.cairn.server.metrics.files.RunFiles;
import dev.cairn.server.metrics.history.MetricKeys;
import dev.cairn.server.metrics.history.RawHistory;
import dev.cairn.server.metrics.records.BatchChanges;
import dev.cairn.server.metrics.records.IngestResult;
import dev.cairn.server.metrics.records.Record;
import dev.cairn.server.metrics.records.RecordApplier;
import dev.cairn.server.metrics.sampling.Bucket;
import dev.cairn.server.metrics.sampling.Sampler;
import dev.cairn.server.metrics.sampling.XAxis;
import dev.cairn.server.run.RunKey;
import dev.cairn.server.store.Database;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The metrics service: record ingestion, metric history, console output and run files, over one
 * {@link Database}. The routes call it; benchmarks and tests may call it directly.
 *
 * <pre>{@code
 * Metrics metrics = new Metrics(database, Clock.systemUTC());
 * IngestResult result = metrics.ingest(new RunKey("alice", "mnist", "k3x9q2ab"), records);
 * List<Bucket> loss = metrics.sample(key, "history", "loss", XAxis.STEP, 1000, null, null);
 * }</pre>
 */
public final class Metrics {
    private final Database database;
    private final Clock clock;
    private final LiveEvents events;

    public Metrics(Database database, Clock clock) {
        this(database, clock, LiveEvents.none());
    }

    /** {@code events}: told about every committed batch, for the browsers watching the run's project. */
    public Metrics(Database database, Clock clock, LiveEvents events) {
        this.database = database;
        this.clock = clock;
        this.events = events;
    }

    /** Applies validated records in one transaction; the result is committed when this returns. */
    public IngestResult ingest(RunKey run, List<Record> records) {
        boolean isWatched = events.isWatched(run);
        AtomicReference<BatchChanges> changes = new AtomicReference<>();
        IngestResult result = database.inTransaction(c -> {
            changes.set(isWatched ? new BatchChanges() : BatchChanges.IGNORED); // a retried transaction starts over
            return RecordApplier.apply(c, database.dialect(), run.requirePk(c), records, clock.millis(), changes.get());
        });
        if (isWatched && result.applied() > 0) {
            BatchChanges applied = changes.get();
            events.pointsAdded(run, "history", applied.historySteps());
            events.pointsAdded(run, "system", applied.systemTimes());
            events.consoleWritten(run, applied.consoleLines());
            events.runTouched(run);
        }
        return result;
    }

    public List<MetricKeys.Key> keys(RunKey run, String namespace) {
        return database.withHandle(c -> MetricKeys.list(c, run.requirePk(c), namespace));
    }

    /** The union of the keys the runs logged in one namespace, by name, each with how many of the runs have it. */
    public List<MetricKeys.SharedKey> keys(List<RunKey> runs, String namespace) {
        return database.withHandle(c -> {
            List<Long> runPks = new ArrayList<>();
            for (RunKey run : runs) {
                runPks.add(run.requirePk(c));
            }
            return MetricKeys.union(c, runPks, namespace);
        });
    }

    public RawHistory.Page history(RunKey run, String namespace, List<String> keys, long fromStep, long toStep,
                                   int limit) {
        return database.withHandle(c -> RawHistory.read(c, run.requirePk(c), namespace, keys, fromStep, toStep, limit));
    }

    /** One downsampled series of one run. */
    public List<Bucket> sample(RunKey run, String namespace, String key, XAxis x, int buckets, Double minX, Double maxX) {
        return database.withHandle(c -> Sampler.sample(c, run.requirePk(c), namespace, key, x, buckets, minX, maxX));
    }

    /** A downsampled series in a multi-run answer. */
    public record SampledSeries(String run, String key, List<Bucket> buckets) {
    }

    /** Every key of every run, run by run, on one connection. */
    public List<SampledSeries> sample(List<RunKey> runs, List<String> keys, String namespace, XAxis x, int buckets,
                                      Double minX, Double maxX) {
        return database.withHandle(c -> {
            List<SampledSeries> series = new ArrayList<>();
            for (RunKey run : runs) {
                long runPk = run.requirePk(c);
                for (String key : keys) {
                    series.add(new SampledSeries(run.toString(), key,
                            Sampler.sample(c, runPk, namespace, key, x, buckets, minX, maxX)));
                }
            }
            return series;
        });
    }

    public ConsoleLines.Page console(RunKey run, long fromLine, int limit) {
        return database.withHandle(c -> ConsoleLines.read(c, run.requirePk(c), fromLine, limit));
    }

    /** Now, in the microseconds console lines are stamped with. */
    public long nowMicros() {
        java.time.Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** Writes lines an agent sent; a line number written before is replaced. */
    public void writeConsole(RunKey run, ConsoleLines.Batch lines) {
        database.inTransaction(c -> {
            lines.write(c, run.requirePk(c));
            return null;
        });
        if (events.isWatched(run)) {
            events.consoleWritten(run, lines.lines());
        }
    }

    public RunFiles.Entry putFile(RunKey run, String path, byte[] bytes) {
        return database.inTransaction(c -> RunFiles.put(c, run.requirePk(c), path, bytes, clock.millis()));
    }

    public List<RunFiles.Entry> files(RunKey run) {
        return database.withHandle(c -> RunFiles.list(c, run.requirePk(c)));
    }

    /** The file's bytes, or null when the run exists but has no such file. */
    public byte[] file(RunKey run, String path) {
        return database.withHandle(c -> RunFiles.get(c, run.requirePk(c), path));
    }
}
