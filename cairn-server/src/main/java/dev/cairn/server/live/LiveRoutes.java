package dev.cairn.server.live;

import dev.cairn.server.Services;
import dev.cairn.server.http.Api;

/** The live events stream: {@code GET /events/{entity}/{project}} (server-sent events). */
public final class LiveRoutes {
    /** A comment line this often keeps an idle stream open through proxies and idle timeouts. */
    private static final long KEEP_ALIVE_MS = 15_000;

    private LiveRoutes() {
    }

    public static void register(Api api, Services services) {
        EventStream stream = new EventStream(services.live().bus(), KEEP_ALIVE_MS);
        api.get("/events/{entity}/{project}", stream::stream);
    }
}
