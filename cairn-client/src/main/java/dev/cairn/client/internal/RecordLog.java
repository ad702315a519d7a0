package dev.cairn.client.internal;

import dev.cairn.core.record.RecordFrames;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The append side of a run's record log ({@code records.log}, format in docs/records.md).
 *
 * <p>Opening an existing log finds where its valid frames end: a process killed mid-write leaves a torn
 * last frame, which is cut off so that appending continues on a clean boundary.
 *
 * <pre>{@code
 * try (RecordLog log = RecordLog.open(runDir.resolve("records.log"))) {
 *     log.append(payload);
 *     log.flush();
 * }
 * }</pre>
 */
public final class RecordLog implements Closeable {
    private static final int WRITE_BUFFER_BYTES = 64 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final OutputStream out;
    /** Reused for every frame: a log is appended to by one thread. */
    private final byte[] frameHeader = new byte[RecordFrames.FRAME_OVERHEAD_BYTES];
    private final long recoveredLastSeq;
    private final long truncatedBytes;

    private RecordLog(Path file, FileChannel channel, long recoveredLastSeq, long truncatedBytes) {
        this.file = file;
        this.channel = channel;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), WRITE_BUFFER_BYTES);
        this.recoveredLastSeq = recoveredLastSeq;
        this.truncatedBytes = truncatedBytes;
    }

    /** Opens {@code file} for appending, creating it with its header, or truncating a torn tail. */
    public static RecordLog open(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            if (channel.size() < RecordFrames.FILE_HEADER.length) {
                channel.truncate(0);
                channel.write(java.nio.ByteBuffer.wrap(RecordFrames.FILE_HEADER), 0);
                channel.position(RecordFrames.FILE_HEADER.length);
                return new RecordLog(file, channel, 0, 0);
            }
            long lastSeq = 0;
            long validEnd = RecordLogReader.FIRST_FRAME;
            try (RecordLogReader reader = RecordLogReader.open(file)) {
                Frame frame;
                while ((frame = reader.readAt(validEnd)) != null) {
                    lastSeq = frame.seq();
                    validEnd = frame.endPosition();
                }
            }
            long truncated = channel.size() - validEnd;
            channel.truncate(validEnd);
            channel.position(validEnd);
            return new RecordLog(file, channel, lastSeq, truncated);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The seq of the last valid record found when the log was opened; 0 for a new log. */
    public long recoveredLastSeq() {
        return recoveredLastSeq;
    }

    /** How many bytes of torn tail were cut off when the log was opened. */
    public long truncatedBytes() {
        return truncatedBytes;
    }

    public Path file() {
        return file;
    }

    /** Appends one record's payload as a frame (buffered: call {@link #flush()} to hand it to the OS). */
    public void append(byte[] payload) throws IOException {
        RecordFrames.putHeader(frameHeader, 0, payload);
        out.write(frameHeader);
        out.write(payload);
    }

    /** Hands buffered frames to the OS, where readers (the sender) see them and a process crash can't lose them. */
    public void flush() throws IOException {
        out.flush();
    }

    /** Flushes and forces the file to the disk, so that even a machine crash keeps it. */
    public void sync() throws IOException {
        out.flush();
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        try {
            sync();
        } finally {
            channel.close();
        }
    }
}
