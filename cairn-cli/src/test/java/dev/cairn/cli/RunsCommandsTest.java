package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsCommandsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;

    static CairnServer server;

    @BeforeAll
    static void start_a_server_with_three_runs() throws Exception {
        server = CairnServer.start(ServerOptions.local(dataDir));
        createRun("alice", "mnist", "run-a", "baseline", "{\"lr\":0.1,\"optimizer\":{\"name\":\"sgd\"}}", "{\"acc\":0.91,\"loss\":0.3}");
        createRun("alice", "mnist", "run-b", "wider", "{\"lr\":0.01,\"optimizer\":{\"name\":\"adam\"}}", "{\"acc\":0.97,\"loss\":0.1}");
        createRun("bob", "speech", "run-c", "other", "{\"lr\":0.5}", "{\"wer\":0.2}");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void runs_list_shows_the_projects_runs_with_summary_columns() {
        Cli.Result result = Cli.run("runs", "list", "alice/mnist", "--base-url", server.url());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("ID").contains("NAME", "STATE", "CREATED", "RUNTIME", "acc", "loss");
        assertThat(lines).hasSize(3);
        assertThat(result.out()).contains("run-a", "baseline", "run-b", "wider", "running", "0.97").doesNotContain("run-c");
    }

    @Test
    void runs_list_finds_the_entity_of_a_project_named_alone() {
        Cli.Result result = Cli.run("runs", "list", "speech", "--base-url", server.url());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("run-c").contains("wer");
    }

    @Test
    void runs_list_passes_filter_sort_and_limit_to_the_server() {
        Cli.Result result = Cli.run("runs", "list", "alice/mnist", "--base-url", server.url(),
                "--filter", "{\"config.lr\":{\"$lt\":0.05}}", "--sort", "-summary.acc", "--limit", "1");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("run-b").doesNotContain("run-a");
    }

    @Test
    void runs_list_says_how_many_runs_were_left_out() {
        Cli.Result result = Cli.run("runs", "list", "alice/mnist", "--base-url", server.url(), "--limit", "1");

        assertThat(result.out()).contains("(1 of 2 runs; --limit shows more)");
    }

    @Test
    void runs_list_of_an_unknown_project_says_so() {
        Cli.Result result = Cli.run("runs", "list", "nobody-has-this", "--base-url", server.url());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("no project named 'nobody-has-this'");
    }

    @Test
    void runs_show_prints_state_config_and_summary() {
        Cli.Result result = Cli.run("runs", "show", "alice/mnist/run-a", "--base-url", server.url());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("name      baseline").contains("state     running")
                .contains("\"lr\" : 0.1").contains("\"acc\" : 0.91");
    }

    @Test
    void runs_show_of_an_unknown_run_relays_the_servers_message() {
        Cli.Result result = Cli.run("runs", "show", "alice/mnist/nope", "--base-url", server.url());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("cairn: the server answered 404:").contains("alice/mnist/nope");
    }

    @Test
    void runs_export_writes_csv_with_flattened_config_and_summary() throws IOException {
        Path csv = dataDir.resolve("mnist.csv");

        Cli.Result result = Cli.run("runs", "export", "alice/mnist", "--format", "csv", "-o", csv.toString(),
                "--base-url", server.url());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("wrote " + csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("id,name,state").contains("config.lr", "config.optimizer.name", "summary.acc");
        assertThat(String.join("\n", lines)).contains("run-a").contains("adam").contains("0.97");
        assertThat(csv.resolveSibling("mnist.csv.partial")).doesNotExist();
    }

    @Test
    void runs_export_writes_json_lines_to_standard_output() {
        Cli.Result result = Cli.run("runs", "export", "alice/mnist", "--format", "jsonl", "--base-url", server.url());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out().lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
    }

    private static void createRun(String entity, String project, String id, String name, String config, String summary)
            throws Exception {
        String base = server.url() + "/api/v1/runs/" + entity + "/" + project;
        send(HttpRequest.newBuilder(URI.create(base)).POST(HttpRequest.BodyPublishers.ofString(
                "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"config\":" + config + "}")), 201);
        send(HttpRequest.newBuilder(URI.create(base + "/" + id)).method("PATCH", HttpRequest.BodyPublishers.ofString(
                "{\"summary\":" + summary + "}")), 200);
    }

    private static void send(HttpRequest.Builder request, int expectedStatus) throws Exception {
        HttpResponse<String> response = HTTP.send(request.header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    }
}
