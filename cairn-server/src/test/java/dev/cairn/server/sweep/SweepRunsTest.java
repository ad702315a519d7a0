package dev.cairn.server.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The run side of sweeps: the run's sweep field, its parameters winning, the sweep filter, console posts. */
class SweepRunsTest {
    private static final String RUNS = SweepClient.RUNS;

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void the_sweeps_parameters_win_over_the_config_a_script_sends(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            SweepClient sweep = SweepClient.create(api, SweepControllerTest.GRID_2);
            String runId = sweep.nextRunId();

            ApiClient.Response resumed = api.post(RUNS, "{\"id\":\"" + runId + "\",\"resume\":\"allow\","
                    + "\"config\":{\"lr\":0.5,\"batch_size\":32}}");

            assertThat(resumed.status()).isEqualTo(200);
            assertThat(resumed.json().path("config").path("lr").asDouble()).isEqualTo(0.1);
            assertThat(resumed.json().path("config").path("batch_size").asInt()).isEqualTo(32);
            assertThat(resumed.json().path("sweep").asText()).isEqualTo(sweep.id);
            JsonNode patched = api.patch(RUNS + "/" + runId, "{\"config\":{\"lr\":0.7}}").json();
            assertThat(patched.path("config").path("lr").asDouble()).isEqualTo(0.1);

            api.post(RUNS + "/" + runId + "/records", "{\"records\":[{\"seq\":1,\"type\":\"config\",\"time\":1764072000,"
                    + "\"values\":{\"lr\":0.9,\"dropout\":0.2}}]}");
            JsonNode recorded = api.get(RUNS + "/" + runId).json().path("config");
            assertThat(recorded.path("lr").asDouble()).as("a config record").isEqualTo(0.1);
            assertThat(recorded.path("dropout").asDouble()).isEqualTo(0.2);

            JsonNode plain = api.post(RUNS, "{\"config\":{\"lr\":0.5}}").json();
            assertThat(plain.path("sweep").isNull()).as("a run of no sweep").isTrue();
            assertThat(plain.path("config").path("lr").asDouble()).isEqualTo(0.5);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void the_runs_list_filters_on_the_sweep(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            SweepClient sweep = SweepClient.create(api, SweepControllerTest.GRID_2);
            SweepClient other = SweepClient.create(api, SweepControllerTest.GRID_2);
            String first = sweep.nextRunId();
            String second = sweep.nextRunId();
            other.nextRunId();
            api.post(RUNS, "{}");

            JsonNode page = api.get(RUNS + "?sort=created_at&filter=" + encode("{\"sweep\":\"" + sweep.id + "\"}")).json();

            assertThat(page.path("total").asInt()).isEqualTo(2);
            assertThat(page.path("runs").get(0).path("id").asText()).isEqualTo(first);
            assertThat(page.path("runs").get(1).path("id").asText()).isEqualTo(second);
            assertThat(api.get(RUNS + "?filter=" + encode("{\"sweep\":null}")).json().path("total").asInt())
                    .as("runs of no sweep").isEqualTo(1);
            assertThat(api.get(RUNS + "?filter=" + encode("{\"sweep\":{\"$exists\":true}}")).json().path("total")
                    .asInt()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void the_best_run_reads_the_aggregate_that_matches_the_goal(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            SweepClient sweep = SweepClient.create(api, """
                    method: grid
                    metric: {name: acc, goal: maximize}
                    parameters:
                      lr: {values: [0.1, 0.01, 0.001]}
                    """);
            String peaked = sweep.nextRunId();
            String steady = sweep.nextRunId();
            String lastOnly = sweep.nextRunId();
            api.patch(RUNS + "/" + peaked, "{\"summary\":{\"acc\":{\"max\":0.97,\"last\":0.5}},\"state\":\"finished\"}");
            sweep.end(steady, "finished", "acc", 0.9);
            api.patch(RUNS + "/" + lastOnly, "{\"summary\":{\"acc\":{\"mean\":0.99,\"last\":0.6}},\"state\":\"failed\"}");

            JsonNode view = sweep.sweep();

            assertThat(view.path("best").path("run").asText()).isEqualTo(peaked);
            assertThat(view.path("best").path("metric").asDouble()).isEqualTo(0.97);
            assertThat(view.path("counts").path("finished").asInt()).isEqualTo(2);
            assertThat(view.path("counts").path("failed").asInt()).isEqualTo(1);
            assertThat(view.path("counts").path("running").asInt()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void console_lines_posted_by_an_agent_replace_earlier_lines_with_the_same_number(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RUNS + "/" + api.post(RUNS, "{}").json().path("id").asText();

            ApiClient.Response first = api.post(run + "/console", "{\"lines\":[{\"stream\":\"stdout\",\"line\":0,"
                    + "\"text\":\"epoch 1\"},{\"stream\":\"stdout\",\"line\":1,\"text\":\"[==   ] 40%\"}]}");
            api.post(run + "/console", "{\"lines\":[{\"stream\":\"stdout\",\"line\":1,\"text\":\"[=====] 100%\"},"
                    + "{\"stream\":\"stderr\",\"line\":2,\"text\":\"warn\\u0000ing\"}]}");

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.json().path("lines").asInt()).isEqualTo(2);
            JsonNode lines = api.get(run + "/console").json().path("lines");
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0).path("text").asText()).isEqualTo("epoch 1");
            assertThat(lines.get(1).path("text").asText()).isEqualTo("[=====] 100%");
            assertThat(lines.get(2).path("stream").asText()).isEqualTo("stderr");
            assertThat(lines.get(2).path("text").asText()).isEqualTo("warn\uFFFDing");

            ApiClient.Response badStream = api.post(run + "/console",
                    "{\"lines\":[{\"stream\":\"stdout\",\"line\":3,\"text\":\"ok\"},{\"stream\":\"log\",\"line\":4,\"text\":\"x\"}]}");
            assertThat(badStream.status()).isEqualTo(400);
            assertThat(badStream.errorMessage()).contains("lines[1]").contains("stream");
            assertThat(api.get(run + "/console").json().path("lines")).as("nothing of a bad post is written").hasSize(3);
            assertThat(api.post(run + "/console", "{\"lines\":[{\"stream\":\"stdout\",\"line\":-1,\"text\":\"x\"}]}")
                    .errorMessage()).contains("line");
            assertThat(api.post(run + "/console", "{\"lines\":{}}").status()).isEqualTo(400);
            assertThat(api.post(run + "/console", "{\"lines\":[").errorCode()).isEqualTo("bad_json");
            assertThat(api.post(RUNS + "/nosuch/console", "{\"lines\":[]}").status()).isEqualTo(404);
        }
    }

    private static String encode(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }
}
