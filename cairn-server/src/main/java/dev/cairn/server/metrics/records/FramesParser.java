package dev.cairn.server.metrics.records;

import dev.cairn.core.record.MetricPayloadReader;
import dev.cairn.core.record.MetricPayloads;
import dev.cairn.core.record.RecordFrames;
import dev.cairn.server.http.ApiException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Reads an {@code application/vnd.cairn.frames} ingestion body: the frames of a record log as written
 * ({@code u32 length | u32 crc32 | payload}), each payload a JSON record or a binary metric record
 * (docs/records.md). The SDKs send their log's bytes as they are, so neither side re-encodes a record.
 * Every frame is checked and every record validated before anything is applied.
 *
 * <pre>{@code
 * List<Record> records = FramesParser.parse(body);
 * }</pre>
 */
public final class FramesParser {
    public static final String CONTENT_TYPE = "application/vnd.cairn.frames";

    private final MetricPayloadReader metrics = new MetricPayloadReader();
    /** The key array of the last binary record validated: records sharing it need no second check. */
    private String[] checkedKeys;

    private FramesParser() {
    }

    public static List<Record> parse(byte[] body) throws IOException {
        return new FramesParser().records(body);
    }

    private List<Record> records(byte[] body) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN);
        CRC32 crc = new CRC32();
        List<Record> records = new ArrayList<>();
        int at = 0;
        while (at < body.length) {
            int index = records.size();
            if (index == RecordParser.MAX_RECORDS) {
                throw new ApiException.PayloadTooLarge("a batch holds at most " + RecordParser.MAX_RECORDS
                        + " records; split it into several requests");
            }
            int start = at + RecordFrames.FRAME_OVERHEAD_BYTES;
            int length = start <= body.length ? in.getInt(at) : -1;
            if (length < 1 || length > body.length - start) {
                throw bad(index, at, "its header or payload runs past the end of the body (" + body.length
                        + " bytes); frames are u32 length | u32 crc32 | payload, little-endian");
            }
            crc.reset();
            crc.update(body, start, length);
            if ((int) crc.getValue() != in.getInt(at + 4)) {
                throw bad(index, at, "its CRC-32 does not match its payload; send the frames as the log holds them");
            }
            records.add(body[start] == MetricPayloads.MARKER
                    ? binary(body, start, length, index)
                    : RecordParser.parseOne(body, start, length, index));
            at = start + length;
        }
        return records;
    }

    private Record binary(byte[] body, int start, int length, int index) {
        MetricPayloadReader.Metrics read;
        try {
            read = metrics.read(body, start, length);
        } catch (IllegalArgumentException e) {
            throw bad(index, start - RecordFrames.FRAME_OVERHEAD_BYTES, e.getMessage());
        }
        RecordFields fields = new RecordFields();
        fields.seq = read.seq();
        fields.type = read.isHistory() ? "history" : "system";
        fields.time = read.time();
        fields.step = read.step() == MetricPayloads.NO_STEP ? null : read.step();
        fields.values = new Record.Values(read.keys(), read.values(), read.keys().length, Map.of());
        fields.areKeysChecked = read.keys() == checkedKeys;
        Record record = RecordValidator.build(index, fields);
        checkedKeys = read.keys();
        return record;
    }

    private static ApiException.BadRequest bad(int index, int offset, String problem) {
        return new ApiException.BadRequest("frame " + index + " (at byte " + offset + " of the body): " + problem
                + "; nothing of this batch was applied");
    }
}
