package dev.cairn.client.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ships a run's record log to the server: reads from the first unacknowledged record, batches, sends, and
 * moves on only when the server acknowledges ({@code last_seq}). One {@link #runOnce()} does one step and
 * says how long until the next is due; {@link SenderLoop} runs it on a thread, tests call it with their own
 * clock.
 *
 * <p>Retriable failures (no connection, timeouts, 5xx, 429) are retried with {@link Backoff} for as long
 * as the run is open. A {@code 409 seq_gap} restarts from the seq the server expects. Other refusals stop
 * the sender with one message on stderr; the records stay in the log for {@code cairn sync}.
 */
public final class Sender {
    /** How long an idle sender sleeps when nothing wakes it. */
    static final long IDLE_MS = 1_000;
    private static final Pattern EXPECTED_SEQ = Pattern.compile("expected seq (\\d+)");

    private final LogCursor cursor;
    private final RunApi api;
    private final SenderSettings settings;
    private final Backoff backoff;
    private final LongSupplier clockMs;
    private final Warnings warnings;
    private final Acknowledgements acks;
    private final byte[] createBody;

    private boolean runExists;
    private volatile long recordsApplied;
    private long pendingSinceMs = -1;
    private long nextAttemptAtMs;
    private long lastContactMs;
    private int failures;
    private int maxBatchRecords;
    /** Records after the batch in flight, read while the server worked on it; empty when none are known. */
    private List<Frame> readAhead = List.of();
    private volatile boolean flushRequested;
    private boolean isFlushing;
    private volatile String stopReason;

    /**
     * @param createBody     the create-or-resume request to make first, or null when the run exists on the
     *                       server and {@code serverLastSeq} is its {@code last_seq}
     * @param ackFile        where to note acknowledgements, or null
     */
    public Sender(RecordLogReader reader, RunApi api, SenderSettings settings, Backoff backoff, LongSupplier clockMs,
                  Warnings warnings, AckFile ackFile, byte[] createBody, long serverLastSeq) {
        this.cursor = new LogCursor(reader);
        this.api = api;
        this.settings = settings;
        this.backoff = backoff;
        this.clockMs = clockMs;
        this.warnings = warnings;
        this.acks = new Acknowledgements(ackFile, Math.max(serverLastSeq, 0));
        this.createBody = createBody;
        this.runExists = createBody == null;
        this.maxBatchRecords = settings.maxBatchRecords();
        this.lastContactMs = clockMs.getAsLong();
    }

    /** Does the next due step (create the run, send a batch, heartbeat); returns milliseconds until the next. */
    public long runOnce() {
        if (stopReason != null) {
            return IDLE_MS;
        }
        long now = clockMs.getAsLong();
        if (flushRequested && !isFlushing) {
            isFlushing = true;
            nextAttemptAtMs = now; // the run is ending: one attempt now rather than at the end of a long backoff
        }
        if (now < nextAttemptAtMs) {
            return nextAttemptAtMs - now;
        }
        try {
            if (!runExists) {
                return createRun(now);
            }
            if (!cursor.isPositioned()) {
                cursor.seek(acks.seq() + 1);
            }
            if (cursor.peek() == null) {
                pendingSinceMs = -1;
                return heartbeatIfDue(now);
            }
            if (pendingSinceMs < 0) {
                pendingSinceMs = now;
            }
            long lingerLeftMs = pendingSinceMs + settings.lingerMs() - now;
            if (lingerLeftMs > 0 && !flushRequested) {
                return lingerLeftMs;
            }
            return sendBatch(now);
        } catch (IOException e) {
            return stop("cannot read the record log in " + cursor.runDir() + ": " + e.getMessage());
        }
    }

    private long createRun(long now) {
        Reply reply;
        try {
            reply = api.createRun(createBody);
        } catch (IOException e) {
            return failed(now, e.toString());
        }
        lastContactMs = now;
        if (reply.isSuccess()) {
            runExists = true;
            failures = 0;
            cursor.reset();
            acks.acknowledged(reply.json().path("last_seq").asLong(0));
            return 0;
        }
        if (reply.isRetriable()) {
            return failed(now, reply.describe());
        }
        return stop("the server refused to create the run (" + reply.describe() + ")");
    }

    private long sendBatch(long now) throws IOException {
        List<Frame> batch = cursor.batch(readAhead, maxBatchRecords, settings.maxBatchBytes());
        RunApi.InFlight inFlight = api.startSendRecords(batch);
        // While the server parses and applies this batch, read the next one: still sent only after this one's
        // acknowledgement, and only if the server acknowledged exactly this batch.
        readAhead = readAheadOf(batch);
        Reply reply;
        try {
            reply = inFlight.await();
        } catch (IOException e) {
            readAhead = List.of();
            return failed(now, e.toString());
        }
        lastContactMs = now;
        Frame last = batch.get(batch.size() - 1);
        long lastSeq = reply.isSuccess() ? reply.json().path("last_seq").asLong(-1) : -1;
        if (lastSeq != last.seq()) {
            readAhead = List.of();
        }
        if (reply.isSuccess()) {
            failures = 0;
            recordsApplied += reply.json().path("applied").asLong(0);
            if (lastSeq == last.seq()) {
                cursor.moveAfter(last);
            } else {
                cursor.seek(lastSeq + 1);
            }
            acks.acknowledged(lastSeq);
            if (!readAhead.isEmpty() || cursor.peek() != null) {
                return 0; // a backlog: keep going without lingering
            }
            pendingSinceMs = -1;
            return settings.lingerMs();
        }
        if (reply.status() == 409 && "seq_gap".equals(reply.errorCode())) {
            return restartAt(reply);
        }
        if (reply.status() == 413 && batch.size() > 1) {
            maxBatchRecords = Math.max(1, batch.size() / 2);
            return 0;
        }
        if (reply.isRetriable()) {
            return failed(now, reply.describe());
        }
        return stop("the server refused records (" + reply.describe() + ")");
    }

    /** A log that cannot be read ahead is reported by the next regular read, after this batch's answer. */
    private List<Frame> readAheadOf(List<Frame> batch) {
        try {
            return cursor.after(batch, maxBatchRecords, settings.maxBatchBytes());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The server has everything before the seq it expects; send from there (back or forward). */
    private long restartAt(Reply reply) throws IOException {
        Matcher matcher = EXPECTED_SEQ.matcher(reply.errorMessage());
        if (!matcher.find()) {
            return stop("the server reported a gap without the seq it expects (" + reply.describe() + ")");
        }
        long expected = Long.parseLong(matcher.group(1));
        cursor.seek(expected);
        acks.acknowledged(expected - 1);
        Frame next = cursor.peek();
        if (next != null && next.seq() != expected) {
            return stop("the server expects record " + expected + " but the log continues at " + next.seq());
        }
        return 0;
    }

    private long heartbeatIfDue(long now) {
        long dueAtMs = lastContactMs + settings.heartbeatIntervalMs();
        if (now < dueAtMs) {
            return Math.min(IDLE_MS, dueAtMs - now);
        }
        try {
            api.heartbeat();
        } catch (IOException e) {
            // Nothing to do: the next batch or heartbeat finds out whether the server is back.
        }
        lastContactMs = now;
        return IDLE_MS;
    }

    private long failed(long now, String reason) {
        failures++;
        long delayMs = backoff.delayMs(failures);
        nextAttemptAtMs = now + delayMs;
        warnings.once("unreachable", "cannot reach the server at " + api.baseUrl() + " (" + reason
                + "); records are kept in " + cursor.runDir() + " and sent when it is back");
        return delayMs;
    }

    private long stop(String reason) {
        stopReason = reason;
        warnings.say(reason + "; records are kept in " + cursor.runDir() + " - send them later with: ./cairn sync "
                + cursor.runDir());
        acks.abandon();
        return IDLE_MS;
    }

    /**
     * From now on, send what is there without waiting for the linger time, and make the next attempt at
     * once even if a backoff is running (the run is finishing).
     */
    public void requestFlush() {
        flushRequested = true;
    }

    /** Waits until the server acknowledged {@code seq}; false when time ran out or the sender stopped. */
    public boolean awaitAcked(long seq, long timeoutMs) throws InterruptedException {
        return acks.await(seq, timeoutMs);
    }

    /** Whether records wait in the log that the server has not acknowledged (true until the first look). */
    public boolean hasUnsent() {
        try {
            return !runExists || !cursor.isPositioned() || cursor.peek() != null;
        } catch (IOException e) {
            return false;
        }
    }

    public long ackedSeq() {
        return acks.seq();
    }

    /** Records the server applied in answer to this sender's batches (not counting duplicates). */
    public long recordsApplied() {
        return recordsApplied;
    }

    public boolean isStopped() {
        return stopReason != null;
    }

    /** Why the sender stopped, or null while it runs. */
    public String stopReason() {
        return stopReason;
    }

    /** Failures in a row so far (0 after a success). */
    public int failures() {
        return failures;
    }
}
