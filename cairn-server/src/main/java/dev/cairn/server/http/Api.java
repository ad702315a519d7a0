package dev.cairn.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Registers routes under {@code /api/v1} and remembers them, so the OpenAPI contract test can compare
 * the live routes with docs/openapi.yaml.
 *
 * <pre>{@code
 * api.get("/runs/{entity}/{project}/{run}", runs::show);
 * }</pre>
 */
public final class Api {
    private final RoutesConfig routes;
    private final List<Route> registered = new ArrayList<>();

    Api(RoutesConfig routes) {
        this.routes = routes;
    }

    public void get(String path, Handler handler) {
        remember("get", path);
        routes.get(Routes.API + path, handler);
    }

    public void post(String path, Handler handler) {
        remember("post", path);
        routes.post(Routes.API + path, handler);
    }

    public void put(String path, Handler handler) {
        remember("put", path);
        routes.put(Routes.API + path, handler);
    }

    public void patch(String path, Handler handler) {
        remember("patch", path);
        routes.patch(Routes.API + path, handler);
    }

    public void delete(String path, Handler handler) {
        remember("delete", path);
        routes.delete(Routes.API + path, handler);
    }

    private void remember(String method, String path) {
        registered.add(new Route(method, Routes.API + path));
    }

    /** Every route registered so far, as (lower-case method, full path with {@code {param}} segments). */
    public List<Route> registered() {
        return Collections.unmodifiableList(registered);
    }

    /** One registered route. */
    public record Route(String method, String path) {
    }
}
