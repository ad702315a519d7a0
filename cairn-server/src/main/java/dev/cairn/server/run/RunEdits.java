package dev.cairn.server.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Writes what a resume and an update share: the columns of a {@link RunInput}, its tags (replaced), its
 * config and metadata (merged key by key, a null value removing a key; a sweep run's parameters are merged
 * back on top), and {@code updated_at}.
 */
final class RunEdits {
    private final RunStore store;

    RunEdits(RunStore store) {
        this.store = store;
    }

    /** Applies {@code input} and the caller's extra {@code changes} to {@code run} in one update. */
    void apply(Connection c, Project project, RunRow run, RunInput input, Map<RunColumn, Object> changes, long nowMs)
            throws SQLException {
        changes.put(RunColumn.UPDATED_AT, nowMs);
        if (input.tags != null) {
            changes.put(RunColumn.TAGS, JsonDocs.write(tagArray(input.tags)));
            store.replaceTags(c, run.pk(), input.tags);
        }
        if (input.config != null) {
            ObjectNode config = JsonDocs.merge(JsonDocs.parseObject(run.configJson()), input.config);
            if (run.isSweepRun()) {
                // a script's defaults never override what the sweep chose (docs/api.md, Sweeps)
                config = JsonDocs.merge(config, JsonDocs.parseObject(run.sweepParamsJson()));
            }
            changes.put(RunColumn.CONFIG, JsonDocs.write(config));
            RunFields.replace(c, run.pk(), project.pk(), "config", config);
        }
        if (input.metadata != null) {
            changes.put(RunColumn.METADATA, JsonDocs.write(JsonDocs.merge(JsonDocs.parseObject(run.metadataJson()),
                    input.metadata)));
        }
        store.update(c, run.pk(), changes);
    }

    static ArrayNode tagArray(List<String> tags) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        tags.forEach(array::add);
        return array;
    }
}
