package dev.cairn.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExportTest {
    private static final String RUNS = "/api/v1/runs/alice/mnist";

    @TempDir
    Path dataDir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void csv_has_one_row_per_run_and_a_column_per_flattened_key(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            ListingTest.createFixture(api);

            ApiClient.Response csv = api.get(RUNS + "/export?format=csv&sort=id");

            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.contentType()).startsWith("text/csv");
            List<List<String>> rows = parseCsv(csv.body());
            assertThat(rows.get(0)).containsExactly("id", "name", "state", "group", "job_type", "tags", "created_at",
                    "runtime_s", "config.flag", "config.layers", "config.lr", "config.nested.depth", "config.opt",
                    "summary.acc", "summary.loss");
            assertThat(rows).hasSize(6);
            List<String> a = rows.get(1);
            assertThat(a.subList(0, 6)).containsExactly("a", "resnet-a", "running", "g1", "train", "baseline");
            assertThat(a.subList(8, 15)).containsExactly("", "4", "0.01", "2", "adam", "0.95", "0.2");
            assertThat(rows.get(2).get(5)).isEqualTo("baseline,tuned");
            assertThat(rows.get(4).get(10)).as("d's lr is text").isEqualTo("auto");
            assertThat(rows.get(5).subList(8, 15)).as("e has no config or summary").containsOnly("");
            assertThat(csv.body()).contains("\r\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void csv_quotes_commas_quotes_and_line_breaks(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            api.post(RUNS, "{\"id\":\"q\",\"name\":\"he said \\\"hi\\\", ok\",\"config\":{\"text\":\"two\\nlines\",\"list\":[1,2]}}");

            String body = api.get(RUNS + "/export").body();

            assertThat(body).contains("\"he said \"\"hi\"\", ok\"");
            List<List<String>> rows = parseCsv(body);
            assertThat(rows.get(1).get(1)).isEqualTo("he said \"hi\", ok");
            assertThat(rows.get(0).subList(8, 10)).containsExactly("config.list", "config.text");
            assertThat(rows.get(1).subList(8, 10)).containsExactly("[1,2]", "two\nlines");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void jsonl_takes_the_list_filter_and_sort(String store) throws Exception {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            ListingTest.createFixture(api);

            ApiClient.Response jsonl = api.get(RUNS + "/export?format=jsonl&sort=config.lr&filter="
                    + ListingTest.encode("{\"state\":\"running\"}"));

            assertThat(jsonl.status()).isEqualTo(200);
            String[] lines = jsonl.body().split("\n");
            List<String> ids = new ArrayList<>();
            for (String line : lines) {
                ids.add(Json.mapper().readTree(line).path("id").asText());
            }
            assertThat(ids).containsExactly("a", "d", "e");
            JsonNode a = Json.mapper().readTree(lines[0]);
            assertThat(a.path("config.lr").asDouble()).isEqualTo(0.01);
            assertThat(a.path("config.nested.depth").asInt()).isEqualTo(2);
            assertThat(a.path("summary.acc").asDouble()).isEqualTo(0.95);
            assertThat(a.path("tags").get(0).asText()).isEqualTo("baseline");
            assertThat(a.path("runtime_s").isNumber()).isTrue();
            assertThat(a.path("created_at").asText()).endsWith("Z");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void export_checks_its_parameters_before_writing(String store) {
        try (CairnServer server = TestServers.start(store, dataDir)) {
            ApiClient api = new ApiClient(server.url());
            api.post(RUNS, "{\"id\":\"r1\"}");

            assertThat(api.get(RUNS + "/export?format=xlsx").errorMessage()).contains("xlsx");
            assertThat(api.get(RUNS + "/export?filter=" + ListingTest.encode("{\"x\":1}")).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/runs/alice/nope/export").status()).isEqualTo(404);
        }
    }

    /** A strict RFC 4180 reader: CRLF rows, quoted fields with doubled quotes. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        return rows;
    }
}
