package dev.cairn.client.internal;

import java.io.IOException;
import java.nio.file.Path;

/** The sender of an online session with its thread: started at init, drained at finish. */
final class SenderLink {
    private static final long CREATE_TIMEOUT_MS = 5_000;
    private static final long REQUEST_TIMEOUT_MS = 30_000;

    private final Sender sender;
    private final SenderLoop loop;
    private final Thread thread;
    private final RecordLogReader reader;
    private final Warnings warnings;
    private final String baseUrl;

    private SenderLink(Sender sender, SenderLoop loop, Thread thread, RecordLogReader reader, Warnings warnings,
                       String baseUrl) {
        this.sender = sender;
        this.loop = loop;
        this.thread = thread;
        this.reader = reader;
        this.warnings = warnings;
        this.baseUrl = baseUrl;
    }

    static HttpTransport transport(RunSettings settings) {
        return new HttpTransport(settings.baseUrl(), settings.apiKey(), settings.entity(), settings.project(),
                settings.id(), CREATE_TIMEOUT_MS, REQUEST_TIMEOUT_MS);
    }

    static SenderLink start(RunSettings settings, RunFile runFile, InitialCreate created, Path logFile,
                            Warnings warnings) {
        RecordLogReader reader;
        try {
            reader = RecordLogReader.open(logFile);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read back the record log just opened: " + logFile, e);
        }
        SenderSettings senderSettings = SenderSettings.defaults();
        byte[] createBody = created.isCreated() ? null
                : runFile.createBody(InitialCreate.deferredResume(settings.resume()));
        Sender sender = new Sender(reader, transport(settings), senderSettings,
                new Backoff(senderSettings.retryInitialMs(), senderSettings.retryMaxMs(), Math::random),
                System::currentTimeMillis, warnings, new AckFile(logFile.getParent()), createBody, created.lastSeq());
        SenderLoop loop = new SenderLoop(sender, warnings);
        Thread thread = Session.daemon(loop, "cairn-sender-" + settings.id());
        return new SenderLink(sender, loop, thread, reader, warnings, settings.baseUrl());
    }

    void wakeUp() {
        loop.wakeUp();
    }

    /** Sends what is left and waits for the acknowledgement of {@code lastSeq}; says where the log is if not. */
    void drain(long lastSeq, long timeoutMs, Path runDir) {
        sender.requestFlush();
        loop.wakeUp();
        boolean acked = false;
        try {
            acked = sender.awaitAcked(lastSeq, timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.close();
        try {
            thread.join(1_000);
            reader.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // Only a read handle; nothing to lose.
        }
        if (!acked && !sender.isStopped()) {
            warnings.say("the server at " + baseUrl + " did not acknowledge every record within " + timeoutMs
                    + " ms; they are kept in " + runDir.toAbsolutePath() + " - send them with: ./cairn sync "
                    + runDir.toAbsolutePath());
        }
    }
}
