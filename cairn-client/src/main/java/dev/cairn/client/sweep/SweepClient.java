package dev.cairn.client.sweep;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.client.internal.Reply;
import dev.cairn.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep routes of a Cairn server (docs/api.md, "Sweeps"): create, read and steer sweeps, and, through
 * {@link #controller}, the agent protocol. Used by {@code ./cairn sweep}, {@code ./cairn agent} and
 * {@link dev.cairn.client.Cairn#agent}.
 *
 * <pre>{@code
 * SweepClient sweeps = new SweepClient("http://127.0.0.1:8080", null);
 * JsonNode sweep = sweeps.create("alice", "mnist", Files.readString(Path.of("sweep.yaml")));
 * sweeps.control(new SweepRef("alice", "mnist", sweep.path("id").asText()), "pause");
 * }</pre>
 *
 * <p>Refusals throw {@link SweepApiException} with the server's message; an unreachable server or a 5xx
 * answer throws {@link IOException}.
 */
public final class SweepClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT).build();
    private final String baseUrl;
    private final String apiKey;

    /** @param apiKey null when the server needs none */
    public SweepClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The API key sent with each request, or null. */
    public String apiKey() {
        return apiKey;
    }

    /** Creates a sweep from the sweep file's text (YAML or JSON); answers the sweep object. */
    public JsonNode create(String entity, String project, String configText) throws IOException {
        return send("POST", "/sweeps/" + segment(entity) + "/" + segment(project), Map.of("config_text", configText));
    }

    /** Creates a sweep from the sweep definition as maps and lists; answers the sweep object. */
    public JsonNode create(String entity, String project, Map<String, ?> config) throws IOException {
        return send("POST", "/sweeps/" + segment(entity) + "/" + segment(project), Map.of("config", config));
    }

    /** A project's sweeps, newest first. */
    public JsonNode list(String entity, String project) throws IOException {
        return send("GET", "/sweeps/" + segment(entity) + "/" + segment(project), null).path("sweeps");
    }

    public JsonNode get(SweepRef sweep) throws IOException {
        return send("GET", sweepPath(sweep), null);
    }

    /** {@code pause}, {@code resume}, {@code stop} or {@code cancel}; answers the sweep in its new state. */
    public JsonNode control(SweepRef sweep, String action) throws IOException {
        if (!List.of("pause", "resume", "stop", "cancel").contains(action)) {
            throw new IllegalArgumentException("'" + action + "' is not a sweep action; use pause, resume, stop or cancel");
        }
        return send("POST", sweepPath(sweep) + "/" + action, Map.of());
    }

    /**
     * Deletes the sweep: its runs stay as ordinary runs, or go to the runs trash with {@code deleteRuns}. The
     * server refuses (409) a running or paused sweep with running trials unless {@code force}. Answers
     * {@code {"id":..,"deleted":true,"runs":N,"runs_deleted":M}}.
     */
    public JsonNode delete(SweepRef sweep, boolean deleteRuns, boolean force) throws IOException {
        return send("DELETE", sweepPath(sweep) + "?delete_runs=" + deleteRuns + "&force=" + force, null);
    }

    /** The agent protocol for one sweep over HTTP. */
    public SweepController controller(SweepRef sweep) {
        return new HttpController(sweep);
    }

    private final class HttpController implements SweepController {
        private final SweepRef sweep;

        HttpController(SweepRef sweep) {
            this.sweep = sweep;
        }

        @Override
        public SweepRef sweep() {
            return sweep;
        }

        @Override
        public Map<String, Object> config() throws IOException {
            return toMap(get(sweep).path("config"));
        }

        @Override
        public NextTrial next(String agent) throws IOException {
            JsonNode answer = send("POST", sweepPath(sweep) + "/next", Map.of("agent", agent));
            JsonNode run = answer.path("run");
            String state = answer.path("sweep_state").asText("running");
            if (!run.isObject()) {
                return new NextTrial(state, null, Map.of());
            }
            return new NextTrial(state, run.path("id").asText(), toMap(run.path("params")));
        }

        @Override
        public boolean heartbeat(String runId) throws IOException {
            return send("POST", runPath(runId) + "/heartbeat", Map.of()).path("stop").asBoolean(false);
        }

        @Override
        public void console(String runId, List<ConsoleLine> lines) throws IOException {
            send("POST", runPath(runId) + "/console", Map.of("lines", lines));
        }

        @Override
        public String runState(String runId) throws IOException {
            return send("GET", runPath(runId), null).path("state").asText();
        }

        @Override
        public void endRun(String runId, String state, Integer exitCode) throws IOException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("state", state);
            if (exitCode != null) {
                body.put("exit_code", exitCode);
            }
            send("PATCH", runPath(runId), body);
        }

        private String runPath(String runId) {
            return "/runs/" + segment(sweep.entity()) + "/" + segment(sweep.project()) + "/" + segment(runId);
        }
    }

    private static String sweepPath(SweepRef sweep) {
        return "/sweeps/" + segment(sweep.entity()) + "/" + segment(sweep.project()) + "/" + segment(sweep.id());
    }

    private JsonNode send(String method, String path, Object body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1" + path))
                .timeout(REQUEST_TIMEOUT);
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
        }
        Reply reply;
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            reply = new Reply(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + baseUrl, e);
        }
        if (reply.isSuccess()) {
            return reply.json();
        }
        if (reply.isRetriable()) {
            throw new IOException("the server at " + baseUrl + " could not answer " + method + " " + path + " ("
                    + reply.describe() + ")");
        }
        throw new SweepApiException(reply.status(), "the server at " + baseUrl + " refused " + method + " " + path
                + ": " + reply.describe());
    }

    static Map<String, Object> toMap(JsonNode node) {
        if (!node.isObject()) {
            return new LinkedHashMap<>();
        }
        return Json.mapper().convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
