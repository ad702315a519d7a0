package dev.cairn.client.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Turns a {@link PendingRecord} into its JSON payload (docs/records.md), {@code seq} first so a reader can
 * find it without parsing the rest. NaN and infinities become the strings the format prescribes.
 * One encoder per thread: it reuses its buffer.
 */
public final class RecordEncoder {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);

    public byte[] encode(PendingRecord record) {
        buffer.reset();
        try (JsonGenerator out = Json.mapper().createGenerator(buffer, JsonEncoding.UTF8)) {
            out.writeStartObject();
            out.writeNumberField("seq", record.seq);
            out.writeStringField("type", record.type);
            out.writeNumberField("time", record.timeSeconds);
            if (record.step != PendingRecord.NO_STEP) {
                out.writeNumberField("step", record.step);
            }
            if (record.keys != null) {
                out.writeObjectFieldStart("values");
                for (int i = 0; i < record.keys.length; i++) {
                    out.writeFieldName(record.keys[i]);
                    writeValue(out, record.values[i]);
                }
                out.writeEndObject();
            }
            for (Map.Entry<String, Object> field : record.fields.entrySet()) {
                out.writeFieldName(field.getKey());
                writeValue(out, field.getValue());
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a " + record.type + " record", e);
        }
        return buffer.toByteArray();
    }

    private static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value instanceof Double) {
            out.writeNumber((Double) value);
        } else if (value instanceof Float) {
            out.writeNumber((Float) value);
        } else if (value instanceof Integer || value instanceof Long) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean) {
            out.writeBoolean((Boolean) value);
        } else if (value instanceof String) {
            out.writeString((String) value);
        } else if (value instanceof JsonNode) {
            out.writeTree((JsonNode) value);
        } else if (value == null) {
            out.writeNull();
        } else {
            out.writeObject(value);
        }
    }
}
