package dev.cairn.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.server.store.StoreException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to the JSON error body in one place; handlers never write error responses. */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> respond(ctx, e.status(), e.code(), e.getMessage()));
        routes.exception(JsonProcessingException.class, (e, ctx) ->
                respond(ctx, 400, "bad_json", "malformed JSON: " + e.getOriginalMessage()
                        + locationOf(e) + "; send a valid JSON document"));
        routes.exception(IllegalArgumentException.class, (e, ctx) ->
                respond(ctx, 400, "bad_request", e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) ->
                respond(ctx, e.getStatus(), codeFor(e.getStatus()), e.getMessage()));
        routes.exception(StoreException.class, (e, ctx) -> {
            LOG.error("storage failure on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 503, "store_unavailable", "the store could not complete the request: " + e.getMessage()
                    + "; nothing was written, retry later");
        });
        routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, "internal", "internal error; the server log has the details");
        });
        routes.error(404, "*", ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, 404, "not_found", "no route " + ctx.method() + " " + ctx.path()
                        + "; the API is described at /api/v1/openapi.yaml");
            }
        });
        routes.error(405, "*", ctx -> respond(ctx, 405, "method_not_allowed",
                ctx.method() + " is not allowed on " + ctx.path()));
    }

    static void respond(Context ctx, int status, String code, String message) {
        ctx.status(status).json(Map.of("error", Map.of("code", code, "message", message)));
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            default -> "http_" + status;
        };
    }
}
