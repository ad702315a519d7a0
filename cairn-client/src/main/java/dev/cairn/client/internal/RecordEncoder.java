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
 * Turns a {@link PendingRecord} into its payload (docs/records.md): metric records of plain numbers in the
 * binary form ({@link MetricPayloadEncoder}), everything else as JSON, {@code seq} first so a reader can
 * find it without parsing the rest. NaN and infinities become the strings the format prescribes.
 * One encoder per thread: it reuses its buffers.
 *
 * <p>Records of plain values (numbers, booleans, ASCII strings and keys: every {@code log()} of metrics) are
 * written straight into a byte buffer: creating a Jackson generator per record cost the writer thread more
 * than the numbers themselves. Everything else goes through Jackson. Both paths write the same bytes.
 */
public final class RecordEncoder {
    private final MetricPayloadEncoder metrics = new MetricPayloadEncoder();
    private final JsonBytes direct = new JsonBytes(512);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);

    public byte[] encode(PendingRecord record) {
        byte[] binary = metrics.encode(record);
        if (binary != null) {
            return binary;
        }
        return encodeJson(record);
    }

    /** The JSON payload, also for records the binary form could carry; package-private for tests. */
    byte[] encodeJson(PendingRecord record) {
        if (record.fields.isEmpty() && encodeDirect(record)) {
            return direct.toByteArray();
        }
        return encodeWithJackson(record);
    }

    /** False when the record holds something only Jackson writes (a tree, a non-ASCII text); then start over. */
    private boolean encodeDirect(PendingRecord record) {
        JsonBytes out = direct;
        out.reset();
        out.raw("{\"seq\":");
        out.number(record.seq);
        out.raw(",\"type\":");
        if (!out.string(record.type)) {
            return false;
        }
        out.raw(",\"time\":");
        out.number(record.timeSeconds);
        if (record.step != PendingRecord.NO_STEP) {
            out.raw(",\"step\":");
            out.number(record.step);
        }
        if (record.keys != null) {
            out.raw(",\"values\":{");
            for (int i = 0; i < record.keys.length; i++) {
                if (i > 0) {
                    out.raw(',');
                }
                if (!out.string(record.keys[i])) {
                    return false;
                }
                out.raw(':');
                if (!writeDirect(out, record.values[i])) {
                    return false;
                }
            }
            out.raw('}');
        }
        out.raw('}');
        return true;
    }

    private static boolean writeDirect(JsonBytes out, Object value) {
        if (value instanceof Double) {
            out.number((double) (Double) value);
        } else if (value instanceof Float) {
            out.number((float) (Float) value);
        } else if (value instanceof Integer || value instanceof Long) {
            out.number(((Number) value).longValue());
        } else if (value instanceof Boolean) {
            out.raw((Boolean) value ? "true" : "false");
        } else if (value instanceof String) {
            return out.string((String) value);
        } else if (value == null) {
            out.raw("null");
        } else {
            return false;
        }
        return true;
    }

    /** The general path; package-private so tests can hold the direct path to it. */
    byte[] encodeWithJackson(PendingRecord record) {
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
