package dev.cairn.bench;

import dev.cairn.server.metrics.Metrics;
import dev.cairn.server.metrics.records.Record;
import dev.cairn.server.run.RunKey;
import dev.cairn.server.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The metric store's own ingestion ceiling: points a second when batches of already-parsed history records go
 * straight into the store through the same code the records route runs after parsing JSON (seq check, point
 * storage, summary refresh, heartbeat, one transaction a batch) — no HTTP, no JSON, no SDK. Each record carries
 * {@code metricsPerLogCall} values, like a {@code run.log({...})} call.
 *
 * <pre>{@code
 * double ceiling = IngestCeiling.pointsPerSecond(null, 100_000, 10, 10_000);  // SQLite in a temp folder
 * System.out.printf("ingest.ceiling: %.0f points/s%n", ceiling);
 * }</pre>
 */
public final class IngestCeiling {
    /** The batch an SDK sends when it keeps up with a fast training loop: the server's maximum. */
    public static final int DEFAULT_RECORDS_PER_BATCH = 10_000;
    private static final int WARMUP_LOG_CALLS = 100_000;

    private IngestCeiling() {
    }

    public static void main(String[] args) {
        System.out.printf("ingest.ceiling: %.0f points/s%n", pointsPerSecond(args.length > 0 ? args[0] : null));
    }

    /** Points a second, and the CPU the process spent per million points while storing them. */
    public record Result(double pointsPerSecond, double cpuSecondsPerMillionPoints) {
    }

    /** 100,000 log calls of 10 metrics in batches of {@value #DEFAULT_RECORDS_PER_BATCH} records. */
    public static double pointsPerSecond(String dbUrlOrNull) {
        return pointsPerSecond(dbUrlOrNull, 100_000, 10, DEFAULT_RECORDS_PER_BATCH);
    }

    public static double pointsPerSecond(String dbUrlOrNull, int logCalls, int metricsPerLogCall, int recordsPerBatch) {
        return measure(dbUrlOrNull, logCalls, metricsPerLogCall, recordsPerBatch).pointsPerSecond();
    }

    /**
     * Stores {@code logCalls} history records of {@code metricsPerLogCall} values each in batches of
     * {@code recordsPerBatch} records, after a warm-up on another run, and returns points a second.
     *
     * @param dbUrlOrNull null for SQLite in a fresh temp folder, or a {@code postgresql://} URL of an empty database
     */
    public static Result measure(String dbUrlOrNull, int logCalls, int metricsPerLogCall, int recordsPerBatch) {
        Path scratch = BenchRuns.scratch("cairn-ingest-ceiling");
        try (Database db = Database.open(dbUrlOrNull, scratch)) {
            Metrics metrics = new Metrics(db, Clock.systemUTC());
            ingest(metrics, BenchRuns.create(db, "bench", "ingest", "warmup"),
                    records(WARMUP_LOG_CALLS, metricsPerLogCall, recordsPerBatch));
            List<List<Record>> batches = records(logCalls, metricsPerLogCall, recordsPerBatch);
            RunKey run = BenchRuns.create(db, "bench", "ingest", "measured");
            long startCpu = ProcessCpu.nanos();
            long start = System.nanoTime();
            ingest(metrics, run, batches);
            double seconds = (System.nanoTime() - start) / 1e9;
            double points = (double) logCalls * metricsPerLogCall;
            return new Result(points / seconds, (ProcessCpu.nanos() - startCpu) / 1e9 / (points / 1e6));
        } finally {
            BenchRuns.delete(scratch);
        }
    }

    private static void ingest(Metrics metrics, RunKey run, List<List<Record>> batches) {
        for (List<Record> batch : batches) {
            metrics.ingest(run, batch);
        }
    }

    /** The records an SDK would send, as the server holds them after parsing: auto steps, one time a record. */
    private static List<List<Record>> records(int logCalls, int metricsPerLogCall, int recordsPerBatch) {
        Random random = new Random(5);
        String[] keys = new String[metricsPerLogCall];
        for (int k = 0; k < metricsPerLogCall; k++) {
            keys[k] = k == 0 ? "loss" : "train/metric_" + k;
        }
        List<List<Record>> batches = new ArrayList<>();
        List<Record> batch = new ArrayList<>(recordsPerBatch);
        for (int call = 0; call < logCalls; call++) {
            double[] values = new double[metricsPerLogCall];
            for (int k = 0; k < metricsPerLogCall; k++) {
                values[k] = random.nextDouble();
            }
            batch.add(new Record.History(call + 1, 1_764_072_000.0 + call * 1e-4, Record.AUTO_STEP,
                    new Record.Values(keys, values, metricsPerLogCall, Map.of())));
            if (batch.size() == recordsPerBatch) {
                batches.add(batch);
                batch = new ArrayList<>(recordsPerBatch);
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
