package dev.cairn.server.run;

import dev.cairn.server.http.ApiException;

/**
 * A run field named in a filter or a sort: a column of {@code runs}, the tags, or a flattened
 * {@code config.*} / {@code summary.*} leaf kept in {@code run_fields}.
 *
 * <pre>{@code
 * FieldRef.resolve("config.optimizer.lr");  // a document field, looked up in run_fields
 * FieldRef.resolve("group");                // the column runs.group_name
 * }</pre>
 */
sealed interface FieldRef {
    String FIELDS_HELP = "use name, state, group, job_type, sweep, tags, created_at, id, config.<key> or summary.<key>";

    /** The name as the client wrote it. */
    String name();

    /** A column of {@code runs r}; {@code isTime} columns hold epoch ms and compare with ISO-8601 times. */
    record Column(String name, String column, boolean isNullable, boolean isTime) implements FieldRef {
        String qualified() {
            return "r." + column;
        }
    }

    /** The run's tags, kept one per row in {@code run_tags}. */
    record Tags(String name) implements FieldRef {
    }

    /** A leaf of config or summary, kept in {@code run_fields} under its full dotted name. */
    record Document(String name) implements FieldRef {
    }

    static FieldRef resolve(String name) {
        switch (name) {
            case "name": return new Column(name, "name", false, false);
            case "state": return new Column(name, "state", false, false);
            case "id": return new Column(name, "run_id", false, false);
            case "group": return new Column(name, "group_name", true, false);
            case "job_type": return new Column(name, "job_type", true, false);
            case "sweep": return new Column(name, "sweep_id", true, false);
            case "created_at": return new Column(name, "created_at", false, true);
            case "tags": return new Tags(name);
            default:
                if (isDocumentPath(name, "config.") || isDocumentPath(name, "summary.")) {
                    return new Document(name);
                }
                throw new ApiException.BadRequest("unknown field '" + name + "'; " + FIELDS_HELP);
        }
    }

    private static boolean isDocumentPath(String name, String prefix) {
        return name.startsWith(prefix) && name.length() > prefix.length();
    }
}
