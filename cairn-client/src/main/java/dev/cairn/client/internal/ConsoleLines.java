package dev.cairn.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Turns the bytes a program prints into {@code console} records, one per line, numbered across stdout and
 * stderr. A carriage return sends the line so far and keeps its number, so the next text replaces it (the
 * way a terminal shows a progress bar); the server keeps the last text of each line.
 */
final class ConsoleLines {
    /** Longer lines are cut here, so printing binary data can't grow a buffer without end. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    private final Consumer<PendingRecord> emit;
    private final Charset charset;
    private final AtomicLong nextLine = new AtomicLong();

    ConsoleLines(Consumer<PendingRecord> emit, Charset charset) {
        this.emit = emit;
        this.charset = charset;
    }

    /** A sink for the bytes of one stream ({@code stdout} or {@code stderr}); flushing sends a partial line. */
    OutputStream stream(String name) {
        return new Splitter(name);
    }

    private final class Splitter extends OutputStream {
        private final String stream;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private long line = -1;
        private boolean isLineSent;

        Splitter(String stream) {
            this.stream = stream;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                if (pending.size() > 0 || !isLineSent) {
                    send();
                }
                line = -1;
                isLineSent = false;
            } else if (b == '\r') {
                if (pending.size() > 0) {
                    send();
                }
            } else {
                pending.write(b);
                if (pending.size() >= MAX_LINE_BYTES) {
                    send();
                    line = -1;
                    isLineSent = false;
                }
            }
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public synchronized void close() {
            if (pending.size() > 0) {
                send();
            }
        }

        private void send() {
            if (line < 0) {
                line = nextLine.getAndIncrement();
            }
            String text = pending.toString(charset);
            pending.reset();
            isLineSent = true;
            emit.accept(PendingRecord.ofFields("console", Map.of("stream", stream, "line", line, "text", text)));
        }
    }
}
