package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class NoServerTest {

    @Test
    void commands_that_need_a_server_say_how_to_start_one() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();
        for (String[] args : new String[][] {
                {"runs", "list", "alice/mnist", "--base-url", url},
                {"runs", "show", "alice/mnist/k3x9q2ab", "--base-url", url},
                {"runs", "export", "alice/mnist", "--base-url", url}}) {
            Cli.Result result = Cli.run(args);

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
            assertThat(result.err()).isEqualTo("cairn: no Cairn server at " + url
                    + " — start one with ./cairn server (or point --base-url / $CAIRN_BASE_URL at a running one)"
                    + System.lineSeparator());
        }
    }

    @Test
    void a_base_url_without_scheme_is_explained() {
        Cli.Result result = Cli.run("runs", "list", "alice/mnist", "--base-url", "localhost:8080");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("'localhost:8080' is not a usable server URL");
    }

    /** A port nothing listens on: bound, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
