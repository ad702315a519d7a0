package dev.cairn.server.metrics.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cairn.core.json.Json;
import dev.cairn.server.http.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ingestion body {@code {"records":[...]}} with Jackson's streaming parser and validates every record,
 * so nothing of a batch is applied when one record is wrong. Metric values of {@code history} and
 * {@code system} records are read straight into primitive arrays: this is the server's per-point parsing cost.
 *
 * <pre>{@code
 * List<Record> records = RecordParser.parse("{\"records\":[{\"seq\":1,\"type\":\"history\",\"time\":1.5,\"values\":{\"loss\":0.3}}]}".getBytes());
 * }</pre>
 */
public final class RecordParser {
    /** Records accepted in one batch; more answer 413. */
    public static final int MAX_RECORDS = 10_000;
    private static final JsonFactory FACTORY = Json.mapper().getFactory();
    // sub-trees are read mid-stream, so the tokens after them are not "trailing"
    private static final ObjectReader TREES = Json.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RecordParser() {
    }

    /** Parses and validates; throws {@link ApiException.BadRequest} naming the record, its seq and the field. */
    public static List<Record> parse(byte[] body) throws IOException {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ApiException.BadRequest("the body must be a JSON object {\"records\":[...]}");
            }
            List<Record> records = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken token = p.nextToken();
                if (field.equals("records")) {
                    if (token != JsonToken.START_ARRAY) {
                        throw new ApiException.BadRequest("\"records\" must be an array of record objects");
                    }
                    records = parseArray(p);
                } else {
                    p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new ApiException.BadRequest("unexpected content after the body's JSON object");
            }
            if (records == null) {
                throw new ApiException.BadRequest("the body has no \"records\" array; send {\"records\":[...]}");
            }
            return records;
        }
    }

    /** Parses and validates one JSON record at {@code body[offset, offset + length)}, the batch's record {@code index}. */
    static Record parseOne(byte[] body, int offset, int length, int index) throws IOException {
        try (JsonParser p = FACTORY.createParser(body, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ApiException.BadRequest("record " + index + " is neither a JSON object nor a binary metric record");
            }
            RecordFields fields = readFields(p);
            if (p.nextToken() != null) {
                throw new ApiException.BadRequest("record " + index + " has content after its JSON object");
            }
            return RecordValidator.build(index, fields);
        } catch (JsonProcessingException e) {
            throw new ApiException.BadRequest("record " + index + " is not valid JSON (" + e.getOriginalMessage()
                    + "); nothing of this batch was applied");
        }
    }

    private static List<Record> parseArray(JsonParser p) throws IOException {
        List<Record> records = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (records.size() == MAX_RECORDS) {
                throw new ApiException.PayloadTooLarge("a batch holds at most " + MAX_RECORDS
                        + " records; split it into several requests");
            }
            int index = records.size();
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw new ApiException.BadRequest("record " + index + " is not a JSON object");
            }
            RecordFields fields = readFields(p);
            records.add(RecordValidator.build(index, fields));
        }
        return records;
    }

    private static RecordFields readFields(JsonParser p) throws IOException {
        RecordFields f = new RecordFields();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            switch (name) {
                case "seq" -> f.seq = integer(p, token, f, "seq");
                case "type" -> f.type = text(p, token, f, "type");
                case "time" -> f.time = number(p, token, f, "time");
                case "step" -> f.step = token == JsonToken.VALUE_NULL ? null : integer(p, token, f, "step");
                case "values" -> readValues(p, token, f);
                case "stream" -> f.stream = text(p, token, f, "stream");
                case "line" -> f.line = integer(p, token, f, "line");
                case "text" -> f.text = text(p, token, f, "text");
                case "name" -> f.name = text(p, token, f, "name");
                case "goal" -> f.goal = token == JsonToken.VALUE_NULL ? null : text(p, token, f, "goal");
                case "step_metric" -> f.stepMetric = token == JsonToken.VALUE_NULL ? null : text(p, token, f, "step_metric");
                case "state" -> f.state = text(p, token, f, "state");
                case "summary" -> f.summary = textList(p, token, f);
                case "exit_code" -> {
                    f.hasExitCode = true;
                    f.exitCode = token == JsonToken.VALUE_NULL ? null : integer(p, token, f, "exit_code");
                }
                default -> p.skipChildren();
            }
        }
        return f;
    }

    private static void readValues(JsonParser p, JsonToken token, RecordFields f) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            f.problem("field 'values' must be a JSON object of key: value, got " + describe(p, token));
            p.skipChildren();
            return;
        }
        if (f.isMetricType()) {
            f.values = readMetricValues(p);
        } else {
            f.valuesTree = (ObjectNode) TREES.readTree(p);
        }
    }

    /** Streams {key: value} into arrays; values that are not numbers are kept as JSON trees. */
    private static Record.Values readMetricValues(JsonParser p) throws IOException {
        String[] keys = new String[16];
        double[] numbers = new double[16];
        int size = 0;
        Map<String, JsonNode> others = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken token = p.nextToken();
            double number;
            switch (token) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number = p.getDoubleValue();
                case VALUE_TRUE -> number = 1;
                case VALUE_FALSE -> number = 0;
                case VALUE_NULL -> {
                    continue;
                }
                default -> {
                    JsonNode node = TREES.readTree(p);
                    Double special = Json.metricValue(node);
                    if (special == null) {
                        others = others == null ? new LinkedHashMap<>() : others;
                        others.put(key, node);
                        continue;
                    }
                    number = special;
                }
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                numbers = Arrays.copyOf(numbers, size * 2);
            }
            keys[size] = key;
            numbers[size] = number;
            size++;
        }
        return new Record.Values(keys, numbers, size, others == null ? Map.of() : others);
    }

    /** Converts a {@code values} object read before the record's type was known. */
    static Record.Values metricValues(ObjectNode tree) {
        String[] keys = new String[Math.max(1, tree.size())];
        double[] numbers = new double[keys.length];
        int size = 0;
        Map<String, JsonNode> others = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            Double number = Json.metricValue(field.getValue());
            if (number != null) {
                keys[size] = field.getKey();
                numbers[size++] = number;
            } else if (!field.getValue().isNull()) {
                others.put(field.getKey(), field.getValue());
            }
        }
        return new Record.Values(keys, numbers, size, others);
    }

    private static Long integer(JsonParser p, JsonToken token, RecordFields f, String field) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return p.getLongValue();
        }
        f.problem("field '" + field + "' must be an integer, got " + describe(p, token));
        p.skipChildren();
        return null;
    }

    private static Double number(JsonParser p, JsonToken token, RecordFields f, String field) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        f.problem("field '" + field + "' must be a number, got " + describe(p, token));
        p.skipChildren();
        return null;
    }

    private static String text(JsonParser p, JsonToken token, RecordFields f, String field) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        f.problem("field '" + field + "' must be a string, got " + describe(p, token));
        p.skipChildren();
        return null;
    }

    private static List<String> textList(JsonParser p, JsonToken token, RecordFields f) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_ARRAY) {
            f.problem("field 'summary' must be a list such as [\"min\",\"max\"], got " + describe(p, token));
            p.skipChildren();
            return null;
        }
        List<String> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                f.problem("field 'summary' must list strings, got " + describe(p, p.currentToken()));
                p.skipChildren();
            } else {
                items.add(p.getText());
            }
        }
        return items;
    }

    private static String describe(JsonParser p, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> "null";
            case VALUE_STRING -> "\"" + p.getText() + "\"";
            default -> p.getText();
        };
    }
}
