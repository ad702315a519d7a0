package dev.cairn.server.metrics;

import static dev.cairn.server.metrics.RunFixture.history;
import static dev.cairn.server.metrics.RunFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /keys}: the keys of several runs in one call, as the workspace's charts ask for them. */
class KeysOfRunsTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void the_union_of_the_runs_keys_comes_sorted_with_how_many_runs_logged_each(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            String r1 = RunFixture.create(server, "alice", "mnist", "r1");
            String r2 = RunFixture.create(server, "alice", "mnist", "r2");
            RunFixture.create(server, "alice", "mnist", "r3"); // logged nothing
            post(api, r1, history(1, "{\"loss\":1,\"train/acc\":0.5}"));
            post(api, r2, history(1, "{\"loss\":2,\"lr\":0.1}"));

            JsonNode keys = api.post("/api/v1/keys",
                    "{\"runs\":[\"alice/mnist/r1\",\"alice/mnist/r2\",\"alice/mnist/r3\",\"alice/mnist/r1\"]}").json().path("keys");

            assertThat(keys.findValuesAsText("key")).containsExactly("loss", "lr", "train/acc");
            assertThat(keys.findValuesAsText("runs")).containsExactly("2", "1", "1");
            JsonNode system = api.post("/api/v1/keys", "{\"runs\":[\"alice/mnist/r1\"],\"namespace\":\"system\"}").json();
            assertThat(system.path("keys")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void an_unknown_run_or_a_bad_body_is_named_in_the_error(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            RunFixture.create(server, "alice", "mnist", "r1");

            ApiClient.Response unknown = api.post("/api/v1/keys", "{\"runs\":[\"alice/mnist/r1\",\"alice/mnist/nope\"]}");
            ApiClient.Response empty = api.post("/api/v1/keys", "{\"runs\":[]}");
            ApiClient.Response badNamespace = api.post("/api/v1/keys", "{\"runs\":[\"alice/mnist/r1\"],\"namespace\":\"x\"}");

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.errorMessage()).contains("nope");
            assertThat(empty.status()).isEqualTo(400);
            assertThat(empty.errorMessage()).contains("'runs'");
            assertThat(badNamespace.status()).isEqualTo(400);
            assertThat(badNamespace.errorMessage()).contains("namespace", "'x'");
        }
    }
}
