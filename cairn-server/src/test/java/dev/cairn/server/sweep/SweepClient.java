package dev.cairn.server.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.ApiClient;
import java.util.Locale;

/** What sweep tests do over HTTP: create a sweep, ask for trials, end and report runs as an agent would. */
final class SweepClient {
    static final String SWEEPS = "/api/v1/sweeps/alice/mnist";
    static final String RUNS = "/api/v1/runs/alice/mnist";

    final ApiClient api;
    final String id;
    final String path;

    private SweepClient(ApiClient api, String id) {
        this.api = api;
        this.id = id;
        this.path = SWEEPS + "/" + id;
    }

    /** Creates a sweep from YAML text; fails the test unless it is created. */
    static SweepClient create(ApiClient api, String yaml) {
        return create(api, yaml, 1);
    }

    static SweepClient create(ApiClient api, String yaml, int retries) {
        ApiClient.Response created = api.post(SWEEPS, Json.mapper().createObjectNode()
                .put("config_text", yaml).put("retries", retries).toString());
        if (created.status() != 201) {
            throw new AssertionError("sweep not created: " + created.body());
        }
        return new SweepClient(api, created.json().path("id").asText());
    }

    JsonNode next() {
        ApiClient.Response response = api.post(path + "/next", "{\"agent\":\"test\"}");
        if (response.status() != 200) {
            throw new AssertionError("next failed: " + response.body());
        }
        return response.json();
    }

    /** The id of the next trial's run; fails when none is handed out. */
    String nextRunId() {
        JsonNode next = next();
        if (next.path("run").isNull()) {
            throw new AssertionError("no trial handed out: " + next);
        }
        return next.path("run").path("id").asText();
    }

    JsonNode sweep() {
        return api.get(path).json();
    }

    ApiClient.Response action(String action) {
        return api.post(path + "/" + action, "");
    }

    /** Ends the run in {@code state} with the sweep's metric in its summary. */
    void end(String runId, String state, String metric, double value) {
        patch(runId, String.format(Locale.ROOT, "{\"summary\":{\"%s\":%s},\"state\":\"%s\"}", metric, value, state));
    }

    void end(String runId, String state) {
        patch(runId, "{\"state\":\"" + state + "\"}");
    }

    JsonNode heartbeat(String runId) {
        return api.post(RUNS + "/" + runId + "/heartbeat", "").json();
    }

    /** Logs {@code values} of {@code metric} at steps 0, 1, 2, ... as one records batch. */
    void logHistory(String runId, String metric, double... values) {
        logHistoryFrom(runId, 0, metric, values);
    }

    /** Logs {@code values} at steps {@code fromStep}, +1, ...; record seq is step + 1. */
    void logHistoryFrom(String runId, int fromStep, String metric, double... values) {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            int step = fromStep + i;
            records.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"seq\":%d,\"type\":\"history\",\"time\":%d,\"step\":%d,\"values\":{\"%s\":%s}}",
                    step + 1, 1_764_072_000 + step, step, metric, values[i]));
        }
        ApiClient.Response response = api.post(RUNS + "/" + runId + "/records", "{\"records\":[" + records + "]}");
        if (response.status() != 200) {
            throw new AssertionError("records refused: " + response.body());
        }
    }

    private void patch(String runId, String body) {
        ApiClient.Response response = api.patch(RUNS + "/" + runId, body);
        if (response.status() != 200) {
            throw new AssertionError("run update refused: " + response.body());
        }
    }
}
