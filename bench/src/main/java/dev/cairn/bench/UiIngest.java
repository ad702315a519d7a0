package dev.cairn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Random;

/**
 * Fills a server through its public API for {@code ./cairn bench ui}: creates runs and sends their history
 * in batches of at most 10,000 records (the server's limit), the way an SDK ships a finished run's log.
 */
final class UiIngest {
    static final int MAX_RECORDS_PER_BATCH = 10_000;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String apiUrl;

    UiIngest(String serverUrl) {
        this.apiUrl = serverUrl + "/api/v1";
    }

    /** Creates {@code entity/project/id} with a config, logs {@code steps} steps of {@code metrics} metrics, finishes it. */
    void run(String entity, String project, String id, String configJson, int metrics, int steps, long seed) {
        String path = "/runs/" + entity + "/" + project;
        post(path, "{\"id\":\"" + id + "\",\"name\":\"" + id + "\",\"config\":" + configJson + "}", 201);
        Random random = new Random(seed);
        double[] level = new double[metrics];
        for (int m = 0; m < metrics; m++) {
            level[m] = 1 + random.nextDouble();
        }
        long seq = 0;
        double time = System.currentTimeMillis() / 1000.0;
        for (int from = 0; from < steps; from += MAX_RECORDS_PER_BATCH) {
            int to = Math.min(steps, from + MAX_RECORDS_PER_BATCH);
            StringBuilder body = new StringBuilder(64 + (to - from) * (60 + metrics * 22)).append("{\"records\":[");
            for (int step = from; step < to; step++) {
                if (step > from) {
                    body.append(',');
                }
                body.append("{\"seq\":").append(++seq).append(",\"type\":\"history\",\"time\":")
                        .append(String.format(Locale.ROOT, "%.3f", time + step * 0.01))
                        .append(",\"step\":").append(step).append(",\"values\":{");
                double decay = 1.0 / (1 + step * 0.001);
                for (int m = 0; m < metrics; m++) {
                    if (m > 0) {
                        body.append(',');
                    }
                    double value = level[m] * decay + 0.05 * random.nextGaussian();
                    body.append("\"m").append(m < 10 ? "0" : "").append(m).append("\":")
                            .append((float) value);
                }
                body.append('}').append('}');
            }
            boolean endsHere = to == steps && to - from < MAX_RECORDS_PER_BATCH;
            if (endsHere) { // room for the exit record in the last batch: one request fewer per run
                body.append(',').append(exit(++seq, time + steps * 0.01));
            }
            body.append("]}");
            post(path + "/" + id + "/records", body.toString(), 200);
            if (to == steps && !endsHere) {
                post(path + "/" + id + "/records", "{\"records\":[" + exit(++seq, time + steps * 0.01) + "]}", 200);
            }
        }
    }

    private static String exit(long seq, double time) {
        return "{\"seq\":" + seq + ",\"type\":\"exit\",\"time\":" + String.format(Locale.ROOT, "%.3f", time)
                + ",\"state\":\"finished\",\"exit_code\":0}";
    }

    /** Whether the project exists with at least one run (a kept data folder filled by an earlier run). */
    boolean hasProject(String entity, String project) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + "/runs/" + entity + "/" + project + "?limit=1")).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().contains("\"total\":0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void post(String path, String json, int expectedStatus) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(apiUrl + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus && !(expectedStatus == 200 && response.statusCode() == 201)) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(500, response.body().length())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
