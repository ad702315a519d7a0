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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebUiTest {
    @TempDir
    Path dataDir;

    @BeforeEach
    void needsTheBuiltApp() {
        Assumptions.assumeTrue(WebUi.isBundled(), "cairn-ui was built with -Dui.skip; nothing to serve");
    }

    @Test
    void the_dashboard_opens_at_the_root() {
        try (CairnServer server = TestServers.sqlite(dataDir)) {
            ApiClient.Response page = browserGet(server, "/");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("<div id=\"root\">");
        }
    }

    @Test
    void a_deep_link_to_a_run_loads_the_app_page() {
        try (CairnServer server = TestServers.sqlite(dataDir)) {
            ApiClient.Response page = browserGet(server, "/alice/mnist/runs/k3x9q2ab");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("<div id=\"root\">");
        }
    }

    @Test
    void the_app_script_named_by_the_page_is_served() {
        try (CairnServer server = TestServers.sqlite(dataDir)) {
            Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(browserGet(server, "/").body());
            assertThat(script.find()).isTrue();

            ApiClient.Response js = new ApiClient(server.url()).get(script.group(1));

            assertThat(js.status()).isEqualTo(200);
            assertThat(js.contentType()).contains("javascript");
        }
    }

    @Test
    void unknown_api_paths_keep_their_json_404_even_for_a_browser() {
        try (CairnServer server = TestServers.sqlite(dataDir)) {
            ApiClient.Response response = browserGet(server, "/api/v1/no/such/route");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo("not_found");
        }
    }

    private static ApiClient.Response browserGet(CairnServer server, String path) {
        ApiClient client = new ApiClient(server.url());
        return client.send(HttpRequest.newBuilder(client.uri(path)).header("Accept", "text/html,*/*").GET());
    }
}
