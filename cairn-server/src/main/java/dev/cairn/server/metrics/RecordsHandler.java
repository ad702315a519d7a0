package dev.cairn.server.metrics;

import dev.cairn.server.metrics.records.FramesParser;
import dev.cairn.server.metrics.records.RecordParser;
import dev.cairn.server.run.RunKey;
import io.javalin.http.Context;
import java.io.IOException;

/** {@code POST .../records}: reads the body (frames or JSON) under the server's size limit and applies the batch. */
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
        boolean isFrames = ctx.contentType() != null && ctx.contentType().startsWith(FramesParser.CONTENT_TYPE);
        ctx.json(metrics.ingest(run, isFrames ? FramesParser.parse(body) : RecordParser.parse(body)));
    }
}
