package dev.cairn.server;

import dev.cairn.core.json.Json;
import dev.cairn.server.http.Api;
import dev.cairn.server.http.Routes;
import dev.cairn.server.store.Database;
import dev.cairn.server.ui.WebUi;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.handler.StatisticsHandler;

/**
 * The Cairn tracking server: REST API under {@code /api/v1} on an embedded or PostgreSQL store.
 *
 * <pre>{@code
 * try (CairnServer server = CairnServer.start(ServerOptions.local(Path.of("/tmp/cairn")))) {
 *     System.out.println("listening on " + server.url());
 * }
 * }</pre>
 */
public final class CairnServer implements AutoCloseable {
    /** How long a stop waits for requests in flight (a batch being written) to finish. */
    private static final long GRACEFUL_STOP_MS = 10_000;

    private final ServerOptions options;
    private final Database database;
    private final Services services;
    private final Javalin app;
    private final List<Api.Route> routes;

    private CairnServer(ServerOptions options, Database database, Services services, Javalin app,
                        List<Api.Route> routes) {
        this.options = options;
        this.database = database;
        this.services = services;
        this.app = app;
        this.routes = routes;
    }

    /** Opens the store (migrating it), binds the port and starts background work such as crash detection. */
    public static CairnServer start(ServerOptions options) {
        Database database = Database.open(options.dbUrl(), options.dataDir());
        Services services = Services.create(database, options, Clock.systemUTC());
        Javalin app;
        List<Api.Route> routes = new ArrayList<>();
        try {
            app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.http.maxRequestSize = options.maxRequestBytes();
                // gzip at level 1: a dashboard's sampled series (megabytes of JSON) compress 3x faster than at
                // the default level for about 13% more bytes, which on a busy server is the better trade
                config.http.compressionStrategy = new CompressionStrategy(null, new Gzip(1));
                config.jsonMapper(new JavalinJackson(Json.mapper(), false));
                config.jetty.modifyServer(server -> {
                    server.insertHandler(new StatisticsHandler());
                    server.setStopTimeout(GRACEFUL_STOP_MS);
                });
                routes.addAll(Routes.register(config, services));
                WebUi.register(config);
            }).start(options.host(), options.port());
        } catch (RuntimeException e) {
            services.close();
            database.close();
            throw e;
        }
        services.startBackgroundWork();
        return new CairnServer(options, database, services, app, List.copyOf(routes));
    }

    public int port() {
        return app.port();
    }

    /** The base URL clients use, such as {@code http://127.0.0.1:8080}. */
    public String url() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return "http://" + host + ":" + port();
    }

    /** The API routes this server answers, as registered. */
    public List<Api.Route> routes() {
        return routes;
    }

    public Services services() {
        return services;
    }

    /** Stops taking requests, lets the ones in flight finish, then closes the store. */
    @Override
    public void close() {
        services.live().bus().close(); // open event streams end now instead of holding the stop
        app.stop();
        services.close();
        database.close();
    }
}
