package dev.cairn.server.run;

import dev.cairn.server.Services;
import dev.cairn.server.http.Api;

/** Routes of projects and runs: create, resume, read, list, update, delete, restore, heartbeat, export. */
public final class RunRoutes {
    private RunRoutes() {
    }

    public static void register(Api api, Services services) {
    }
}
