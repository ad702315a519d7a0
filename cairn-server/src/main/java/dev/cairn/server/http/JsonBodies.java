package dev.cairn.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * Request bodies of the POST routes that take a JSON object of options (groups, importance): an empty body
 * is {@code {}}, anything but an object is a 400 showing an example.
 *
 * <pre>{@code
 * JsonNode body = JsonBodies.object(ctx, "{\"metric\":\"val_acc\"}");
 * String filter = JsonBodies.filter(body);
 * }</pre>
 */
public final class JsonBodies {
    private JsonBodies() {
    }

    /** The body as a JSON object; {@code example} shows a valid one in the error. */
    public static JsonNode object(Context ctx, String example) throws IOException {
        JsonNode body = Json.mapper().readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        if (body == null || !body.isObject()) {
            throw new ApiException.BadRequest("the body must be a JSON object such as " + example);
        }
        return body;
    }

    /** The body's optional {@code filter} (the runs listing's filter language) as JSON text, or null. */
    public static String filter(JsonNode body) {
        JsonNode filter = body.path("filter");
        if (!filter.isMissingNode() && !filter.isNull() && !filter.isObject()) {
            throw new ApiException.BadRequest("filter must be a JSON object in the listing's filter language, not " + filter);
        }
        return filter.isObject() ? filter.toString() : null;
    }
}
