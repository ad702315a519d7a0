package dev.cairn.server.metrics;

import dev.cairn.server.Services;
import dev.cairn.server.http.Api;

/** Routes of record ingestion, metric history, system metrics, console output and run files. */
public final class MetricRoutes {
    private MetricRoutes() {
    }

    public static void register(Api api, Services services) {
    }
}
