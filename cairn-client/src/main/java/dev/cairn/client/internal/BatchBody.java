package dev.cairn.client.internal;

import dev.cairn.core.record.RecordFrames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The body of a records request: the records' frames as the log holds them ({@code application/vnd.cairn.frames},
 * docs/records.md), gzipped when it crosses a network (on loopback compression only costs CPU that training
 * and the server need).
 */
public final class BatchBody {
    public static final String CONTENT_TYPE = "application/vnd.cairn.frames";

    private BatchBody() {
    }

    public static byte[] of(List<Frame> frames, boolean gzip) {
        byte[] body = framed(frames);
        if (!gzip) {
            return body;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 4);
        try (FastGzip out = new FastGzip(bytes)) {
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The frames in one array of the exact size: a batch is megabytes, and growing a buffer copies it over and over. */
    private static byte[] framed(List<Frame> frames) {
        long size = 0;
        for (Frame frame : frames) {
            size += RecordFrames.FRAME_OVERHEAD_BYTES + frame.payload().length;
        }
        byte[] body = new byte[Math.toIntExact(size)];
        int at = 0;
        for (Frame frame : frames) {
            byte[] payload = frame.payload();
            RecordFrames.putHeader(body, at, payload);
            System.arraycopy(payload, 0, body, at + RecordFrames.FRAME_OVERHEAD_BYTES, payload.length);
            at += RecordFrames.FRAME_OVERHEAD_BYTES + payload.length;
        }
        return body;
    }

    /** Metrics compress well even at the fastest level, and the sender's CPU is the training job's CPU. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
