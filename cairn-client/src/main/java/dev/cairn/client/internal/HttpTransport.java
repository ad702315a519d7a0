package dev.cairn.client.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** {@link RunApi} over HTTP with the JDK's client; sends {@code Authorization: Bearer} when an API key is set. */
public final class HttpTransport implements RunApi {
    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final String projectPath;
    private final String runPath;
    private final Duration createTimeout;
    private final Duration requestTimeout;
    private final boolean compressBatches;

    public HttpTransport(String baseUrl, String apiKey, String entity, String project, String runId,
                         long createTimeoutMs, long requestTimeoutMs) {
        this.baseUrl = stripTrailingSlash(baseUrl);
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
        this.projectPath = "/api/v1/runs/" + segment(entity) + "/" + segment(project);
        this.runPath = projectPath + "/" + segment(runId);
        this.createTimeout = Duration.ofMillis(createTimeoutMs);
        this.requestTimeout = Duration.ofMillis(requestTimeoutMs);
        this.compressBatches = !isLoopback(this.baseUrl);
        // HTTP/1.1: the JDK would otherwise try an h2c upgrade on every plain-HTTP request with a body.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(Math.min(createTimeoutMs, requestTimeoutMs))).build();
    }

    @Override
    public Reply createRun(byte[] jsonBody) throws IOException {
        return send(request(projectPath, createTimeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jsonBody)));
    }

    /** {@code GET /runs/{entity}/{project}/{run}}: the run with its {@code last_seq}, or 404. */
    public Reply getRun() throws IOException {
        return send(request(runPath, createTimeout).GET());
    }

    @Override
    public Reply sendRecords(List<Frame> batch) throws IOException {
        return send(recordsRequest(batch));
    }

    @Override
    public InFlight startSendRecords(List<Frame> batch) {
        CompletableFuture<HttpResponse<byte[]>> response = http.sendAsync(recordsRequest(batch).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return () -> {
            try {
                HttpResponse<byte[]> answer = response.get();
                return new Reply(answer.statusCode(), answer.body());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response.cancel(true);
                throw new IOException("interrupted while waiting for " + baseUrl, e);
            }
        };
    }

    private HttpRequest.Builder recordsRequest(List<Frame> batch) {
        HttpRequest.Builder request = request(runPath + "/records", requestTimeout).header("Content-Type", BatchBody.CONTENT_TYPE);
        if (compressBatches) {
            request.header("Content-Encoding", "gzip");
        }
        return request.POST(HttpRequest.BodyPublishers.ofByteArray(BatchBody.of(batch, compressBatches)));
    }

    @Override
    public Reply heartbeat() throws IOException {
        return send(request(runPath + "/heartbeat", createTimeout).POST(HttpRequest.BodyPublishers.noBody()));
    }

    @Override
    public String baseUrl() {
        return baseUrl;
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return request;
    }

    private Reply send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + baseUrl, e);
        }
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Whether {@code baseUrl} names this machine, where compressing batches would only cost CPU. */
    static boolean isLoopback(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equals("localhost") || bare.startsWith("127.") || bare.equals("::1");
    }
}
