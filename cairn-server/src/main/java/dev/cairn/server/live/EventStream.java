package dev.cairn.server.live;

import dev.cairn.core.run.Names;
import dev.cairn.server.http.ApiException;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /events/{entity}/{project}}: a {@code text/event-stream} of the project's changes. The handler
 * holds the request open, writing each queued event as it comes and a comment line when nothing happened
 * for a while (so proxies and the server's idle timeout keep the connection), until the browser hangs up
 * or the server stops.
 */
final class EventStream {
    /** How long the browser waits before reconnecting after the stream drops. */
    static final long RETRY_MS = 2000;

    private final EventBus bus;
    private final long keepAliveMs;

    EventStream(EventBus bus, long keepAliveMs) {
        this.bus = bus;
        this.keepAliveMs = keepAliveMs;
    }

    void stream(Context ctx) throws InterruptedException {
        String entity = name(ctx, "entity");
        String project = name(ctx, "project");
        // the raw response: Javalin's own output stream may compress, which would hold events back
        HttpServletResponse response = ctx.res();
        response.setStatus(200);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        try (Subscription events = bus.subscribe(entity, project)) {
            OutputStream out = response.getOutputStream();
            write(out, "retry: " + RETRY_MS + "\n"
                    + new LiveEvent(entity, project, "ready", "{\"entity\":\"" + entity + "\",\"project\":\"" + project
                    + "\"}").wireForm());
            while (true) {
                LiveEvent event = events.next(keepAliveMs);
                if (events.isClosed()) {
                    return;
                }
                write(out, event == null ? ": keep-alive\n\n" : event.wireForm());
            }
        } catch (IOException e) {
            // the browser went away; its subscription is closed above
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String name(Context ctx, String param) {
        try {
            return Names.requireValid(param, ctx.pathParam(param));
        } catch (IllegalArgumentException e) {
            throw new ApiException.BadRequest(e.getMessage());
        }
    }
}
