package dev.cairn.client.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.function.Consumer;

/**
 * Tees {@code System.out} and {@code System.err} into {@code console} records while a run is open; what the
 * program prints still reaches the terminal unchanged. Closing restores the original streams.
 */
public final class ConsoleCapture implements AutoCloseable {
    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final PrintStream teeOut;
    private final PrintStream teeErr;
    private final OutputStream outLines;
    private final OutputStream errLines;

    private ConsoleCapture(PrintStream originalOut, PrintStream originalErr, ConsoleLines lines, Charset charset) {
        this.originalOut = originalOut;
        this.originalErr = originalErr;
        this.outLines = lines.stream("stdout");
        this.errLines = lines.stream("stderr");
        this.teeOut = new PrintStream(new Tee(originalOut, outLines), true, charset);
        this.teeErr = new PrintStream(new Tee(originalErr, errLines), true, charset);
    }

    public static ConsoleCapture install(Consumer<PendingRecord> emit) {
        Charset charset = consoleCharset();
        ConsoleCapture capture = new ConsoleCapture(System.out, System.err, new ConsoleLines(emit, charset), charset);
        System.setOut(capture.teeOut);
        System.setErr(capture.teeErr);
        return capture;
    }

    /** Sends any unfinished last line and puts the original streams back (unless someone replaced ours since). */
    @Override
    public void close() {
        teeOut.flush();
        teeErr.flush();
        if (System.out == teeOut) {
            System.setOut(originalOut);
        }
        if (System.err == teeErr) {
            System.setErr(originalErr);
        }
        try {
            outLines.close();
            errLines.close();
        } catch (IOException e) {
            // ConsoleLines never throws
        }
    }

    private static Charset consoleCharset() {
        String name = System.getProperty("sun.stdout.encoding");
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }

    /** Writes every byte to the terminal first, then to the line splitter. */
    private static final class Tee extends OutputStream {
        private final OutputStream terminal;
        private final OutputStream lines;

        Tee(OutputStream terminal, OutputStream lines) {
            this.terminal = terminal;
            this.lines = lines;
        }

        @Override
        public void write(int b) throws IOException {
            terminal.write(b);
            lines.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            terminal.write(bytes, offset, length);
            lines.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            terminal.flush();
        }
    }
}
