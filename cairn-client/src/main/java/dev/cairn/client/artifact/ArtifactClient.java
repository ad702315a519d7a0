package dev.cairn.client.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.client.CairnException;
import dev.cairn.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Artifact calls to one server (docs/api.md, Artifacts), each retried on transient failures (no answer, 5xx):
 * the three-step upload of a version, recording a use, reading a version and downloading a file.
 *
 * <pre>{@code
 * ArtifactClient client = new ArtifactClient("http://127.0.0.1:8080", null);
 * ArtifactVersion v = client.get("alice", "mnist", "digits-cnn:best");
 * }</pre>
 */
public final class ArtifactClient {
    static final int ATTEMPTS = 6;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String apiKey;

    public ArtifactClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
    }

    /** Uploads the artifact as a version logged by {@code runId} (may be null); answers the committed version. */
    public ArtifactVersion upload(String entity, String project, Artifact artifact, String runId, List<String> aliases) {
        Map<String, Path> localByDigest = new LinkedHashMap<>();
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("name", artifact.name()).put("type", artifact.type()).put("description", artifact.description());
        body.set("metadata", Json.mapper().valueToTree(artifact.metadata()));
        body.put("run", runId);
        body.set("aliases", Json.mapper().valueToTree(aliases));
        ArrayNode files = body.putArray("files");
        artifact.files().forEach((path, local) -> {
            FileDigest digest = FileDigest.of(local);
            files.addObject().put("path", path).put("sha256", digest.sha256()).put("size", digest.size());
            localByDigest.put(digest.sha256(), local);
        });
        String base = "/api/v1/artifacts/" + segment(entity) + "/" + segment(project);
        for (int round = 1; ; round++) {
            JsonNode started = call(() -> HttpRequest.newBuilder(uri(base)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
            if (started.path("upload_id").isNull()) {
                return new ArtifactVersion(started.path("version"), this);
            }
            for (JsonNode missing : started.path("missing")) {
                Path local = localByDigest.get(missing.asText());
                call(() -> HttpRequest.newBuilder(uri(base + "/blobs/" + missing.asText()))
                        .PUT(HttpRequest.BodyPublishers.ofFile(local)));
            }
            try {
                return new ArtifactVersion(call(() -> HttpRequest.newBuilder(uri(base + "/uploads/"
                        + started.path("upload_id").asLong() + "/commit")).POST(HttpRequest.BodyPublishers.noBody())),
                        this);
            } catch (ServerError e) {
                if (e.status != 409 || round == 3) { // 409: a blob went missing between the steps; send again
                    throw e;
                }
            }
        }
    }

    /** Records that {@code runPath} ({@code entity/project/run}) uses the version; answers it. */
    public ArtifactVersion use(String entity, String project, String ref, String runPath) {
        String body = Json.mapper().createObjectNode().put("run", runPath).toString();
        return new ArtifactVersion(call(() -> HttpRequest.newBuilder(uri(versionPath(entity, project, ref) + "/usage"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))), this);
    }

    /** One version, without recording a use. */
    public ArtifactVersion get(String entity, String project, String ref) {
        return new ArtifactVersion(call(() -> HttpRequest.newBuilder(uri(versionPath(entity, project, ref))).GET()),
                this);
    }

    /** Streams a file of a version to {@code target}; the caller verifies it. */
    void download(String entity, String project, String ref, String path, Path target) {
        StringBuilder route = new StringBuilder(versionPath(entity, project, ref)).append("/files");
        for (String part : path.split("/")) {
            route.append('/').append(segment(part));
        }
        retrying(() -> {
            HttpResponse<Path> response = http.send(request(HttpRequest.newBuilder(uri(route.toString())).GET()),
                    HttpResponse.BodyHandlers.ofFile(target));
            if (response.statusCode() >= 400) {
                throw new ServerError(response.statusCode(), "GET " + route + " answered " + response.statusCode());
            }
            return null;
        });
    }

    private JsonNode call(RequestMaker maker) {
        return retrying(() -> {
            HttpResponse<InputStream> response = http.send(request(maker.make()), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                JsonNode json = Json.mapper().readTree(in.readAllBytes());
                if (response.statusCode() >= 400) {
                    throw new ServerError(response.statusCode(), json.path("error").path("message").asText(
                            "HTTP " + response.statusCode()));
                }
                return json;
            }
        });
    }

    private <T> T retrying(Attempt<T> attempt) {
        for (int failures = 0; ; failures++) {
            try {
                return attempt.run();
            } catch (ServerError e) {
                if (e.status < 500 || failures + 1 >= ATTEMPTS) {
                    throw e;
                }
            } catch (IOException e) {
                if (failures + 1 >= ATTEMPTS) {
                    throw new CairnException("no Cairn server answered at " + baseUrl + " (" + e.getMessage() + ")", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CairnException("interrupted while talking to " + baseUrl, e);
            }
            sleep(Math.min(8_000L, 500L << Math.min(failures, 4)));
        }
    }

    private HttpRequest request(HttpRequest.Builder builder) {
        builder.timeout(TIMEOUT);
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder.build();
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    static String versionPath(String entity, String project, String ref) {
        return "/api/v1/artifacts/" + segment(entity) + "/" + segment(project) + "/" + segment(ref);
    }

    private static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CairnException("interrupted while waiting to retry", e);
        }
    }

    /** The server refused a call; the message is the server's. */
    public static final class ServerError extends CairnException {
        private final int status;

        ServerError(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    @FunctionalInterface
    private interface RequestMaker {
        HttpRequest.Builder make() throws IOException;
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws IOException, InterruptedException;
    }
}
