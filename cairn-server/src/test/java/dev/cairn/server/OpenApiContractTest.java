package dev.cairn.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.server.http.Api;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class OpenApiContractTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @TempDir
    Path dataDir;

    @Test
    void every_live_route_is_documented_and_every_documented_route_is_live() throws Exception {
        Set<String> documented = documentedRoutes();
        Set<String> live = new TreeSet<>();
        try (CairnServer server = TestServers.sqlite(dataDir)) {
            for (Api.Route route : server.routes()) {
                // a Javalin <param> may contain slashes; OpenAPI writes every parameter as {param}
                live.add(route.method() + " " + route.path().replaceAll("<([^>]+)>", "{$1}"));
            }
        }

        assertThat(live).as("routes registered by the server").containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void the_server_serves_its_openapi_document() {
        try (CairnServer server = TestServers.sqlite(dataDir)) {
            ApiClient.Response response = new ApiClient(server.url()).get("/api/v1/openapi.yaml");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).startsWith("openapi: 3.");
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documentedRoutes() throws Exception {
        Map<String, Object> document;
        try (InputStream in = OpenApiContractTest.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
            assertThat(in).as("openapi.yaml on the classpath").isNotNull();
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Set<String> routes = new TreeSet<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> routes.add(method + " /api/v1" + path)));
        return routes;
    }
}
