package dev.cairn.server.run;

import dev.cairn.core.run.Names;
import dev.cairn.server.http.ApiException;
import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The address of a run, {@code entity/project/run}, as it appears in routes.
 *
 * <pre>{@code
 * RunKey key = RunKey.from(ctx);                    // path params entity, project, run
 * long pk = db.withHandle(c -> key.requirePk(c));   // 404 unless the run exists and is not deleted
 * }</pre>
 */
public record RunKey(String entity, String project, String run) {

    /** Reads and validates the path parameters {@code entity}, {@code project} and {@code run}. */
    public static RunKey from(Context ctx) {
        return new RunKey(valid(ctx, "entity"), valid(ctx, "project"), valid(ctx, "run"));
    }

    /** Parses {@code entity/project/run}, as sent in request bodies. */
    public static RunKey parse(String path) {
        String[] parts = path == null ? new String[0] : path.split("/", -1);
        if (parts.length != 3) {
            throw new ApiException.BadRequest("run '" + path + "' must be written entity/project/run_id");
        }
        return new RunKey(checked("entity", parts[0]), checked("project", parts[1]), checked("run", parts[2]));
    }

    private static String valid(Context ctx, String name) {
        return checked(name, ctx.pathParam(name));
    }

    private static String checked(String name, String value) {
        try {
            return Names.requireValid(name, value);
        } catch (IllegalArgumentException e) {
            throw new ApiException.BadRequest(e.getMessage());
        }
    }

    /** The run's internal key; {@link ApiException.NotFound} when it does not exist or is deleted. */
    public long requirePk(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT r.id FROM runs r JOIN projects p ON p.id = r.project_id"
                        + " WHERE p.entity = ? AND p.name = ? AND r.run_id = ? AND r.deleted_at IS NULL")) {
            query.setString(1, entity);
            query.setString(2, project);
            query.setString(3, run);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new ApiException.NotFound("run " + this + " not found; check the entity, project and run id"
                            + " (runs are created by POST /api/v1/runs/" + entity + "/" + project + ")");
                }
                return rows.getLong(1);
            }
        }
    }

    @Override
    public String toString() {
        return entity + "/" + project + "/" + run;
    }
}
