package dev.cairn.client.internal;

import dev.cairn.core.record.RecordFrames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the sender stands in the record log: the position of the first record the server has not
 * acknowledged. Unpositioned until the sender knows the server's {@code last_seq}.
 */
final class LogCursor {
    private final RecordLogReader reader;
    private long position = -1;

    LogCursor(RecordLogReader reader) {
        this.reader = reader;
    }

    boolean isPositioned() {
        return position >= 0;
    }

    /** Forgets the position; the next {@link #seek} finds it again. */
    void reset() {
        position = -1;
    }

    /** Moves to the first record with at least {@code seq} (scanning from the start: rare). */
    void seek(long seq) throws IOException {
        position = reader.positionOf(seq);
    }

    /** The record at the cursor, or null when the log holds nothing more yet. */
    Frame peek() throws IOException {
        return reader.readAt(position);
    }

    /** Records from the cursor on, at least one when there is any, within both limits; the cursor stays. */
    List<Frame> batch(int maxRecords, long maxBytes) throws IOException {
        return extend(new ArrayList<>(), position, maxRecords, maxBytes);
    }

    /**
     * The records read ahead, which follow the cursor's record, topped up from the log within both limits;
     * or a fresh batch when they do not start at the cursor.
     */
    List<Frame> batch(List<Frame> readAhead, int maxRecords, long maxBytes) throws IOException {
        if (readAhead.isEmpty() || startOf(readAhead.get(0)) != position || readAhead.size() > maxRecords) {
            return batch(maxRecords, maxBytes);
        }
        return extend(new ArrayList<>(readAhead), readAhead.get(readAhead.size() - 1).endPosition(), maxRecords,
                maxBytes);
    }

    /**
     * The records after {@code batch}, within both limits, read while {@code batch} is in flight; the cursor
     * stays. The log is append-only while a sender runs, so they are still valid once the batch is acknowledged.
     */
    List<Frame> after(List<Frame> batch, int maxRecords, long maxBytes) throws IOException {
        return extend(new ArrayList<>(), batch.get(batch.size() - 1).endPosition(), maxRecords, maxBytes);
    }

    private List<Frame> extend(List<Frame> batch, long at, int maxRecords, long maxBytes) throws IOException {
        long bytes = 0;
        for (Frame frame : batch) {
            bytes += RecordFrames.FRAME_OVERHEAD_BYTES + frame.payload().length;
        }
        Frame frame;
        while (batch.size() < maxRecords && (frame = reader.readAt(at)) != null) {
            if (!batch.isEmpty() && bytes + RecordFrames.FRAME_OVERHEAD_BYTES + frame.payload().length > maxBytes) {
                break;
            }
            batch.add(frame);
            bytes += RecordFrames.FRAME_OVERHEAD_BYTES + frame.payload().length;
            at = frame.endPosition();
        }
        return batch;
    }

    private static long startOf(Frame frame) {
        return frame.endPosition() - RecordFrames.FRAME_OVERHEAD_BYTES - frame.payload().length;
    }

    /** Moves just past {@code frame}. */
    void moveAfter(Frame frame) {
        position = frame.endPosition();
    }

    /** The run folder holding the log, for messages. */
    Path runDir() {
        return reader.file().toAbsolutePath().getParent();
    }
}
