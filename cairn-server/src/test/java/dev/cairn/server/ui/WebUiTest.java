package dev.cairn.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import dev.cairn.server.TestServers;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebUiTest {
    @TempDir
    static Path dataDir;

    private static CairnServer server;

    @BeforeAll
    static void startWithTheBuiltApp() {
        Assumptions.assumeTrue(WebUi.isBundled(), "cairn-ui was built with -Dui.skip; nothing to serve");
        server = TestServers.sqlite(dataDir);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void the_dashboard_opens_at_the_root() {
        ApiClient.Response page = browserGet("/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<div id=\"root\">");
    }

    @Test
    void a_deep_link_to_a_run_loads_the_app_page() {
        ApiClient.Response page = browserGet("/alice/mnist/runs/k3x9q2ab");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"root\">");
    }

    @Test
    void the_app_script_named_by_the_page_is_served() {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(browserGet("/").body());
        assertThat(script.find()).isTrue();

        ApiClient.Response js = new ApiClient(server.url()).get(script.group(1));

        assertThat(js.status()).isEqualTo(200);
        assertThat(js.contentType()).contains("javascript");
    }

    @Test
    void unknown_api_paths_keep_their_json_404_even_for_a_browser() {
        ApiClient.Response response = browserGet("/api/v1/no/such/route");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
    }

    private static ApiClient.Response browserGet(String path) {
        ApiClient client = new ApiClient(server.url());
        return client.send(HttpRequest.newBuilder(client.uri(path)).header("Accept", "text/html,*/*").GET());
    }
}
