package dev.cairn.client.internal;

import dev.cairn.client.CairnException;
import dev.cairn.client.SyncResult;
import dev.cairn.core.run.ResumeMode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Sends a run folder's record log to a server: creates the run from {@code run.json} if the server lacks it,
 * then sends every record past the server's {@code last_seq} with the same {@link Sender} a live run uses.
 */
public final class Syncer {
    private static final long CREATE_TIMEOUT_MS = 10_000;
    private static final long REQUEST_TIMEOUT_MS = 60_000;
    /** Failures in a row before sync gives up (about 30 s of trying). */
    private static final int MAX_FAILURES = 10;

    private Syncer() {
    }

    public static SyncResult sync(Path runDir, String baseUrl, String apiKey, PrintStream err) {
        RunFile runFile;
        try {
            runFile = RunFile.read(runDir);
        } catch (IOException e) {
            throw new CairnException("cannot read the run folder " + runDir + ": " + e.getMessage(), e);
        }
        String run = runFile.entity() + "/" + runFile.project() + "/" + runFile.id();
        HttpTransport api = new HttpTransport(baseUrl, apiKey, runFile.entity(), runFile.project(), runFile.id(),
                CREATE_TIMEOUT_MS, REQUEST_TIMEOUT_MS);
        long serverLastSeq = serverLastSeq(api, runFile, run, baseUrl);
        try (RecordLogReader reader = RecordLogReader.open(runDir.resolve("records.log"))) {
            SenderSettings settings = SenderSettings.defaults();
            Sender sender = new Sender(reader, api, settings, new Backoff(settings.retryInitialMs(), 5_000, Math::random),
                    System::currentTimeMillis, new Warnings(err), new AckFile(runDir), null, serverLastSeq);
            sender.requestFlush();
            sendAll(sender, baseUrl);
            return new SyncResult(run, sender.recordsApplied(), sender.ackedSeq());
        } catch (IOException e) {
            throw new CairnException("cannot read the record log in " + runDir + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CairnException("sync of " + run + " was interrupted", e);
        }
    }

    /**
     * The run's {@code last_seq}, creating the run when the server lacks it. A run the server has is not
     * resumed: resuming would turn a finished run back to running, and records are accepted in any state.
     */
    private static long serverLastSeq(HttpTransport api, RunFile runFile, String run, String baseUrl) {
        try {
            Reply existing = api.getRun();
            if (existing.status() == 404) {
                existing = api.createRun(runFile.createBody(ResumeMode.ALLOW));
            }
            if (!existing.isSuccess()) {
                throw new CairnException("the server at " + baseUrl + " refused run " + run + ": " + existing.describe());
            }
            return existing.json().path("last_seq").asLong(0);
        } catch (IOException e) {
            throw new CairnException("no Cairn server answers at " + baseUrl + " (" + e + "); start one with"
                    + " ./cairn server, or pass the right URL", e);
        }
    }

    private static void sendAll(Sender sender, String baseUrl) throws InterruptedException {
        do {
            long waitMs = sender.runOnce();
            if (sender.isStopped()) {
                throw new CairnException(sender.stopReason());
            }
            if (sender.failures() >= MAX_FAILURES) {
                throw new CairnException("gave up after " + MAX_FAILURES + " failed attempts to reach " + baseUrl
                        + "; the records are still on disk, run sync again when the server is back");
            }
            if (sender.failures() > 0 && waitMs > 0) {
                Thread.sleep(waitMs);
            }
        } while (sender.hasUnsent());
    }
}
