package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.client.sweep.SweepClient;
import dev.cairn.client.sweep.SweepRef;
import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn sweep FILE} and its subcommands against a real server, in-process. */
class SweepCommandsTest {
    private static final Pattern AGENT_COMMAND = Pattern.compile("\\./cairn agent (\\S+)");

    @TempDir
    Path workDir;
    private CairnServer server;

    @BeforeEach
    void start() {
        server = CairnServer.start(ServerOptions.local(workDir.resolve("server")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void a_sweep_file_creates_a_sweep_and_prints_the_agent_command() throws Exception {
        Path file = Files.writeString(workDir.resolve("sweep.yaml"), """
                program: train.py
                method: grid
                parameters:
                  lr: {values: [0.1, 0.01]}
                """);

        Cli.Result created = Cli.run("sweep", file.toString(), "--entity", "alice", "--project", "mnist",
                "--base-url", server.url());

        assertThat(created.exitCode()).as(created.toString()).isZero();
        Matcher agent = AGENT_COMMAND.matcher(created.out());
        assertThat(agent.find()).as(created.out()).isTrue();
        assertThat(agent.group(1)).matches("alice/mnist/[A-Za-z0-9]+");
        assertThat(created.out()).contains("created sweep " + agent.group(1) + " (grid)");
    }

    @Test
    void the_project_may_come_from_the_sweep_file() throws Exception {
        Path file = Files.writeString(workDir.resolve("sweep.json"),
                "{\"project\":\"vision\",\"method\":\"random\",\"program\":\"t.py\",\"parameters\":{\"lr\":{\"min\":0.1,\"max\":1}}}");

        Cli.Result created = Cli.run("sweep", file.toString(), "--entity", "alice", "--base-url", server.url());

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).contains("./cairn agent alice/vision/");
    }

    @Test
    void an_invalid_sweep_file_is_refused_with_the_key_path_and_the_fix() throws Exception {
        Path file = Files.writeString(workDir.resolve("sweep.yaml"), """
                program: train.py
                method: random
                parameters:
                  lr: {distribution: log-uniform, min: 0, max: 1}
                """);

        Cli.Result refused = Cli.run("sweep", file.toString(), "--entity", "alice", "--project", "mnist",
                "--base-url", server.url());

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("parameters.lr.distribution").contains("log_uniform");
    }

    @Test
    void pause_resume_and_cancel_change_the_state_and_a_bare_id_uses_entity_and_project() throws Exception {
        String sweep = create();
        String id = sweep.substring(sweep.lastIndexOf('/') + 1);

        assertThat(Cli.run("sweep", "pause", sweep, "--base-url", server.url()).out()).contains("is paused");
        assertThat(Cli.run("sweep", "resume", id, "--entity", "alice", "--project", "mnist", "--base-url", server.url()).out())
                .contains("is running");
        assertThat(Cli.run("sweep", "cancel", sweep, "--base-url", server.url()).out()).contains("is canceled");
        Cli.Result again = Cli.run("sweep", "pause", sweep, "--base-url", server.url());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("409").contains("canceled");

        Cli.Result list = Cli.run("sweep", "list", "alice/mnist", "--base-url", server.url());
        assertThat(list.out()).contains(id).contains("canceled").contains("grid");
        assertThat(Cli.run("sweep", "show", sweep, "--json", "--base-url", server.url()).out())
                .contains("\"state\" : \"canceled\"");
    }

    @Test
    void show_prints_state_metric_counts_the_best_run_with_its_parameters_and_the_agent_command() throws Exception {
        Path file = Files.writeString(workDir.resolve("metric.yaml"), """
                name: depth-search
                method: grid
                metric: {name: loss, goal: minimize}
                parameters:
                  lr: {values: [0.1, 0.01]}
                  model: {parameters: {depth: {values: [2]}}}
                """);
        String sweep = agentPath(Cli.run("sweep", file.toString(), "--entity", "alice", "--project", "mnist",
                "--base-url", server.url()));
        SweepClient client = new SweepClient(server.url(), null);
        SweepRef ref = SweepRef.parse(sweep, "alice", "mnist");
        String first = client.controller(ref).next("test").runId();
        String second = client.controller(ref).next("test").runId();
        patch(first, "{\"summary\":{\"loss\":0.25},\"state\":\"finished\"}");
        patch(second, "{\"summary\":{\"loss\":0.5},\"state\":\"failed\"}");

        Cli.Result shown = Cli.run("sweep", "show", sweep, "--base-url", server.url());

        assertThat(shown.exitCode()).as(shown.toString()).isZero();
        assertThat(shown.out()).contains("name       depth-search", "state      running", "method     grid",
                "metric     loss (minimize)", "runs       2: 0 running, 1 finished, 1 failed, 0 crashed, 0 killed",
                "best       " + first + ": loss 0.25", "  lr           0.1", "  model.depth  2",
                "agent      ./cairn agent " + sweep);
        assertThat(shown.out()).doesNotContain("{");
    }

    @Test
    void delete_removes_the_sweep_and_with_runs_moves_its_runs_to_the_trash() throws Exception {
        String kept = create();
        SweepClient client = new SweepClient(server.url(), null);
        SweepRef keptRef = SweepRef.parse(kept, "alice", "mnist");
        String running = client.controller(keptRef).next("test").runId();

        Cli.Result refused = Cli.run("sweep", "delete", kept, "--base-url", server.url());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("409").contains("running trial").contains("force=true");

        Cli.Result deleted = Cli.run("sweep", "delete", kept, "--force", "--base-url", server.url());
        assertThat(deleted.out()).contains("deleted sweep " + kept).contains("1 run kept as ordinary runs");
        assertThat(Cli.run("sweep", "show", kept, "--base-url", server.url()).err()).contains("404");
        assertThat(get("/api/v1/runs/alice/mnist/" + running)).contains("\"sweep\":null");

        String trashed = create();
        String run = client.controller(SweepRef.parse(trashed, "alice", "mnist")).next("test").runId();
        Cli.run("sweep", "stop", trashed, "--base-url", server.url());
        Cli.Result withRuns = Cli.run("sweep", "delete", trashed, "--runs", "--base-url", server.url());
        assertThat(withRuns.out()).as(withRuns.toString()).contains("1 run moved to the trash").contains("/restore");
        assertThat(get("/api/v1/runs/alice/mnist/" + run + "?include_deleted=true")).contains("\"deleted\":true");
    }

    private void patch(String runId, String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.url() + "/api/v1/runs/alice/mnist/" + runId)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void an_agent_on_a_sweep_that_is_over_exits_at_once() throws Exception {
        String sweep = create();
        Cli.run("sweep", "stop", sweep, "--base-url", server.url());

        Cli.Result agent = Cli.run("agent", sweep, "--base-url", server.url());

        assertThat(agent.exitCode()).as(agent.toString()).isZero();
        assertThat(agent.out()).contains("is stopped; no more trials").contains("0 trials run");
    }

    @Test
    void a_bare_id_without_a_project_says_how_to_name_the_sweep() {
        Cli.Result agent = Cli.run("agent", "sw4k2p9q", "--entity", "alice", "--base-url", server.url());

        assertThat(agent.exitCode()).isEqualTo(1);
        assertThat(agent.err()).contains("has no project").contains("--project");
    }

    private String create() throws Exception {
        Path file = Files.writeString(workDir.resolve("grid.yaml"), "program: t.py\nmethod: grid\nparameters:\n  x: {values: [1, 2]}\n");
        Cli.Result created = Cli.run("sweep", file.toString(), "--entity", "alice", "--project", "mnist", "--base-url", server.url());
        return agentPath(created);
    }

    private static String agentPath(Cli.Result created) {
        Matcher agent = AGENT_COMMAND.matcher(created.out());
        assertThat(agent.find()).as(created.toString()).isTrue();
        return agent.group(1);
    }
}
