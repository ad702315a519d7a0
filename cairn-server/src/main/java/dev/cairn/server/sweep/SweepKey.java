package dev.cairn.server.sweep;

import dev.cairn.core.run.Names;
import dev.cairn.server.http.ApiException;
import io.javalin.http.Context;

/**
 * The address of a sweep, {@code entity/project/sweep}, as it appears in routes.
 *
 * <pre>{@code
 * SweepKey key = SweepKey.from(ctx);   // path params entity, project, sweep; 400 when one is not a valid name
 * }</pre>
 */
public record SweepKey(String entity, String project, String sweep) {

    public static SweepKey from(Context ctx) {
        return new SweepKey(valid("entity", ctx.pathParam("entity")), valid("project", ctx.pathParam("project")),
                valid("sweep", ctx.pathParam("sweep")));
    }

    static String valid(String field, String value) {
        try {
            return Names.requireValid(field, value);
        } catch (IllegalArgumentException e) {
            throw new ApiException.BadRequest(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return entity + "/" + project + "/" + sweep;
    }
}
