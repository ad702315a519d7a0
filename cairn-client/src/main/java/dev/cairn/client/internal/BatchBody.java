package dev.cairn.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The body of a records request: {@code {"records":[...]}} spliced from the payloads as logged, gzipped when
 * it crosses a network (on loopback compression only costs CPU that training and the server need).
 */
public final class BatchBody {
    private static final byte[] OPEN = "{\"records\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLOSE = "]}".getBytes(StandardCharsets.US_ASCII);

    private BatchBody() {
    }

    public static byte[] of(List<Frame> frames, boolean gzip) {
        if (!gzip) {
            return spliced(frames);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = gzip ? new FastGzip(bytes) : bytes) {
            out.write(OPEN);
            for (int i = 0; i < frames.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(frames.get(i).payload());
            }
            out.write(CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The plain body in one array of the exact size: a batch is megabytes, and growing a buffer copies it over and over. */
    private static byte[] spliced(List<Frame> frames) {
        long size = OPEN.length + CLOSE.length + Math.max(0, frames.size() - 1);
        for (Frame frame : frames) {
            size += frame.payload().length;
        }
        byte[] body = new byte[Math.toIntExact(size)];
        System.arraycopy(OPEN, 0, body, 0, OPEN.length);
        int at = OPEN.length;
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                body[at++] = ',';
            }
            byte[] payload = frames.get(i).payload();
            System.arraycopy(payload, 0, body, at, payload.length);
            at += payload.length;
        }
        System.arraycopy(CLOSE, 0, body, at, CLOSE.length);
        return body;
    }

    /** Metric JSON compresses well even at the fastest level, and the sender's CPU is the training job's CPU. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
