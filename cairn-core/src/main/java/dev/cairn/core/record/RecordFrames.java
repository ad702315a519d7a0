package dev.cairn.core.record;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The framing of Cairn's record log: the local write-ahead log of every SDK (Java and Python) and
 * the format {@code cairn sync} replays.
 *
 * <p>A log file starts with the 8 ASCII bytes {@link #FILE_HEADER}. Then frames follow, each
 * {@code u32 length (little-endian) | u32 CRC-32 of the payload (little-endian, zlib's CRC-32) | payload},
 * where the payload is one record as a UTF-8 JSON object (see docs/records.md). A frame that is cut short
 * or fails its checksum marks the end of the valid log: a process killed mid-write leaves a torn tail,
 * never a corrupt record.
 *
 * <pre>{@code
 * byte[] frame = RecordFrames.encode("{\"seq\":1,\"type\":\"history\"}".getBytes(UTF_8));
 * RecordFrames.Decoded decoded = RecordFrames.decode(fileBytes, RecordFrames.FILE_HEADER.length);
 * }</pre>
 */
public final class RecordFrames {
    /** Magic bytes at the start of every record log file. */
    public static final byte[] FILE_HEADER = "CAIRNWL1".getBytes(StandardCharsets.US_ASCII);
    public static final int FRAME_OVERHEAD_BYTES = 8;
    /** Largest payload accepted; a larger length field can only come from corruption. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;

    private RecordFrames() {
    }

    /** One frame holding {@code payload}. */
    public static byte[] encode(byte[] payload) {
        byte[] frame = new byte[FRAME_OVERHEAD_BYTES + payload.length];
        putHeader(frame, 0, payload);
        System.arraycopy(payload, 0, frame, FRAME_OVERHEAD_BYTES, payload.length);
        return frame;
    }

    /** Writes the frame header of {@code payload} (length, CRC-32) into {@code target} at {@code offset}. */
    public static void putHeader(byte[] target, int offset, byte[] payload) {
        ByteBuffer.wrap(target, offset, FRAME_OVERHEAD_BYTES).order(ByteOrder.LITTLE_ENDIAN).putInt(payload.length)
                .putInt((int) crc32(payload, 0, payload.length));
    }

    /** Appends one frame holding {@code payload} to {@code out}. */
    public static void encodeTo(ByteArrayOutputStream out, byte[] payload) {
        out.writeBytes(encode(payload));
    }

    /**
     * Decodes the frames in {@code bytes} from {@code offset} on, stopping at the end or at the first torn
     * or corrupt frame. {@link Decoded#endOffset()} is where the valid part ends: the place to truncate to
     * and append from.
     */
    public static Decoded decode(byte[] bytes, int offset) {
        List<byte[]> payloads = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int position = offset;
        while (bytes.length - position >= FRAME_OVERHEAD_BYTES) {
            int length = in.getInt(position);
            long expectedCrc = Integer.toUnsignedLong(in.getInt(position + 4));
            int start = position + FRAME_OVERHEAD_BYTES;
            if (length < 0 || length > MAX_PAYLOAD_BYTES || bytes.length - start < length
                    || crc32(bytes, start, length) != expectedCrc) {
                break;
            }
            payloads.add(Arrays.copyOfRange(bytes, start, start + length));
            position = start + length;
        }
        return new Decoded(payloads, position, position == bytes.length);
    }

    /** Whether {@code bytes} starts with the record log header. */
    public static boolean hasFileHeader(byte[] bytes) {
        return bytes.length >= FILE_HEADER.length
                && Arrays.equals(Arrays.copyOf(bytes, FILE_HEADER.length), FILE_HEADER);
    }

    static long crc32(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    /**
     * The payloads that decoded cleanly, the offset just past the last of them, and whether the input
     * ended exactly there ({@code false} means a torn or corrupt tail was found).
     */
    public record Decoded(List<byte[]> payloads, int endOffset, boolean isClean) {
    }
}
