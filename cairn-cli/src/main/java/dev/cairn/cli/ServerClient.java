package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The CLI's one way of calling the REST API: GETs under {@code /api/v1}, JSON answers, and failures turned
 * into messages a user can act on ({@link CliException}).
 *
 * <pre>{@code
 * ServerClient client = new ServerClient("http://127.0.0.1:8080", null);
 * JsonNode run = client.getJson("/runs/alice/mnist/k3x9q2ab", Map.of());
 * }</pre>
 */
public final class ServerClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final String baseUrl;
    private final String apiKey;

    public ServerClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** GETs {@code /api/v1 + path} with the given query parameters (null values left out) and parses the JSON. */
    public JsonNode getJson(String path, Map<String, String> query) {
        HttpResponse<InputStream> response = get(path, query);
        try (InputStream body = response.body()) {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new CliException("the server at " + baseUrl + " sent an answer that is not JSON: " + e.getMessage(), e);
        }
    }

    /** GETs {@code /api/v1 + path} and copies the body to {@code out} as it arrives. */
    public long download(String path, Map<String, String> query, OutputStream out) {
        HttpResponse<InputStream> response = get(path, query);
        try (InputStream body = response.body()) {
            return body.transferTo(out);
        } catch (IOException e) {
            throw new CliException("download from " + baseUrl + " broke off: " + e.getMessage(), e);
        }
    }

    /** PUTs {@code body} as raw bytes to {@code /api/v1 + path} (a run file) and parses the JSON answer. */
    public JsonNode putBytes(String path, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path, Map.of()))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        try (InputStream answer = send(request).body()) {
            return Json.mapper().readTree(answer);
        } catch (IOException e) {
            throw new CliException("the server at " + baseUrl + " sent an answer that is not JSON: " + e.getMessage(), e);
        }
    }

    private HttpResponse<InputStream> get(String path, Map<String, String> query) {
        return send(HttpRequest.newBuilder(uri(path, query)).GET());
    }

    private HttpResponse<InputStream> send(HttpRequest.Builder request) {
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            if (isConnectFailure(e)) {
                throw noServer(baseUrl);
            }
            throw new CliException("the request to " + baseUrl + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while waiting for " + baseUrl, e);
        }
        if (response.statusCode() >= 400) {
            throw new CliException(errorMessage(response));
        }
        return response;
    }

    private static boolean isConnectFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** The message for "nothing answers at {@code baseUrl}", naming how to start a server or point elsewhere. */
    public static CliException noServer(String baseUrl) {
        return new CliException("no Cairn server at " + baseUrl + " — start one with ./cairn server"
                + " (or point --base-url / $" + ConnectionOptions.BASE_URL_ENV + " at a running one)");
    }

    private String errorMessage(HttpResponse<InputStream> response) {
        String text;
        try (InputStream body = response.body()) {
            text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "";
        }
        String message = text;
        try {
            JsonNode error = Json.mapper().readTree(text).path("error");
            if (error.hasNonNull("message")) {
                message = error.path("message").asText();
            }
        } catch (IOException notJson) {
            // not one of Cairn's error bodies (a proxy page, say): show the raw text
        }
        return "the server answered " + response.statusCode() + ": " + message;
    }

    private URI uri(String path, Map<String, String> query) {
        StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((name, value) -> {
            if (value != null) {
                params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        try {
            URI uri = URI.create(baseUrl + "/api/v1" + path + params);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CliException("'" + baseUrl + "' is not a usable server URL; write it like "
                    + ConnectionOptions.DEFAULT_BASE_URL, e);
        }
    }
}
