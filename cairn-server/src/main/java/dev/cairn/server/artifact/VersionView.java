package dev.cairn.server.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.cairn.core.json.Json;
import dev.cairn.server.run.Times;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A version as the API answers it: the summary in lists, plus files and lineage when shown alone. */
final class VersionView {
    private VersionView() {
    }

    static Map<String, Object> summary(Connection c, VersionRow row) throws SQLException {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("entity", row.entity());
        view.put("project", row.project());
        view.put("name", row.name());
        view.put("type", row.type());
        view.put("description", row.description());
        view.put("version", row.index() == null ? null : "v" + row.index());
        view.put("index", row.index());
        view.put("state", row.state());
        view.put("digest", row.digest());
        view.put("size", row.size());
        view.put("file_count", row.fileCount());
        view.put("aliases", AliasStore.of(c, row.id()));
        view.put("metadata", parse(row.metadataJson()));
        view.put("created_by", row.createdBy() == null ? null
                : row.entity() + "/" + row.project() + "/" + row.createdBy());
        view.put("created_at", Times.iso(row.createdAtMs()));
        return view;
    }

    /** The summary with {@code files} and {@code used_by}. */
    static Map<String, Object> full(Connection c, VersionRow row) throws SQLException {
        Map<String, Object> view = summary(c, row);
        List<Map<String, Object>> files = VersionStore.files(c, row.id()).stream().map(entry -> {
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", entry.path());
            file.put("sha256", entry.sha256());
            file.put("size", entry.size());
            return file;
        }).toList();
        view.put("files", files);
        view.put("used_by", UsageStore.runsUsing(c, row.id()));
        return view;
    }

    private static Object parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored artifact metadata is not JSON: " + e.getMessage(), e);
        }
    }
}
