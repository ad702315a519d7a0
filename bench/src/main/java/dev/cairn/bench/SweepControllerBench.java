package dev.cairn.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import dev.cairn.core.sweep.SweepConfig;
import dev.cairn.core.sweep.SweepSearch;
import dev.cairn.core.sweep.Trial;
import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The sweep controller's {@code next} as an agent sees it: {@code POST /sweeps/.../next} over loopback HTTP on
 * a bayes sweep over {@link BenchFunctions#MIXED10} (10 mixed parameters) with {@value #HISTORY} finished
 * trials, each call reading the sweep's runs, fitting the Gaussian process, and creating the trial's run in
 * one transaction. The run each timed call creates is removed again straight from the store, so every call
 * sees exactly {@value #HISTORY} finished trials. Prints {@code sweep.controller.next.p50} and {@code .p99}, and
 * the same of the search alone on the same trials ({@code sweep.controller.search_only.*}): on a busy machine
 * both grow, and their difference is what the controller adds (the two are timed call by call, interleaved).
 * Then {@code sweep.controller.next_growing.*}: {@value #GROWING_CALLS} more calls, each trial finished (by
 * {@code PATCH}) before the next call, so each call sees one more finished trial (200 to 299), as a sweep with
 * one agent runs: the model is extended by a row, and its hyper-parameters re-chosen every 4 trials (below 256).
 *
 * <pre>{@code
 * SweepControllerBench.run(System.out, null);   // sweep.controller.next.p99: 41.0 ms
 * }</pre>
 */
public final class SweepControllerBench {
    static final int HISTORY = 200;
    static final int WARMUP_CALLS = 30;
    static final int TIMED_CALLS = 200;
    static final int GROWING_CALLS = 100;
    private static final String SWEEPS = "/api/v1/sweeps/bench/sweep";
    private static final String RUNS = "/api/v1/runs/bench/sweep";
    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
    };

    private SweepControllerBench() {
    }

    public static void main(String[] args) throws Exception {
        run(System.out, args.length > 0 ? args[0] : null);
    }

    public static void run(PrintStream out, String dbUrlOrNull) throws Exception {
        Path dataDir = BenchRuns.scratch("cairn-sweep-bench");
        try (CairnServer server = CairnServer.start(ServerOptions.local(dataDir).withDbUrl(dbUrlOrNull))) {
            Http http = new Http(server.url());
            BenchFunction function = BenchFunctions.MIXED10;
            String body = Json.mapper().writeValueAsString(Map.of("config", function.sweepConfig("bayes")));
            String sweep = SWEEPS + "/" + http.post(SWEEPS, body).path("id").asText();
            long startNs = System.nanoTime();
            List<Trial> history = new ArrayList<>();
            for (int t = 0; t < HISTORY; t++) {
                JsonNode run = http.post(sweep + "/next", "{\"agent\":\"bench\"}").path("run");
                Map<String, Object> params = Json.mapper().convertValue(run.path("params"), PARAMS);
                double value = function.evaluate(params);
                history.add(Trial.finished(params, value));
                http.patch(RUNS + "/" + run.path("id").asText(),
                        String.format(Locale.ROOT, "{\"summary\":{\"value\":%s},\"state\":\"finished\"}", value));
            }
            System.err.printf(Locale.ROOT, "(%d finished trials in %.1f s)%n", HISTORY, (System.nanoTime() - startNs) / 1e9);
            SweepSearch search = SweepSearch.of(SweepConfig.fromMap(function.sweepConfig("bayes")));
            Random rng = new Random(7);
            for (int i = 0; i < WARMUP_CALLS; i++) {
                forget(server, http.post(sweep + "/next", "{}").path("run").path("id").asText());
                search.next(history, rng);
            }
            // the two are interleaved so that both see the same load on a shared machine
            double[] ms = new double[TIMED_CALLS];
            double[] searchMs = new double[TIMED_CALLS];
            for (int i = 0; i < ms.length; i++) {
                long callNs = System.nanoTime();
                JsonNode next = http.post(sweep + "/next", "{}");
                ms[i] = (System.nanoTime() - callNs) / 1e6;
                forget(server, next.path("run").path("id").asText());
                long searchNs = System.nanoTime();
                search.next(history, rng);
                searchMs[i] = (System.nanoTime() - searchNs) / 1e6;
            }
            // then as a sweep really runs: each trial finishes before the next call, the history grows by one
            double[] growingMs = new double[GROWING_CALLS];
            for (int i = 0; i < growingMs.length; i++) {
                long callNs = System.nanoTime();
                JsonNode run = http.post(sweep + "/next", "{}").path("run");
                growingMs[i] = (System.nanoTime() - callNs) / 1e6;
                Map<String, Object> params = Json.mapper().convertValue(run.path("params"), PARAMS);
                http.patch(RUNS + "/" + run.path("id").asText(), String.format(Locale.ROOT,
                        "{\"summary\":{\"value\":%s},\"state\":\"finished\"}", function.evaluate(params)));
            }
            out.printf(Locale.ROOT, "sweep.controller.next.p50: %.1f ms%n", percentile(ms, 0.50));
            out.printf(Locale.ROOT, "sweep.controller.next.p99: %.1f ms%n", percentile(ms, 0.99));
            out.printf(Locale.ROOT, "sweep.controller.search_only.p50: %.1f ms%n", percentile(searchMs, 0.50));
            out.printf(Locale.ROOT, "sweep.controller.search_only.p99: %.1f ms%n", percentile(searchMs, 0.99));
            out.printf(Locale.ROOT, "sweep.controller.next_growing.p50: %.1f ms%n", percentile(growingMs, 0.50));
            out.printf(Locale.ROOT, "sweep.controller.next_growing.p99: %.1f ms%n", percentile(growingMs, 0.99));
        } finally {
            BenchRuns.delete(dataDir);
        }
    }

    private static double percentile(double[] values, double fraction) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(fraction * sorted.length) - 1];
    }

    /** Removes a timed call's run, so the next call sees the same history. */
    private static void forget(CairnServer server, String runId) {
        server.services().database().inTransaction(c -> {
            try (PreparedStatement fields = c.prepareStatement(
                    "DELETE FROM run_fields WHERE run_id IN (SELECT id FROM runs WHERE run_id = ?)");
                 PreparedStatement run = c.prepareStatement("DELETE FROM runs WHERE run_id = ?")) {
                fields.setString(1, runId);
                fields.executeUpdate();
                run.setString(1, runId);
                return run.executeUpdate();
            }
        });
    }

    /** JSON over loopback; any answer but 2xx ends the benchmark. */
    private record Http(HttpClient client, String baseUrl) {
        Http(String baseUrl) {
            this(HttpClient.newHttpClient(), baseUrl);
        }

        JsonNode post(String path, String json) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        JsonNode patch(String path, String json) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
        }

        private JsonNode send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(request.header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            }
            return Json.mapper().readTree(response.body());
        }
    }
}
