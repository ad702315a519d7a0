package dev.cairn.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.CairnServer;
import dev.cairn.server.ServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real Cairn server for SDK tests, with the few reads the tests check results by. */
final class LiveServer implements AutoCloseable {
    private final HttpClient http = HttpClient.newHttpClient();
    private final CairnServer server;

    private LiveServer(CairnServer server) {
        this.server = server;
    }

    /** A server on SQLite in {@code dataDir}, on {@code port} (0 picks a free one). */
    static LiveServer start(Path dataDir, int port) {
        return new LiveServer(CairnServer.start(ServerOptions.local(dataDir).withPort(port)));
    }

    /** A port nothing listens on (free a moment ago). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return server.url();
    }

    int port() {
        return server.port();
    }

    JsonNode run(Run run) {
        return get("/api/v1/runs/" + run.entity() + "/" + run.project() + "/" + run.id());
    }

    /** Every raw point of {@code key}, following cursors: [step, value] pairs in order. */
    List<JsonNode> history(Run run, String key) {
        List<JsonNode> points = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get("/api/v1/runs/" + run.entity() + "/" + run.project() + "/" + run.id()
                    + "/history?keys=" + key + "&limit=1000" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("points").path(key).forEach(points::add);
            cursor = page.path("next_cursor").isTextual() ? page.path("next_cursor").asText() : null;
        } while (cursor != null);
        return points;
    }

    JsonNode get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POST with a JSON body; returns the status. */
    int post(String path, String json) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url() + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
