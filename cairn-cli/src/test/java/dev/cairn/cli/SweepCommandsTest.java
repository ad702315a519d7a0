package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
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
        assertThat(Cli.run("sweep", "show", sweep, "--base-url", server.url()).out()).contains("\"state\" : \"canceled\"");
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
        Matcher agent = AGENT_COMMAND.matcher(created.out());
        assertThat(agent.find()).as(created.toString()).isTrue();
        return agent.group(1);
    }
}
