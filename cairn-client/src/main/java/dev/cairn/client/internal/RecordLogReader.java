package dev.cairn.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cairn.core.json.Json;
import dev.cairn.core.record.MetricPayloads;
import dev.cairn.core.record.RecordFrames;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Reads frames of a record log at given positions, through a read buffer, while a writer may still be
 * appending. A frame that is incomplete or fails its checksum reads as "nothing here yet".
 */
public final class RecordLogReader implements Closeable {
    /** Position of the first frame, just past the file header. */
    public static final long FIRST_FRAME = RecordFrames.FILE_HEADER.length;
    private static final int BUFFER_BYTES = 256 * 1024;
    private static final byte[] SEQ_PREFIX = "{\"seq\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final Path file;
    private final FileChannel channel;
    private ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private long bufferStart;
    private int bufferLength;

    private RecordLogReader(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens a log for reading; fails when the file does not start with the record log header. */
    public static RecordLogReader open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        RecordLogReader reader = new RecordLogReader(file, channel);
        try {
            byte[] header = reader.bytesAt(0, RecordFrames.FILE_HEADER.length);
            if (header == null || !RecordFrames.hasFileHeader(header)) {
                throw new IOException(file + " is not a Cairn record log (it lacks the CAIRNWL1 header)");
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return reader;
    }

    /** The frame starting at {@code position}, or null when no complete, valid frame is there (yet). */
    public Frame readAt(long position) throws IOException {
        if (!ensure(position, RecordFrames.FRAME_OVERHEAD_BYTES)) {
            return null;
        }
        int offset = (int) (position - bufferStart);
        int length = buffer.getInt(offset);
        long expectedCrc = Integer.toUnsignedLong(buffer.getInt(offset + 4));
        if (length < 0 || length > RecordFrames.MAX_PAYLOAD_BYTES
                || !ensure(position, RecordFrames.FRAME_OVERHEAD_BYTES + length)) {
            return null;
        }
        int start = (int) (position - bufferStart) + RecordFrames.FRAME_OVERHEAD_BYTES;
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), start, length);
        if (crc.getValue() != expectedCrc) {
            return null;
        }
        byte[] payload = Arrays.copyOfRange(buffer.array(), start, start + length);
        return new Frame(payload, seqOf(payload), position + RecordFrames.FRAME_OVERHEAD_BYTES + length);
    }

    /**
     * The position of the first frame whose seq is at least {@code seq}, scanning from the start; or the end
     * of the valid log when there is none yet.
     */
    public long positionOf(long seq) throws IOException {
        long position = FIRST_FRAME;
        Frame frame;
        while ((frame = readAt(position)) != null && frame.seq() < seq) {
            position = frame.endPosition();
        }
        return position;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Reads a record's {@code seq}: from its place in a binary payload, a fast path for JSON that starts with it, a JSON parse otherwise. */
    static long seqOf(byte[] payload) throws IOException {
        if (MetricPayloads.isBinary(payload)) {
            if (payload.length < MetricPayloads.HEADER_BYTES) {
                throw new IOException("a binary metric record is shorter than its header");
            }
            return MetricPayloads.seqOf(payload);
        }
        if (startsWith(payload, SEQ_PREFIX)) {
            long seq = 0;
            int i = SEQ_PREFIX.length;
            while (i < payload.length && payload[i] >= '0' && payload[i] <= '9') {
                seq = seq * 10 + (payload[i++] - '0');
            }
            if (i > SEQ_PREFIX.length && i < payload.length && (payload[i] == ',' || payload[i] == '}')) {
                return seq;
            }
        }
        try (JsonParser parser = Json.mapper().createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a record is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("seq".equals(name) && parser.currentToken().isNumeric()) {
                    return parser.getLongValue();
                }
                parser.skipChildren();
            }
        }
        throw new IOException("a record has no numeric seq");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length > prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private byte[] bytesAt(long position, int length) throws IOException {
        if (!ensure(position, length)) {
            return null;
        }
        int offset = (int) (position - bufferStart);
        return Arrays.copyOfRange(buffer.array(), offset, offset + length);
    }

    /** Makes the buffer hold {@code [position, position + length)}; false when the file is shorter. */
    private boolean ensure(long position, int length) throws IOException {
        if (position >= bufferStart && position + length <= bufferStart + bufferLength) {
            return true;
        }
        if (length > buffer.capacity()) {
            buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        }
        buffer.clear();
        bufferStart = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position()); // may return fewer bytes than asked
            if (read <= 0) {
                break;
            }
        }
        bufferLength = buffer.position();
        return bufferLength >= length;
    }
}
