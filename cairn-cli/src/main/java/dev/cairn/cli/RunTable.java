package dev.cairn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Runs as a table: id, name, state, created, runtime, then a few summary values. Nested summary values
 * are shown under dotted names ({@code acc.max}).
 */
final class RunTable {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final int MAX_CELL_CHARS = 32;

    private final List<JsonNode> runs;
    private final List<String> summaryKeys;

    /** {@code requestedKeys} empty: the first {@code defaultKeyCount} summary keys found in the runs. */
    RunTable(List<JsonNode> runs, List<String> requestedKeys, int defaultKeyCount) {
        this.runs = runs;
        this.summaryKeys = requestedKeys.isEmpty() ? firstKeys(runs, defaultKeyCount) : requestedKeys;
    }

    void print(PrintWriter out) {
        List<String> headers = new ArrayList<>(List.of("ID", "NAME", "STATE", "CREATED", "RUNTIME"));
        headers.addAll(summaryKeys);
        TextTable table = new TextTable(headers);
        for (JsonNode run : runs) {
            Map<String, JsonNode> summary = flatten(run.path("summary"));
            List<String> row = new ArrayList<>(List.of(run.path("id").asText(), cell(run.path("name")),
                    run.path("state").asText(), created(run.path("created_at").asText()), runtime(run.path("runtime_s"))));
            for (String key : summaryKeys) {
                row.add(cell(summary.get(key)));
            }
            table.add(row);
        }
        table.print(out);
    }

    private static List<String> firstKeys(List<JsonNode> runs, int count) {
        Set<String> keys = new LinkedHashSet<>();
        for (JsonNode run : runs) {
            for (String key : flatten(run.path("summary")).keySet()) {
                if (keys.size() < count && !key.startsWith("_")) {
                    keys.add(key);
                }
            }
        }
        return List.copyOf(keys);
    }

    private static Map<String, JsonNode> flatten(JsonNode summary) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        addLeaves("", summary, leaves);
        return leaves;
    }

    private static void addLeaves(String prefix, JsonNode node, Map<String, JsonNode> leaves) {
        if (!node.isObject()) {
            if (!prefix.isEmpty()) {
                leaves.put(prefix, node);
            }
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            addLeaves(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), leaves);
        }
    }

    /** A value in a few characters: numbers to 4 significant digits, long text cut short. */
    static String cell(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "-";
        }
        String text;
        if (value.isIntegralNumber()) {
            text = value.asText();
        } else if (value.isNumber()) {
            text = number(value.doubleValue());
        } else if (value.isTextual()) {
            text = value.textValue();
        } else {
            text = value.toString();
        }
        return text.length() <= MAX_CELL_CHARS ? text : text.substring(0, MAX_CELL_CHARS - 1) + "…";
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.4g", value);
        if (text.contains("e")) {
            return text;
        }
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    static String created(String isoTime) {
        try {
            return CREATED.format(Instant.parse(isoTime));
        } catch (DateTimeParseException e) {
            return isoTime;
        }
    }

    /** Seconds as "45s", "12m03s", "3h04m". */
    static String runtime(JsonNode seconds) {
        if (!seconds.isNumber()) {
            return "-";
        }
        long total = Math.round(seconds.doubleValue());
        if (total < 60) {
            return total + "s";
        }
        if (total < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", total / 60, total % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", total / 3600, total % 3600 / 60);
    }
}
