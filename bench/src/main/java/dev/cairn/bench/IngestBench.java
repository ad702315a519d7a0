package dev.cairn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.Cairn;
import dev.cairn.client.InitOptions;
import dev.cairn.client.Mode;
import dev.cairn.client.Run;
import dev.cairn.core.json.Json;
import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end ingestion: one SDK client in online mode logs {@value #CALLS} calls of {@value #METRICS}
 * metrics each over loopback HTTP into a server on a throw-away store, as fast as it can, after an
 * unmeasured warm-up run of {@value #WARMUP_CALLS} calls (as the ceiling has its warm-up: a cold JVM
 * spends its first hundreds of thousands of records compiling; on a busy two-core machine the JIT's C2
 * threads were still using more CPU than the SDK's writer during a measured run after a 100,000-call
 * warm-up). The rate runs
 * from the first {@code log()} to the server's acknowledgement of the last record ({@code finish()}
 * returns), and is checked against the server: the run must end {@code finished} with every record applied.
 *
 * <pre>{@code
 * IngestBench.run(System.out, null);   // ingest.rate: 412345 points/s ...
 * }</pre>
 *
 * <p>Beside the rates it prints the CPU the whole process used per million points, in the measured run and
 * in the ceiling's: on a machine shared with other work these move much less than the rates do.
 *
 * <pre>{@code
 * }</pre>
 */
public final class IngestBench {
    static final int CALLS = 200_000;
    static final int WARMUP_CALLS = 200_000;
    static final int METRICS = 10;
    private static final long FINISH_TIMEOUT_MS = 600_000;

    private IngestBench() {
    }

    /** Prints {@code ingest.rate} and {@code ingest.ceiling}; {@code dbUrl} null uses a throw-away SQLite file. */
    public static void run(PrintStream out, String dbUrl) throws Exception {
        // the ceiling first: on PostgreSQL it wants an empty database
        IngestCeiling.Result ceiling = IngestCeiling.measure(dbUrl, CALLS, METRICS, IngestCeiling.DEFAULT_RECORDS_PER_BATCH);
        Path workDir = BenchRuns.scratch("cairn-bench-ingest");
        try (CairnServer server = CairnServer.start(ServerOptions.local(workDir.resolve("server")).withDbUrl(dbUrl))) {
            long points = (long) CALLS * METRICS;
            logAndFinish(server.url(), workDir.resolve("warmup"), WARMUP_CALLS);
            long startCpu = ProcessCpu.nanos();
            double seconds = logAndFinish(server.url(), workDir.resolve("sdk"), CALLS) / 1e9;
            double cpuPerMillion = (ProcessCpu.nanos() - startCpu) / 1e9 / (points / 1e6);
            out.printf(Locale.ROOT, "ingest.points: %d points%n", points);
            out.printf(Locale.ROOT, "ingest.elapsed: %.2f s%n", seconds);
            out.printf(Locale.ROOT, "ingest.rate: %.0f points/s%n", points / seconds);
            out.printf(Locale.ROOT, "ingest.ceiling: %.0f points/s%n", ceiling.pointsPerSecond());
            out.printf(Locale.ROOT, "ingest.share_of_ceiling: %.0f %%%n", 100 * points / seconds / ceiling.pointsPerSecond());
            out.printf(Locale.ROOT, "ingest.cpu: %.3f cpu-s/million points%n", cpuPerMillion);
            out.printf(Locale.ROOT, "ingest.ceiling.cpu: %.3f cpu-s/million points%n", ceiling.cpuSecondsPerMillionPoints());
        } finally {
            BenchRuns.delete(workDir);
        }
    }

    /** Returns the nanoseconds from the first log() to the acknowledgement of the last record. */
    private static long logAndFinish(String baseUrl, Path sdkDir, int calls) throws Exception {
        String[] keys = new String[METRICS];
        for (int i = 0; i < METRICS; i++) {
            keys[i] = "metric/" + i;
        }
        Run run = Cairn.init(InitOptions.builder().project("ingest-bench").entity("bench").baseUrl(baseUrl)
                .dir(sdkDir).mode(Mode.ONLINE).sampleIntervalMs(0).finishTimeoutMs(FINISH_TIMEOUT_MS).build());
        long startNanos = System.nanoTime();
        for (int call = 0; call < calls; call++) {
            Map<String, Double> values = new HashMap<>(2 * METRICS);
            for (int i = 0; i < METRICS; i++) {
                values.put(keys[i], call * 1e-3 + i);
            }
            run.log(values);
        }
        run.finish();
        long elapsedNanos = System.nanoTime() - startNanos;
        requireAllStored(baseUrl, run, calls);
        return elapsedNanos;
    }

    /** The figure means nothing unless the server really holds every point: the run ended and nothing is missing. */
    private static void requireAllStored(String baseUrl, Run run, int calls) throws IOException, InterruptedException {
        String path = "/api/v1/runs/" + run.entity() + "/" + run.project() + "/" + run.id();
        JsonNode stored = get(baseUrl + path);
        JsonNode keys = get(baseUrl + path + "/keys?namespace=history").path("keys");
        long points = 0;
        for (JsonNode key : keys) {
            points += key.path("count").asLong();
        }
        if (!"finished".equals(stored.path("state").asText()) || points != (long) calls * METRICS) {
            throw new IllegalStateException("ingestion incomplete: the run is " + stored.path("state").asText()
                    + " with " + points + " points stored; expected finished with " + (long) calls * METRICS);
        }
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body());
    }
}
