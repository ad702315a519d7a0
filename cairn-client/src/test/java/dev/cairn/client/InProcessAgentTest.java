package dev.cairn.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.sweep.SweepClient;
import dev.cairn.client.sweep.SweepRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Cairn#agent}: a sweep's trials as calls of a Java function, against a real server. */
class InProcessAgentTest {
    @TempDir
    Path serverDir;
    @TempDir
    Path dir;
    private LiveServer server;
    private SweepClient sweeps;

    @BeforeEach
    void startServer() {
        server = LiveServer.start(serverDir, 0);
        sweeps = new SweepClient(server.url(), null);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private InitOptions options() {
        return InitOptions.builder().baseUrl(server.url()).dir(dir).sampleIntervalMs(0).build();
    }

    @Test
    void the_agent_trains_once_per_grid_point_and_each_run_holds_its_parameters_and_learning_curve() throws Exception {
        JsonNode sweep = sweeps.create("alice", "regression", """
                method: grid
                metric: {name: loss, goal: minimize}
                parameters:
                  lr: {values: [0.05, 0.1, 0.5]}
                  epochs: {value: 60}
                """);
        String path = "alice/regression/" + sweep.path("id").asText();

        int trials = Cairn.agent(path, 0, options(), run -> fitLine(run));

        assertThat(trials).isEqualTo(3);
        List<JsonNode> runs = runsOf(sweep);
        assertThat(runs).extracting(run -> run.path("config").path("lr").asDouble())
                .containsExactlyInAnyOrder(0.05, 0.1, 0.5);
        for (JsonNode run : runs) {
            assertThat(run.path("state").asText()).isEqualTo("finished");
            assertThat(run.path("config").path("epochs").asInt()).isEqualTo(60);
            assertThat(run.path("summary").path("loss").asDouble()).as("learned").isLessThan(0.5);
        }
        assertThat(sweeps.get(SweepRef.parse(path, null, null)).path("state").asText()).isEqualTo("finished");
    }

    @Test
    void a_function_that_throws_fails_its_run_and_the_agent_goes_on_up_to_its_count() throws Exception {
        JsonNode sweep = sweeps.create("alice", "regression", "method: grid\nparameters:\n  lr: {values: [0.01, 0.1, 0.5]}\n");
        String path = "alice/regression/" + sweep.path("id").asText();
        List<Double> seen = new ArrayList<>();

        int trials = Cairn.agent(path, 2, options(), run -> {
            seen.add(((Number) run.config().get("lr")).doubleValue());
            if (seen.size() == 1) {
                throw new IllegalStateException("diverged");
            }
        });

        assertThat(trials).isEqualTo(2);
        assertThat(runsOf(sweep)).extracting(run -> run.path("state").asText())
                .containsExactlyInAnyOrder("failed", "finished");
    }

    @Test
    void a_canceled_sweep_stops_the_running_trial_which_ends_killed() throws Exception {
        JsonNode sweep = sweeps.create("alice", "regression", "method: random\nparameters:\n  lr: {min: 0.01, max: 0.1}\n");
        SweepRef ref = new SweepRef("alice", "regression", sweep.path("id").asText());
        CompletableFuture<Void> started = new CompletableFuture<>();

        CompletableFuture<Integer> agent = CompletableFuture.supplyAsync(() -> Cairn.agent(ref.path(), 0, options(), run -> {
            started.complete(null);
            for (long step = 0; !run.isStopRequested(); step++) {
                run.log(Map.of("loss", 1.0 / (step + 1)));
                sleep(10);
            }
        }));
        started.get(60, TimeUnit.SECONDS);
        sweeps.control(ref, "cancel");

        assertThat(agent.get(60, TimeUnit.SECONDS)).as("one trial, then the canceled sweep ends the agent").isEqualTo(1);
        assertThat(runsOf(sweep)).singleElement().satisfies(run ->
                assertThat(run.path("state").asText()).isEqualTo("killed"));
    }

    /** Gradient descent on y = 2x + 1 from noisy samples: a real, if small, training function. */
    private static void fitLine(Run run) {
        double lr = ((Number) run.config().get("lr")).doubleValue();
        int epochs = ((Number) run.config().get("epochs")).intValue();
        Random random = new Random(3);
        double[] x = new double[64];
        double[] y = new double[64];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() * 2 - 1;
            y[i] = 2 * x[i] + 1 + random.nextGaussian() * 0.1;
        }
        double w = 0;
        double b = 0;
        for (int epoch = 0; epoch < epochs && !run.isStopRequested(); epoch++) {
            double gw = 0;
            double gb = 0;
            double loss = 0;
            for (int i = 0; i < x.length; i++) {
                double err = w * x[i] + b - y[i];
                loss += err * err / x.length;
                gw += 2 * err * x[i] / x.length;
                gb += 2 * err / x.length;
            }
            w -= lr * gw;
            b -= lr * gb;
            run.log(Map.of("loss", loss));
        }
    }

    private List<JsonNode> runsOf(JsonNode sweep) {
        JsonNode page = server.get("/api/v1/runs/alice/regression?limit=100&filter="
                + URLEncoder.encode("{\"sweep\":\"" + sweep.path("id").asText() + "\"}", StandardCharsets.UTF_8));
        List<JsonNode> runs = new ArrayList<>();
        page.path("runs").forEach(runs::add);
        return runs;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
