package dev.cairn.server.metrics;

import dev.cairn.server.run.RunKey;
import io.javalin.http.Context;
import java.io.IOException;

/** {@code POST .../records}: reads the body under the server's size limit and applies the batch. */
final class RecordsHandler {
    private final Metrics metrics;
    private final long maxRequestBytes;

    RecordsHandler(Metrics metrics, long maxRequestBytes) {
        this.metrics = metrics;
        this.maxRequestBytes = maxRequestBytes;
    }

    void post(Context ctx) throws IOException {
        RunKey run = RunKey.from(ctx);
        byte[] body = RequestBodies.read(ctx, maxRequestBytes, "--max-request-mb");
        ctx.json(metrics.ingest(run, body));
    }
}
