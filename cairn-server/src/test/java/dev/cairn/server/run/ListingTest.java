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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListingTest {
    private static final String RUNS = "/api/v1/runs/alice/mnist";

    @TempDir
    Path dataDir;

    /** Five runs, a to e, created in that order, covering numbers, texts, booleans, nesting and absence. */
    static void createFixture(ApiClient api) {
        create(api, "{\"id\":\"a\",\"name\":\"resnet-a\",\"group\":\"g1\",\"job_type\":\"train\",\"tags\":[\"baseline\"],"
                + "\"config\":{\"lr\":0.01,\"opt\":\"adam\",\"layers\":4,\"nested\":{\"depth\":2}}}", "{\"acc\":0.95,\"loss\":0.2}", null);
        create(api, "{\"id\":\"b\",\"name\":\"resnet-b\",\"group\":\"g1\",\"tags\":[\"baseline\",\"tuned\"],"
                + "\"config\":{\"lr\":0.001,\"opt\":\"sgd\",\"flag\":true}}", "{\"acc\":0.9,\"loss\":0.3}", "finished");
        create(api, "{\"id\":\"c\",\"name\":\"vit-c\",\"job_type\":\"eval\",\"tags\":[],"
                + "\"config\":{\"lr\":0.0001,\"opt\":\"adam\"}}", "{\"acc\":0.8}", "failed");
        create(api, "{\"id\":\"d\",\"name\":\"vit-d\",\"tags\":[\"tuned\"],\"config\":{\"lr\":\"auto\"}}", "{\"acc\":\"n/a\"}", null);
        create(api, "{\"id\":\"e\",\"name\":\"mlp-e\"}", null, null);
    }

    private static void create(ApiClient api, String body, String summary, String state) {
        assertThat(api.post(RUNS, body).status()).isEqualTo(201);
        String id = body.replaceAll("^\\{\"id\":\"(\\w+)\".*", "$1");
        if (summary != null) {
            assertThat(api.patch(RUNS + "/" + id, "{\"summary\":" + summary + "}").status()).isEqualTo(200);
        }
        if (state != null) {
            assertThat(api.patch(RUNS + "/" + id, "{\"state\":\"" + state + "\"}").status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void every_operator_selects_what_mongodb_would(String store) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("{}", "a,b,c,d,e");
        expected.put("{\"config.lr\":{\"$gt\":0.001}}", "a");
        expected.put("{\"config.lr\":{\"$gte\":0.001}}", "a,b");
        expected.put("{\"config.lr\":{\"$lt\":0.001}}", "c");
        expected.put("{\"config.lr\":{\"$lte\":0.001}}", "b,c");
        expected.put("{\"config.lr\":0.001}", "b");
        expected.put("{\"config.lr\":{\"$eq\":\"auto\"}}", "d");
        expected.put("{\"config.lr\":{\"$ne\":0.001}}", "a,c,d,e");
        expected.put("{\"config.lr\":null}", "e");
        expected.put("{\"config.lr\":{\"$in\":[0.01,\"auto\",null]}}", "a,d,e");
        expected.put("{\"config.opt\":{\"$in\":[\"adam\",\"rmsprop\"]}}", "a,c");
        expected.put("{\"config.opt\":{\"$nin\":[\"adam\"]}}", "b,d,e");
        expected.put("{\"config.flag\":true}", "b");
        expected.put("{\"config.nested.depth\":2}", "a");
        expected.put("{\"config.opt\":{\"$regex\":\"^ad\"}}", "a,c");
        expected.put("{\"summary.loss\":{\"$exists\":true}}", "a,b");
        expected.put("{\"summary.loss\":{\"$exists\":false}}", "c,d,e");
        expected.put("{\"summary.acc\":{\"$gt\":\"m\"}}", "d");
        expected.put("{\"name\":{\"$regex\":\"^resnet\"}}", "a,b");
        expected.put("{\"name\":{\"$not\":{\"$regex\":\"^resnet\"}}}", "c,d,e");
        expected.put("{\"name\":{\"$regex\":\"(?i)^RESNET-[b-z]$\"}}", "b");
        expected.put("{\"name\":{\"$gt\":\"resnet-a\",\"$lt\":\"vit-d\"}}", "b,c");
        expected.put("{\"id\":{\"$in\":[\"a\",\"e\"]}}", "a,e");
        expected.put("{\"tags\":\"baseline\"}", "a,b");
        expected.put("{\"tags\":{\"$in\":[\"tuned\"]}}", "b,d");
        expected.put("{\"tags\":{\"$nin\":[\"baseline\"]}}", "c,d,e");
        expected.put("{\"tags\":{\"$ne\":\"baseline\"}}", "c,d,e");
        expected.put("{\"tags\":{\"$exists\":false}}", "c,e");
        expected.put("{\"tags\":{\"$regex\":\"^tun\"}}", "b,d");
        expected.put("{\"state\":\"finished\"}", "b");
        expected.put("{\"state\":{\"$in\":[\"failed\",\"finished\"]}}", "b,c");
        expected.put("{\"group\":\"g1\"}", "a,b");
        expected.put("{\"group\":null}", "c,d,e");
        expected.put("{\"group\":{\"$ne\":\"g1\"}}", "c,d,e");
        expected.put("{\"group\":{\"$exists\":true}}", "a,b");
        expected.put("{\"job_type\":{\"$in\":[\"eval\",null]}}", "b,c,d,e");
        expected.put("{\"job_type\":{\"$regex\":\"^tr\"}}", "a");
        expected.put("{\"created_at\":{\"$gte\":\"2000-01-01\"}}", "a,b,c,d,e");
        expected.put("{\"created_at\":{\"$lt\":\"2000-01-01T00:00:00Z\"}}", "");
        expected.put("{\"$or\":[{\"summary.acc\":{\"$gt\":0.9}},{\"name\":{\"$regex\":\"^vit\"}}]}", "a,c,d");
        expected.put("{\"$and\":[{\"config.lr\":{\"$gte\":0.0001}},{\"$or\":[{\"tags\":\"tuned\"},{\"config.opt\":\"adam\"}]}]}",
                "a,b,c");
        expected.put("{\"$not\":{\"config.opt\":\"adam\"}}", "b,d,e");
        expected.put("{\"$not\":{\"$or\":[{\"state\":\"running\"},{\"$and\":[{\"tags\":\"tuned\"},{\"state\":\"finished\"}]}]}}", "c");
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            createFixture(api);

            SoftAssertions soft = new SoftAssertions();
            expected.forEach((filter, ids) -> {
                JsonNode page = api.get(RUNS + "?sort=id&filter=" + encode(filter)).json();
                soft.assertThat(String.join(",", RunsApiTest.ids(page))).as(filter).isEqualTo(ids);
                soft.assertThat(page.path("total").asInt()).as("total of " + filter)
                        .isEqualTo(ids.isEmpty() ? 0 : ids.split(",").length);
            });
            soft.assertAll();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void bad_filters_sorts_and_cursors_answer_400_naming_the_problem(String store) {
        Map<String, String> mentions = new LinkedHashMap<>();
        mentions.put("filter=" + encode("{\"config.lr\":{\"$foo\":1}}"), "$foo");
        mentions.put("filter=" + encode("{\"bogus\":1}"), "bogus");
        mentions.put("filter=" + encode("{\"$xor\":[]}"), "$xor");
        mentions.put("filter=" + encode("{\"$and\":{}}"), "$and");
        mentions.put("filter=" + encode("not json"), "filter");
        mentions.put("filter=" + encode("[1]"), "object");
        mentions.put("filter=" + encode("{\"config.model\":{\"layers\":4}}"), "config.model.key");
        mentions.put("filter=" + encode("{\"tags\":{\"$gt\":\"a\"}}"), "tags");
        mentions.put("filter=" + encode("{\"created_at\":{\"$gt\":\"yesterday\"}}"), "ISO-8601");
        mentions.put("filter=" + encode("{\"name\":{\"$regex\":\"(\"}}"), "regular expression");
        mentions.put("filter=" + encode("{\"name\":{\"$in\":\"a\"}}"), "array");
        mentions.put("filter=" + encode("{\"name\":{\"$exists\":1}}"), "true or false");
        mentions.put("filter=" + encode("{\"name\":3}"), "string");
        mentions.put("sort=bogus", "bogus");
        mentions.put("sort=tags", "tags");
        mentions.put("limit=0", "limit");
        mentions.put("limit=many", "limit");
        mentions.put("cursor=garbage", "cursor");
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            createFixture(api);
            String otherSortCursor = api.get(RUNS + "?sort=name&limit=1").json().path("next_cursor").asText();
            mentions.put("sort=id&cursor=" + otherSortCursor, "sorted by 'name'");

            SoftAssertions soft = new SoftAssertions();
            mentions.forEach((query, mentioned) -> {
                ApiClient.Response response = api.get(RUNS + "?" + query);
                soft.assertThat(response.status()).as(query).isEqualTo(400);
                soft.assertThat(response.errorMessage()).as(query).contains(mentioned);
            });
            soft.assertAll();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void sorts_put_numbers_in_numeric_order_then_texts_then_runs_without_the_field(String store) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("", "e,d,c,b,a");
        expected.put("created_at", "a,b,c,d,e");
        expected.put("config.lr", "c,b,a,d,e");
        expected.put("-config.lr", "a,b,c,d,e");
        expected.put("summary.acc", "c,b,a,d,e");
        expected.put("-summary.acc", "a,b,c,d,e");
        expected.put("config.layers", "a,b,c,d,e");
        expected.put("config.opt", "a,c,b,d,e");
        expected.put("name", "e,a,b,c,d");
        expected.put("-name", "d,c,b,a,e");
        expected.put("group", "a,b,c,d,e");
        expected.put("-group", "b,a,e,d,c");
        expected.put("state", "c,b,a,d,e");
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            createFixture(api);

            SoftAssertions soft = new SoftAssertions();
            expected.forEach((sort, ids) -> soft.assertThat(String.join(",", RunsApiTest.ids(api.get(RUNS + "?sort=" + sort).json())))
                    .as("sort=" + sort).isEqualTo(ids));
            soft.assertAll();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void pages_cross_sort_segments_and_end_with_a_null_cursor(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            createFixture(api);

            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = api.get(RUNS + "?sort=config.lr&limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
                assertThat(page.path("total").asInt()).isEqualTo(5);
                seen.addAll(RunsApiTest.ids(page));
                cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
                pages++;
            } while (cursor != null);

            assertThat(seen).containsExactly("c", "b", "a", "d", "e");
            assertThat(pages).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void runs_added_while_paging_cause_no_duplicates_and_no_gaps(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            Random random = new Random(7);
            Set<String> original = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                // few distinct values, so many ties that only the id breaks
                String id = "r" + i;
                original.add(id);
                api.post(RUNS, "{\"id\":\"" + id + "\",\"config\":{\"lr\":" + random.nextInt(4) + "}}");
            }
            for (String sort : List.of("config.lr", "-created_at", "name")) {
                List<String> seen = new ArrayList<>();
                List<Double> values = new ArrayList<>();
                String cursor = null;
                int added = 0;
                do {
                    JsonNode page = api.get(RUNS + "?limit=5&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor)).json();
                    page.path("runs").forEach(run -> {
                        seen.add(run.path("id").asText());
                        values.add(run.path("config").path("lr").asDouble());
                    });
                    cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asText();
                    for (int lr = 0; lr < 4; lr += 2) {
                        api.post(RUNS, "{\"id\":\"new-" + sort.replace(".", "") + "-" + added++ + "\",\"config\":{\"lr\":" + lr + "}}");
                    }
                } while (cursor != null);

                List<String> originalSeen = seen.stream().filter(original::contains).toList();
                assertThat(originalSeen).as("sort " + sort).doesNotHaveDuplicates().hasSize(original.size());
                assertThat(seen).as("sort " + sort).doesNotHaveDuplicates();
                if (sort.equals("config.lr")) {
                    assertThat(values).isSorted();
                }
            }
        }
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
