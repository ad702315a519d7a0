package dev.cairn.server.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import dev.cairn.server.run.RunReaper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SweepControllerTest {
    static final String GRID_60 = """
            method: grid
            parameters:
              a: {values: [1, 2, 3]}
              b: {values: [x, y, z, w]}
              c: {values: [0.1, 0.2, 0.3, 0.4, 0.5]}
            """;
    static final String GRID_2 = """
            method: grid
            parameters:
              lr: {values: [0.1, 0.01]}
            """;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void fifty_concurrent_agents_get_every_grid_point_exactly_once_and_the_sweep_finishes(String store)
            throws Exception {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            SweepClient sweep = SweepClient.create(api, GRID_60);
            ConcurrentLinkedQueue<String> points = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> lastStates = new ConcurrentLinkedQueue<>();

            ExecutorService agents = Executors.newFixedThreadPool(50);
            List<Future<?>> done = new ArrayList<>();
            for (int agent = 0; agent < 50; agent++) {
                done.add(agents.submit(() -> {
                    while (true) {
                        JsonNode next = sweep.next();
                        if (next.path("run").isNull()) {
                            if (next.path("sweep_state").asText().equals("running")) {
                                continue; // another agent's run is still going; ask again
                            }
                            lastStates.add(next.path("sweep_state").asText());
                            return null;
                        }
                        points.add(next.path("run").path("params").toString());
                        sweep.end(next.path("run").path("id").asText(), "finished");
                    }
                }));
            }
            for (Future<?> agent : done) {
                agent.get(120, TimeUnit.SECONDS);
            }
            agents.shutdown();

            assertThat(points).hasSize(60);
            assertThat(new HashSet<>(points)).as("no point twice").hasSize(60);
            assertThat(lastStates).hasSize(50).containsOnly("finished");
            JsonNode finished = sweep.sweep();
            assertThat(finished.path("state").asText()).isEqualTo("finished");
            assertThat(finished.path("counts").path("finished").asInt()).isEqualTo(60);
            assertThat(finished.path("counts").path("total").asInt()).isEqualTo(60);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void random_and_bayes_sweeps_end_at_their_run_cap_with_the_best_run_named(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            for (String method : List.of("random", "bayes")) {
                SweepClient sweep = SweepClient.create(api, """
                        method: %s
                        run_cap: 7
                        metric: {name: val_loss, goal: minimize}
                        parameters:
                          lr: {distribution: log_uniform_values, min: 0.0001, max: 0.1}
                          layers: {distribution: int_uniform, min: 1, max: 4}
                        """.formatted(method));
                Set<String> seen = new HashSet<>();
                String bestRun = null;
                JsonNode bestParams = null;
                double best = Double.MAX_VALUE;
                for (int trial = 0; trial < 7; trial++) {
                    JsonNode next = sweep.next();
                    assertThat(next.path("sweep_state").asText()).isEqualTo("running");
                    double lr = next.path("run").path("params").path("lr").asDouble();
                    assertThat(lr).isBetween(0.0001, 0.1);
                    assertThat(next.path("run").path("params").path("layers").asInt()).isBetween(1, 4);
                    assertThat(seen.add(next.path("run").path("params").toString())).isTrue();
                    double loss = Math.abs(Math.log10(lr) + 2);
                    String runId = next.path("run").path("id").asText();
                    sweep.end(runId, "finished", "val_loss", loss);
                    if (loss < best) {
                        best = loss;
                        bestRun = runId;
                        bestParams = next.path("run").path("params");
                    }
                }

                JsonNode capped = sweep.next();

                assertThat(capped.path("run").isNull()).isTrue();
                assertThat(capped.path("sweep_state").asText()).as(method).isEqualTo("finished");
                JsonNode view = sweep.sweep();
                assertThat(view.path("counts").path("total").asInt()).isEqualTo(7);
                assertThat(view.path("best").path("run").asText()).isEqualTo(bestRun);
                assertThat(view.path("best").path("metric").asDouble()).isEqualTo(best);
                assertThat(view.path("best").path("params")).isEqualTo(bestParams);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_sweep_whose_metric_reaches_its_target_finishes_once_no_run_is_running(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            SweepClient sweep = SweepClient.create(new ApiClient(server.url()), """
                    method: grid
                    metric: {name: acc, goal: maximize, target: 0.9}
                    parameters:
                      lr: {values: [0.1, 0.01, 0.001, 0.0001]}
                    """);
            String slow = sweep.nextRunId();
            sweep.end(sweep.nextRunId(), "finished", "acc", 0.95);

            JsonNode waiting = sweep.next();
            assertThat(waiting.path("run").isNull()).as("the target is met: no new trial").isTrue();
            assertThat(waiting.path("sweep_state").asText()).isEqualTo("running");
            sweep.end(slow, "finished", "acc", 0.5);

            assertThat(sweep.next().path("sweep_state").asText()).isEqualTo("finished");
            assertThat(sweep.sweep().path("counts").path("total").asInt()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_paused_sweep_hands_out_nothing_until_it_is_resumed(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            SweepClient sweep = SweepClient.create(new ApiClient(server.url()), GRID_60);
            String first = sweep.nextRunId();

            ApiClient.Response paused = sweep.action("pause");

            assertThat(paused.status()).isEqualTo(200);
            assertThat(paused.json().path("state").asText()).isEqualTo("paused");
            JsonNode next = sweep.next();
            assertThat(next.path("run").isNull()).isTrue();
            assertThat(next.path("sweep_state").asText()).isEqualTo("paused");
            assertThat(sweep.heartbeat(first).path("stop").asBoolean()).as("running runs go on").isFalse();
            ApiClient.Response twice = sweep.action("pause");
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.errorMessage()).contains("paused");

            assertThat(sweep.action("resume").json().path("state").asText()).isEqualTo("running");
            assertThat(sweep.next().path("run").path("id").asText()).isNotEmpty();
            assertThat(sweep.action("resume").status()).isEqualTo(409);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_stopped_sweep_lets_running_runs_finish_and_hands_out_nothing_more(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            SweepClient sweep = SweepClient.create(new ApiClient(server.url()), GRID_60);
            String running = sweep.nextRunId();

            assertThat(sweep.action("stop").json().path("state").asText()).isEqualTo("stopped");

            JsonNode next = sweep.next();
            assertThat(next.path("run").isNull()).isTrue();
            assertThat(next.path("sweep_state").asText()).isEqualTo("stopped");
            assertThat(sweep.heartbeat(running).path("stop").asBoolean()).isFalse();
            ApiClient.Response resume = sweep.action("resume");
            assertThat(resume.status()).isEqualTo(409);
            assertThat(resume.errorCode()).isEqualTo("conflict");
            assertThat(resume.errorMessage()).contains("stopped");
            assertThat(sweep.action("cancel").status()).isEqualTo(409);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_canceled_sweep_tells_its_running_runs_to_stop(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            SweepClient sweep = SweepClient.create(new ApiClient(server.url()), GRID_60);
            String first = sweep.nextRunId();
            String second = sweep.nextRunId();
            sweep.action("pause");

            assertThat(sweep.action("cancel").json().path("state").asText()).isEqualTo("canceled");

            assertThat(sweep.heartbeat(first).path("stop").asBoolean()).isTrue();
            assertThat(sweep.heartbeat(second).path("stop").asBoolean()).isTrue();
            assertThat(sweep.next().path("sweep_state").asText()).isEqualTo("canceled");
            sweep.end(first, "killed");
            assertThat(sweep.sweep().path("counts").path("killed").asInt()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_crashed_grid_point_is_handed_out_again_once_but_not_twice(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            SweepClient sweep = SweepClient.create(new ApiClient(server.url()), GRID_2);
            RunReaper reaper = server.services().runs().reaper();
            Instant afterTimeout = Instant.now().plus(server.services().options().heartbeatTimeout()).plusSeconds(1);
            JsonNode first = sweep.next();
            JsonNode second = sweep.next();
            sweep.end(second.path("run").path("id").asText(), "finished");

            JsonNode waiting = sweep.next();
            assertThat(waiting.path("run").isNull()).as("no point is free while the first runs").isTrue();
            assertThat(waiting.path("sweep_state").asText()).isEqualTo("running");
            assertThat(reaper.runOnce(afterTimeout)).isEqualTo(1);

            JsonNode retry = sweep.next();
            assertThat(retry.path("run").path("params")).isEqualTo(first.path("run").path("params"));
            assertThat(retry.path("run").path("id").asText()).isNotEqualTo(first.path("run").path("id").asText());
            assertThat(reaper.runOnce(afterTimeout.plus(server.services().options().heartbeatTimeout()))).isEqualTo(1);

            JsonNode done = sweep.next();
            assertThat(done.path("run").isNull()).isTrue();
            assertThat(done.path("sweep_state").asText()).isEqualTo("finished");
            assertThat(sweep.sweep().path("counts").path("crashed").asInt()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void no_crashed_point_comes_back_when_retries_is_zero(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            SweepClient sweep = SweepClient.create(new ApiClient(server.url()), GRID_2, 0);
            sweep.nextRunId();
            sweep.end(sweep.nextRunId(), "finished");

            server.services().runs().reaper().runOnce(Instant.now().plus(server.services().options().heartbeatTimeout())
                    .plusSeconds(1));

            assertThat(sweep.next().path("sweep_state").asText()).isEqualTo("finished");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void hyperband_tells_a_clearly_bad_run_to_stop_on_its_heartbeat(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            SweepClient sweep = SweepClient.create(new ApiClient(server.url()), """
                    method: random
                    metric: {name: loss, goal: minimize}
                    early_terminate: {type: hyperband, min_iter: 2, eta: 2}
                    parameters:
                      lr: {min: 0.001, max: 0.1}
                    """);
            for (int good = 0; good < 3; good++) {
                String run = sweep.nextRunId();
                sweep.logHistory(run, "loss", 1.0, 0.5, 0.4, 0.3);
                sweep.end(run, "finished");
            }
            String promising = sweep.nextRunId();
            String bad = sweep.nextRunId();
            sweep.logHistory(promising, "loss", 0.9, 0.5);
            sweep.logHistory(bad, "loss", 1.0);

            assertThat(sweep.heartbeat(bad).path("stop").asBoolean()).as("not yet at the first band").isFalse();

            sweep.logHistoryFrom(bad, 1, "loss", 5.0);

            assertThat(sweep.heartbeat(bad).path("stop").asBoolean()).isTrue();
            assertThat(sweep.heartbeat(promising).path("stop").asBoolean()).isFalse();
        }
    }
}
