package dev.cairn.server.metrics;

import static dev.cairn.server.metrics.RunFixture.history;
import static dev.cairn.server.metrics.RunFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SummariesAndFilesTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void summary_holds_last_values_defined_aggregates_and_user_keys(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");

            post(api, run,
                    "{\"seq\":1,\"type\":\"define_metric\",\"time\":1,\"name\":\"acc\",\"summary\":[\"max\",\"mean\",\"first\",\"last\"],\"goal\":\"maximize\"}",
                    history(2, "{\"acc\":0.5,\"loss\":0.9,\"sample\":\"a cat\"}"),
                    history(3, "{\"acc\":\"NaN\",\"loss\":0.7}"),
                    history(4, "{\"acc\":0.9,\"loss\":0.8}"),
                    history(5, "{\"acc\":0.7}"),
                    "{\"seq\":6,\"type\":\"summary\",\"time\":6,\"values\":{\"best\":\"resnet\",\"loss\":0.1}}");

            JsonNode summary = RunFixture.json(server, run, "summary");
            assertThat(summary.path("acc").path("max").asDouble()).isEqualTo(0.9);
            assertThat(summary.path("acc").path("mean").asDouble()).isCloseTo(0.7, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(summary.path("acc").path("first").asDouble()).isEqualTo(0.5);
            assertThat(summary.path("acc").path("last").asDouble()).isEqualTo(0.7);
            assertThat(summary.path("loss").asDouble()).as("user key wins").isEqualTo(0.1);
            assertThat(summary.path("sample").asText()).isEqualTo("a cat");
            assertThat(summary.path("best").asText()).isEqualTo("resnet");
            assertThat(RunFixture.fields(server, run)).containsEntry("summary.acc.max", "0.9")
                    .containsEntry("summary.best", "resnet");
            assertThat(RunFixture.json(server, run, "metric_defs").path("acc").path("goal").asText()).isEqualTo("maximize");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void several_runs_and_keys_come_back_from_one_sampled_call(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String first = RunFixture.create(server, "alice", "mnist", "r1");
            String second = RunFixture.create(server, "alice", "mnist", "r2");
            post(api, first, history(1, "{\"loss\":1,\"acc\":0.1}"), history(2, "{\"loss\":0.5,\"acc\":0.2}"));
            post(api, second, history(1, "{\"loss\":2}"));

            JsonNode series = api.post("/api/v1/history/sampled", "{\"runs\":[\"alice/mnist/r1\",\"alice/mnist/r2\"],"
                    + "\"keys\":[\"loss\",\"acc\"],\"x\":\"step\",\"buckets\":10}").json().path("series");
            ApiClient.Response one = api.get(first + "/history/sampled?keys=loss&buckets=1");
            ApiClient.Response unknown = api.post("/api/v1/history/sampled",
                    "{\"runs\":[\"alice/mnist/nope\"],\"keys\":[\"loss\"]}");

            assertThat(series).hasSize(4);
            assertThat(series.get(0).path("run").asText()).isEqualTo("alice/mnist/r1");
            assertThat(series.get(0).path("buckets")).hasSize(2);
            assertThat(series.get(1).path("key").asText()).isEqualTo("acc");
            assertThat(series.get(2).path("buckets").get(0).path("last").asDouble()).isEqualTo(2.0);
            assertThat(series.get(3).path("buckets")).isEmpty();
            JsonNode bucket = one.json().path("series").get(0).path("buckets").get(0);
            assertThat(bucket.path("x").asLong()).isZero();
            assertThat(bucket.path("x_end").asLong()).isEqualTo(1);
            assertThat(bucket.path("count").asInt()).isEqualTo(2);
            assertThat(bucket.path("mean").asDouble()).isEqualTo(0.75);
            assertThat(unknown.status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void files_are_stored_listed_and_read_back(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");

            ApiClient.Response put = api.put(run + "/files/plots/loss.csv", "step,loss\n0,1\n".getBytes(StandardCharsets.UTF_8));
            api.put(run + "/files/plots/loss.csv", "step,loss\n0,0.5\n".getBytes(StandardCharsets.UTF_8));
            ApiClient.Response read = api.get(run + "/files/plots/loss.csv");
            JsonNode list = api.get(run + "/files").json().path("files");

            assertThat(put.status()).isEqualTo(201);
            assertThat(read.body()).isEqualTo("step,loss\n0,0.5\n");
            assertThat(list).hasSize(1);
            assertThat(list.get(0).path("path").asText()).isEqualTo("plots/loss.csv");
            assertThat(list.get(0).path("size").asInt()).isEqualTo(16);
            assertThat(list.get(0).path("sha256").asText()).hasSize(64);
            assertThat(api.get(run + "/files/missing.txt").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void file_paths_that_could_escape_the_run_answer_400_and_big_files_413(String store) throws Exception {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String run = RunFixture.create(server, "alice", "mnist", "r1");
            byte[] small = {1, 2, 3};

            assertThat(api.put(run + "/files/a/%2E%2E/b.txt", small).status()).isEqualTo(400);
            assertThat(api.put(run + "/files/..%2Fsecret", small).status()).isEqualTo(400);
            assertThat(api.put(run + "/files/a%5Cb.txt", small).status()).isEqualTo(400);
            assertThat(api.put(run + "/files/a//b.txt", small).status()).isEqualTo(400);
            assertThat(api.put(run + "/files/%2Fetc%2Fpasswd", small).status()).isEqualTo(400);
            assertThat(api.put(run + "/files/a%00b", small).status()).isEqualTo(400);
            String big = HeadersOnly.send(server.url(), "PUT", run + "/files/big.bin", 10 * 1024 * 1024 + 1);
            assertThat(big).startsWith("HTTP/1.1 413").contains("payload_too_large", "10 MiB");
            assertThat(api.get(run + "/files").json().path("files")).isEmpty();
        }
    }
}
