package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    @Test
    void every_command_answers_help_with_exit_0() {
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new Main()), new ArrayList<>(), commands);
        assertThat(commands).as("commands found").hasSizeGreaterThan(5);

        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Cli.Result result = Cli.run(args.toArray(String[]::new));

            assertThat(result.exitCode()).as("%s --help", command).isZero();
            assertThat(result.out()).as("%s --help", command).startsWith("Usage: cairn");
        }
    }

    @Test
    void version_prints_cairns_version() {
        Cli.Result result = Cli.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).matches("cairn \\d+\\.\\d+\\.\\d+\\S*\\R");
    }

    @Test
    void an_unknown_option_is_a_usage_error() {
        Cli.Result result = Cli.run("runs", "list", "alice/mnist", "--colour");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--colour").contains("Usage: cairn runs list");
    }

    @Test
    void a_missing_argument_is_a_usage_error() {
        Cli.Result result = Cli.run("runs", "show");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("RUN");
    }

    @Test
    void no_command_prints_the_commands_and_is_a_usage_error() {
        Cli.Result result = Cli.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("server").contains("runs").contains("bench");
    }

    @Test
    void a_filter_that_is_not_json_is_a_usage_error_before_any_request() {
        Cli.Result result = Cli.run("runs", "list", "alice/mnist", "--filter", "{state: finished",
                "--base-url", "http://127.0.0.1:1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--filter is not valid JSON");
    }

    @Test
    void a_run_without_entity_and_project_is_a_usage_error() {
        Cli.Result result = Cli.run("runs", "show", "k3x9q2ab");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("entity/project/run_id");
    }

    @Test
    void an_unknown_benchmark_is_a_usage_error_naming_the_known_ones() {
        Cli.Result result = Cli.run("bench", "warp-speed");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("warp-speed").contains("ingest");
    }

    @Test
    void a_server_port_out_of_range_is_a_usage_error() {
        Cli.Result result = Cli.run("server", "--port", "70000");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--port 70000");
    }

    @Test
    void a_database_url_the_server_does_not_know_is_a_usage_error() {
        Cli.Result result = Cli.run("server", "--db", "mysql://localhost/cairn", "--port", "0");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--db 'mysql://localhost/cairn' is not understood");
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            collect(sub, subPath, into);
        });
    }
}
