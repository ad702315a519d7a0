package dev.cairn.bench;

import java.io.PrintStream;

/** Placeholder until the SDK lands: see docs/performance.md. */
public final class IngestBench {
    private IngestBench() {
    }

    public static void run(PrintStream out, String dbUrl) {
        throw new UnsupportedOperationException("the ingest benchmark needs the Java SDK, which is not merged yet");
    }
}
