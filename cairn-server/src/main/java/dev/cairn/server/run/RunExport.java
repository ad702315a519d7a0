package dev.cairn.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Writes every run a list query matches, one row per run, as CSV (RFC 4180) or JSON Lines: {@code id, name,
 * state, group, job_type, tags, created_at, runtime_s}, then each {@code config.*} and {@code summary.*} leaf
 * flattened with dots. Runs are read a page at a time and written as they come; CSV reads the runs twice,
 * first to learn the union of keys for its header.
 */
final class RunExport {
    static final int PAGE_SIZE = 1_000;
    private static final List<String> FIXED = List.of("id", "name", "state", "group", "job_type", "tags", "created_at",
            "runtime_s");

    private final RunLister lister;
    private final RunLister.Query query;

    RunExport(RunLister lister, RunLister.Query query) {
        this.lister = lister;
        this.query = query.withLimit(PAGE_SIZE);
    }

    void writeCsv(Writer out) throws IOException {
        TreeSet<String> configKeys = new TreeSet<>();
        TreeSet<String> summaryKeys = new TreeSet<>();
        forEachRun(run -> {
            configKeys.addAll(leaves("config", run.configJson()).keySet());
            summaryKeys.addAll(leaves("summary", run.summaryJson()).keySet());
        });
        List<String> header = new ArrayList<>(FIXED);
        header.addAll(configKeys);
        header.addAll(summaryKeys);
        Csv.writeRow(out, header);
        long nowMs = lister.nowMs();
        forEachRun(run -> {
            Map<String, JsonNode> cells = fixedCells(run, nowMs);
            cells.putAll(leaves("config", run.configJson()));
            cells.putAll(leaves("summary", run.summaryJson()));
            List<String> row = new ArrayList<>(header.size());
            for (String column : header) {
                row.add(cellText(column, cells.get(column)));
            }
            write(() -> Csv.writeRow(out, row));
        });
    }

    void writeJsonLines(Writer out) throws IOException {
        long nowMs = lister.nowMs();
        forEachRun(run -> {
            ObjectNode line = Json.mapper().createObjectNode();
            fixedCells(run, nowMs).forEach(line::set);
            new TreeMap<>(leaves("config", run.configJson())).forEach(line::set);
            new TreeMap<>(leaves("summary", run.summaryJson())).forEach(line::set);
            write(() -> {
                out.write(JsonDocs.write(line));
                out.write('\n');
            });
        });
    }

    private void forEachRun(Consumer<RunRow> action) throws IOException {
        RunLister.Query page = query;
        try {
            while (true) {
                RunLister.Page result = lister.page(page, false);
                result.runs().forEach(action);
                if (result.next() == null) {
                    return;
                }
                page = page.after(result.next());
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Map<String, JsonNode> fixedCells(RunRow run, long nowMs) {
        Map<String, JsonNode> cells = new LinkedHashMap<>();
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("id", run.runId());
        node.put("name", run.name());
        node.put("state", run.state().wireName());
        node.put("group", run.group());
        node.put("job_type", run.jobType());
        node.set("tags", RunView.tags(run));
        node.put("created_at", Times.iso(run.createdAtMs()));
        node.put("runtime_s", run.runtimeSeconds(nowMs));
        node.fields().forEachRemaining(field -> cells.put(field.getKey(), field.getValue()));
        return cells;
    }

    private static Map<String, JsonNode> leaves(String prefix, String documentJson) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        JsonDocs.flatten(prefix, JsonDocs.parseObject(documentJson), leaves);
        return leaves;
    }

    /** Text of one CSV cell: strings as they are, tags joined by commas, other values as JSON. */
    private static String cellText(String column, JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (column.equals("tags")) {
            List<String> tags = new ArrayList<>();
            value.forEach(tag -> tags.add(tag.asText()));
            return String.join(",", tags);
        }
        return value.isTextual() ? value.textValue() : value.isValueNode() ? value.asText() : JsonDocs.write(value);
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void write(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
