package dev.cairn.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupsTest {
    private static final String RUNS = "/api/v1/runs/alice/mnist";
    private static final String GROUPS = RUNS + "/groups";

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void groups_count_every_matching_run_not_only_a_first_page(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            // 120 runs: more than the dashboard's first page of 50; adam gets every third run
            for (int i = 0; i < 120; i++) {
                String optimizer = i % 3 == 0 ? "adam" : "sgd";
                assertThat(api.post(RUNS, "{\"id\":\"r" + i + "\",\"config\":{\"optimizer\":\"" + optimizer + "\",\"seed\":7}}")
                        .status()).isEqualTo(201);
                api.patch(RUNS + "/r" + i, "{\"summary\":{\"acc\":" + i + "}}");
            }
            JsonNode body = api.post(GROUPS, "{\"group_by\":\"config.optimizer\",\"metrics\":[\"summary.acc\",\"config.seed\"]}").json();

            assertThat(body.path("runs").asInt()).isEqualTo(120);
            assertThat(body.path("group_count").asInt()).isEqualTo(2);
            JsonNode sgd = body.path("groups").get(0);
            JsonNode adam = body.path("groups").get(1);
            assertThat(sgd.path("value").asText()).isEqualTo("sgd");
            assertThat(sgd.path("count").asInt()).isEqualTo(80);
            assertThat(adam.path("value").asText()).isEqualTo("adam");
            assertThat(adam.path("count").asInt()).isEqualTo(40);
            JsonNode acc = adam.path("metrics").path("summary.acc");
            assertThat(acc.path("min").asDouble()).isEqualTo(0);
            assertThat(acc.path("max").asDouble()).isEqualTo(117);
            assertThat(acc.path("mean").asDouble()).isEqualTo(58.5); // 0, 3, ..., 117
            assertThat(acc.path("numbers").asInt()).isEqualTo(40);
            assertThat(acc.has("value")).as("values differ").isFalse();
            JsonNode seed = adam.path("metrics").path("config.seed");
            assertThat(seed.path("value").asInt()).as("every run shares it").isEqualTo(7);
            assertThat(seed.path("count").asInt()).isEqualTo(40);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void each_group_filter_lists_exactly_its_runs(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            ListingTest.createFixture(api);
            for (String groupBy : List.of("config.lr", "config.opt", "config.flag", "tags", "group", "job_type", "state",
                    "summary.acc")) {
                JsonNode body = api.post(GROUPS, "{\"group_by\":\"" + groupBy + "\"}").json();
                int listed = 0;
                for (JsonNode group : body.path("groups")) {
                    JsonNode page = api.get(RUNS + "?limit=1000&filter="
                            + URLEncoder.encode(group.path("filter").toString(), StandardCharsets.UTF_8)).json();
                    assertThat(page.path("total").asInt()).as(groupBy + " " + group).isEqualTo(group.path("count").asInt());
                    listed += page.path("total").asInt();
                }
                if (!groupBy.equals("tags")) {
                    assertThat(listed).as(groupBy + ": every run in one group").isEqualTo(5);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void values_keep_their_type_and_runs_without_one_come_last(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            ListingTest.createFixture(api);
            JsonNode lr = api.post(GROUPS, "{\"group_by\":\"config.lr\",\"filter\":{\"state\":{\"$ne\":\"failed\"}}}").json();
            List<String> values = new ArrayList<>();
            lr.path("groups").forEach(g -> values.add(g.path("value").toString()));
            // a, b, d, e (c failed): 0.01, 0.001, "auto", none; ties by value, none last
            assertThat(values).containsExactly("\"auto\"", "0.001", "0.01", "null");
            assertThat(lr.path("runs").asInt()).isEqualTo(4);

            JsonNode tags = api.post(GROUPS, "{\"group_by\":\"tags\",\"metrics\":[\"summary.loss\"]}").json();
            assertThat(tags.path("groups").get(0).path("value").asText()).isEqualTo("baseline");
            assertThat(tags.path("groups").get(0).path("count").asInt()).isEqualTo(2);
            assertThat(tags.path("groups").get(0).path("metrics").path("summary.loss").path("mean").asDouble())
                    .isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
            JsonNode flag = api.post(GROUPS, "{\"group_by\":\"config.flag\",\"metrics\":[\"config.flag\"]}").json();
            JsonNode flagged = flag.path("groups").get(0);
            assertThat(flagged.path("value").isBoolean()).isTrue();
            assertThat(flagged.path("metrics").path("config.flag").path("numbers").asInt()).as("a boolean is no number").isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void bad_requests_name_the_field_and_the_fix(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            ListingTest.createFixture(api);
            assertThat(api.post(GROUPS, "{}").errorMessage()).contains("group_by is required");
            assertThat(api.post(GROUPS, "{\"group_by\":\"colour\"}").errorMessage()).contains("unknown field 'colour'");
            assertThat(api.post(GROUPS, "{\"group_by\":\"id\"}").errorMessage()).contains("a group of its own");
            assertThat(api.post(GROUPS, "{\"group_by\":\"state\",\"metrics\":[\"state\"]}").errorMessage())
                    .contains("'state' is not a config or summary key");
            assertThat(api.post(GROUPS, "{\"group_by\":\"state\",\"limit\":0}").errorMessage()).contains("use 1 to 1000");
            assertThat(api.post("/api/v1/runs/alice/nope/groups", "{\"group_by\":\"state\"}").status()).isEqualTo(404);
        }
    }
}
