package dev.cairn.server.metrics;

import dev.cairn.server.http.ApiException;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;

/** Reads and checks query parameters; a bad one answers 400 naming the parameter, the value and the range. */
final class QueryParams {
    private QueryParams() {
    }

    static long longParam(Context ctx, String name, long fallback, long min, long max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new ApiException.BadRequest("query parameter '" + name + "' is '" + raw + "'; use an integer from "
                + min + " to " + max);
    }

    static int intParam(Context ctx, String name, int fallback, int min, int max) {
        return (int) longParam(ctx, name, fallback, min, max);
    }

    static Double doubleParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank() || raw.equals("null")) {
            return null;
        }
        try {
            double value = Double.parseDouble(raw.strip());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new ApiException.BadRequest("query parameter '" + name + "' is '" + raw + "'; use a finite number");
    }

    static String namespace(String value) {
        if (value == null || value.isBlank()) {
            return "history";
        }
        if (!value.equals("history") && !value.equals("system")) {
            throw new ApiException.BadRequest("namespace '" + value + "' is not known; use history or system");
        }
        return value;
    }

    static List<String> keys(String value) {
        if (value == null || value.isBlank()) {
            throw new ApiException.BadRequest("query parameter 'keys' is missing; list metric keys such as keys=loss,acc");
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(key -> !key.isEmpty()).distinct().toList();
    }
}
