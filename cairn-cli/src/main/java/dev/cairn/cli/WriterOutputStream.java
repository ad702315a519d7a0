package dev.cairn.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes in, UTF-8 text out to a command's writer, so code that writes to streams (downloads, benchmarks
 * printing to a {@code PrintStream}) still goes through the writers picocli injects. A character split
 * across two writes is kept until its last byte arrives. Closing it flushes but leaves the writer open.
 */
final class WriterOutputStream extends OutputStream {
    private final Writer writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(8192);
    private final CharBuffer decoded = CharBuffer.allocate(8192);

    WriterOutputStream(Writer writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int chunk = Math.min(length, pending.remaining());
            pending.put(bytes, offset, chunk);
            offset += chunk;
            length -= chunk;
            decode(false);
        }
    }

    @Override
    public void flush() throws IOException {
        decode(false);
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        decode(true);
        CoderResult result;
        do {
            result = decoder.flush(decoded);
            emit();
        } while (result.isOverflow());
        writer.flush();
    }

    private void decode(boolean endOfInput) throws IOException {
        pending.flip();
        CoderResult result;
        do {
            result = decoder.decode(pending, decoded, endOfInput);
            emit();
        } while (result.isOverflow());
        pending.compact();
    }

    private void emit() throws IOException {
        decoded.flip();
        writer.append(decoded);
        decoded.clear();
    }
}
