package dev.cairn.server.http;

import dev.cairn.server.Services;
import dev.cairn.server.artifact.ArtifactRoutes;
import dev.cairn.server.importance.ImportanceRoutes;
import dev.cairn.server.live.LiveRoutes;
import dev.cairn.server.metrics.MetricRoutes;
import dev.cairn.server.run.RunRoutes;
import dev.cairn.server.sweep.SweepRoutes;
import io.javalin.config.JavalinConfig;
import java.util.List;
import java.util.Map;

/**
 * Every route of the REST API, registered here so the whole surface reads top to bottom.
 * docs/openapi.yaml documents each of them; {@code OpenApiContractTest} checks the two agree.
 */
public final class Routes {
    public static final String API = "/api/v1";

    private Routes() {
    }

    /** Registers the API and returns the routes it registered. */
    public static List<Api.Route> register(JavalinConfig config, Services services) {
        ErrorMapper.register(config.routes);
        Api api = new Api(config.routes);
        api.get("/health", ctx -> ctx.json(Map.of("status", "ok", "version", Version.current(),
                "store", services.database().dialect().isSqlite() ? "sqlite" : "postgresql")));
        api.get("/openapi.yaml", OpenApiDocument::serve);

        RunRoutes.register(api, services);

        MetricRoutes.register(api, services);

        ImportanceRoutes.register(api, services);

        SweepRoutes.register(api, services);

        ArtifactRoutes.register(api, services);

        LiveRoutes.register(api, services);

        return api.registered();
    }
}
