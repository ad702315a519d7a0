package dev.cairn.server.metrics;

import dev.cairn.core.json.Json;
import dev.cairn.server.http.ApiException;
import dev.cairn.server.metrics.console.ConsoleLines;
import dev.cairn.server.metrics.console.ConsolePost;
import dev.cairn.server.metrics.files.FilePaths;
import dev.cairn.server.metrics.files.RunFiles;
import dev.cairn.server.run.RunKey;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URLConnection;
import java.util.Map;

/** Handlers of a run's console lines and its small files. */
final class ConsoleAndFileHandlers {
    static final int MAX_CONSOLE_LINES = 10_000;

    private final Metrics metrics;

    ConsoleAndFileHandlers(Metrics metrics) {
        this.metrics = metrics;
    }

    void console(Context ctx) {
        RunKey run = RunKey.from(ctx);
        long from = QueryParams.longParam(ctx, "from_line", 0, 0, Long.MAX_VALUE);
        int limit = QueryParams.intParam(ctx, "limit", 1000, 1, MAX_CONSOLE_LINES);
        ctx.json(metrics.console(run, from, limit));
    }

    void postConsole(Context ctx) throws IOException {
        RunKey run = RunKey.from(ctx);
        ConsoleLines.Batch lines = ConsolePost.parse(Json.mapper().readTree(ctx.body()), metrics.nowMicros());
        metrics.writeConsole(run, lines);
        ctx.json(Map.of("lines", lines.size()));
    }

    void putFile(Context ctx) throws IOException {
        RunKey run = RunKey.from(ctx);
        String path = FilePaths.requireValid(ctx.pathParam("path"));
        byte[] bytes = RequestBodies.read(ctx, RunFiles.MAX_BYTES, "the 10 MiB limit on run files; use an artifact");
        ctx.status(201).json(metrics.putFile(run, path, bytes));
    }

    void listFiles(Context ctx) {
        ctx.json(Map.of("files", metrics.files(RunKey.from(ctx))));
    }

    void getFile(Context ctx) {
        RunKey run = RunKey.from(ctx);
        String path = FilePaths.requireValid(ctx.pathParam("path"));
        byte[] bytes = metrics.file(run, path);
        if (bytes == null) {
            throw new ApiException.NotFound("run " + run + " has no file '" + path + "'; GET .../files lists its files");
        }
        String type = URLConnection.guessContentTypeFromName(path);
        ctx.contentType(type == null ? "application/octet-stream" : type).result(bytes);
    }
}
