package dev.cairn.server.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.server.ApiClient;
import dev.cairn.server.CairnServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Uploads artifact versions the way a client does: manifest, missing blobs, commit. */
final class ArtifactFixture {
    static final String BASE = "/api/v1/artifacts/alice/mnist";

    private final ApiClient api;
    private final CairnServer server;

    ArtifactFixture(CairnServer server) {
        this.server = server;
        this.api = new ApiClient(server.url());
    }

    ApiClient api() {
        return api;
    }

    void createRun(String id) {
        assertThat(api.post("/api/v1/runs/alice/mnist", "{\"id\":\"" + id + "\"}").status()).isEqualTo(201);
    }

    /** Files as path → text. */
    static Map<String, byte[]> files(String... pathsAndTexts) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    static String manifestJson(Map<String, byte[]> files) {
        StringBuilder json = new StringBuilder("[");
        files.forEach((path, bytes) -> json.append(json.length() > 1 ? "," : "").append("{\"path\":\"").append(path)
                .append("\",\"sha256\":\"").append(sha256(bytes)).append("\",\"size\":").append(bytes.length).append('}'));
        return json.append(']').toString();
    }

    /** POST of the manifest; {@code extra} is more JSON fields such as {@code "run":"r1"}. */
    ApiClient.Response start(String name, Map<String, byte[]> files, String extra) {
        return api.post(BASE, "{\"name\":\"" + name + "\",\"type\":\"model\",\"files\":" + manifestJson(files)
                + (extra.isEmpty() ? "" : "," + extra) + "}");
    }

    /** The whole upload; answers the committed version. */
    JsonNode log(String name, Map<String, byte[]> files, String extra) {
        ApiClient.Response started = start(name, files, extra);
        assertThat(started.status()).as(started.body()).isIn(200, 201);
        if (started.json().path("upload_id").isNull()) {
            return started.json().path("version");
        }
        for (byte[] bytes : files.values()) {
            if (containsText(started.json().path("missing"), sha256(bytes))) {
                assertThat(putBlob(bytes).status()).isIn(200, 201);
            }
        }
        ApiClient.Response committed = commit(started.json().path("upload_id").asLong());
        assertThat(committed.status()).as(committed.body()).isEqualTo(200);
        return committed.json();
    }

    ApiClient.Response putBlob(byte[] bytes) {
        return api.put(BASE + "/blobs/" + sha256(bytes), bytes);
    }

    ApiClient.Response commit(long uploadId) {
        return api.post(BASE + "/uploads/" + uploadId + "/commit", "");
    }

    byte[] download(String ref, String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                api.uri(BASE + "/" + ref + "/files/" + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    CairnServer server() {
        return server;
    }

    static boolean containsText(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (item.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
