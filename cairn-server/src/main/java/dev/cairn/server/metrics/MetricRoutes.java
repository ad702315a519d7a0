package dev.cairn.server.metrics;

import dev.cairn.server.Services;
import dev.cairn.server.http.Api;

/** Routes of record ingestion, metric history, system metrics, console output and run files. */
public final class MetricRoutes {
    private static final String RUN = "/runs/{entity}/{project}/{run}";

    private MetricRoutes() {
    }

    public static void register(Api api, Services services) {
        Metrics metrics = new Metrics(services.database(), services.clock(), services.live());
        RecordsHandler records = new RecordsHandler(metrics, services.options().maxRequestBytes());
        HistoryHandlers history = new HistoryHandlers(metrics);
        ConsoleAndFileHandlers runOutput = new ConsoleAndFileHandlers(metrics);

        api.post(RUN + "/records", records::post);

        api.get(RUN + "/keys", history::keys);
        api.post("/keys", history::keysOfRuns);
        api.get(RUN + "/history", history::history);
        api.get(RUN + "/history/sampled", history::sampledOne);
        api.post("/history/sampled", history::sampledMany);

        api.get(RUN + "/console", runOutput::console);
        api.post(RUN + "/console", runOutput::postConsole);

        api.get(RUN + "/files", runOutput::listFiles);
        api.put(RUN + "/files/<path>", runOutput::putFile);
        api.get(RUN + "/files/<path>", runOutput::getFile);
    }
}
