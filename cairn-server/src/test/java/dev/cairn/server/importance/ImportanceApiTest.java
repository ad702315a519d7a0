package dev.cairn.server.importance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImportanceApiTest {
    private static final String RUNS = "/api/v1/runs/alice/mnist";

    @TempDir
    Path dataDir;

    /** 30 runs whose val_acc falls with lr; batch and the optimizer are noise. Runs 0-9 are tagged "early". */
    static void createRuns(ApiClient api) {
        Random random = new Random(1);
        String[] optimizers = {"adam", "sgd"};
        for (int i = 0; i < 30; i++) {
            double lr = 0.001 + 0.01 * random.nextDouble();
            double valAcc = 0.95 - 40 * lr + 0.002 * random.nextGaussian();
            String body = String.format(Locale.ROOT, "{\"id\":\"r%d\",\"tags\":[\"%s\"],\"config\":{\"lr\":%s,\"batch\":%d,"
                            + "\"optimizer\":\"%s\"}}", i, i < 10 ? "early" : "late", lr, 16 + random.nextInt(100),
                    optimizers[random.nextInt(2)]);
            assertThat(api.post(RUNS, body).status()).isEqualTo(201);
            api.patch(RUNS + "/r" + i, String.format(Locale.ROOT, "{\"summary\":{\"val_acc\":%s}}", valAcc));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void the_key_that_drives_the_metric_comes_first_with_a_negative_correlation(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            createRuns(api);

            ApiClient.Response response = api.post(RUNS + "/importance", "{\"metric\":\"val_acc\"}");

            assertThat(response.status()).isEqualTo(200);
            JsonNode body = response.json();
            assertThat(body.path("metric").asText()).isEqualTo("val_acc");
            assertThat(body.path("runs").asInt()).isEqualTo(30);
            JsonNode keys = body.path("importance");
            assertThat(keys).hasSize(3);
            assertThat(keys.get(0).path("key").asText()).isEqualTo("lr");
            assertThat(keys.get(0).path("importance").asDouble()).isGreaterThan(0.8);
            assertThat(keys.get(0).path("correlation").asDouble()).isLessThan(-0.9);
            assertThat(keys.get(0).path("kind").asText()).isEqualTo("number");
            double sum = 0;
            for (JsonNode key : keys) {
                sum += key.path("importance").asDouble();
            }
            assertThat(sum).isBetween(0.999, 1.001);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void a_filter_and_a_key_list_restrict_what_is_analysed(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            createRuns(api);

            JsonNode body = api.post(RUNS + "/importance",
                    "{\"metric\":\"val_acc\",\"filter\":{\"tags\":\"early\"},\"keys\":[\"optimizer\",\"config.batch\"]}").json();

            assertThat(body.path("runs").asInt()).isEqualTo(10);
            assertThat(body.path("importance")).extracting(k -> k.path("key").asText())
                    .containsExactlyInAnyOrder("optimizer", "batch");
            assertThat(body.path("importance").findValuesAsText("kind")).containsExactlyInAnyOrder("category", "number");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void bad_requests_say_what_to_change(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            createRuns(api);

            ApiClient.Response unknownMetric = api.post(RUNS + "/importance", "{\"metric\":\"val_loss\"}");
            assertThat(unknownMetric.status()).isEqualTo(400);
            assertThat(unknownMetric.errorMessage()).contains("'val_loss'").contains("val_acc");

            ApiClient.Response tooFew = api.post(RUNS + "/importance",
                    "{\"metric\":\"val_acc\",\"filter\":{\"id\":{\"$in\":[\"r1\",\"r2\"]}}}");
            assertThat(tooFew.status()).isEqualTo(400);
            assertThat(tooFew.errorMessage()).contains("only 2").contains("at least 3");

            ApiClient.Response noMetric = api.post(RUNS + "/importance", "{\"filter\":{}}");
            assertThat(noMetric.status()).isEqualTo(400);
            assertThat(noMetric.errorMessage()).contains("metric is required");

            ApiClient.Response unknownKey = api.post(RUNS + "/importance", "{\"metric\":\"val_acc\",\"keys\":[\"momentum\"]}");
            assertThat(unknownKey.status()).isEqualTo(400);
            assertThat(unknownKey.errorMessage()).contains("'momentum'");

            ApiClient.Response badFilter = api.post(RUNS + "/importance", "{\"metric\":\"val_acc\",\"filter\":{\"x\":{\"$near\":1}}}");
            assertThat(badFilter.status()).isEqualTo(400);

            assertThat(api.post("/api/v1/runs/alice/nope/importance", "{\"metric\":\"val_acc\"}").status()).isEqualTo(404);
        }
    }
}
