package dev.cairn.client.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The writer thread: drains the {@link Accumulator}, encodes each record and appends it to the
 * {@link RecordLog}, then flushes so the sender can read it. It never touches the network.
 *
 * <p>If the disk fails (full, removed), it says so once on stderr and keeps draining, so that training
 * never stalls on a log that can no longer be written.
 */
public final class RecordWriter implements Runnable {
    private static final int MAX_DRAIN = 1024;
    private static final long IDLE_WAIT_MS = 1000;
    private static final long GATHER_NANOS = 1_000_000;

    private final Accumulator accumulator;
    private final RecordLog log;
    private final Runnable afterFlush;
    private final Warnings warnings;
    private final RecordEncoder encoder = new RecordEncoder();
    private final Object progress = new Object();
    private volatile long writtenSeq;
    private volatile boolean done;

    /** @param afterFlush called after each flush (wakes the sender) */
    public RecordWriter(Accumulator accumulator, RecordLog log, Runnable afterFlush, Warnings warnings) {
        this.accumulator = accumulator;
        this.log = log;
        this.afterFlush = afterFlush;
        this.warnings = warnings;
        this.writtenSeq = accumulator.lastSeq();
    }

    @Override
    public void run() {
        List<PendingRecord> batch = new ArrayList<>(MAX_DRAIN);
        boolean open = true;
        try {
            while (open) {
                batch.clear();
                open = accumulator.drainTo(batch, MAX_DRAIN, IDLE_WAIT_MS);
                if (!batch.isEmpty()) {
                    write(batch);
                }
                if (open && batch.size() < MAX_DRAIN) {
                    // Let a fast training loop queue a few more records, so that one write and one
                    // sender wake-up serve hundreds of records instead of each record paying for its own.
                    LockSupport.parkNanos(GATHER_NANOS);
                }
            }
        } finally {
            done = true;
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private void write(List<PendingRecord> batch) {
        try {
            for (PendingRecord record : batch) {
                log.append(encoder.encode(record));
            }
            log.flush();
        } catch (IOException | RuntimeException e) {
            warnings.once("disk", "cannot write the record log " + log.file() + ": " + e
                    + "; records from now on are lost");
        }
        writtenSeq = batch.get(batch.size() - 1).seq;
        synchronized (progress) {
            progress.notifyAll();
        }
        afterFlush.run();
    }

    /** The seq of the last record handed to the OS. */
    public long writtenSeq() {
        return writtenSeq;
    }

    /** Waits until the record {@code seq} is written, or the writer stopped, or the time is up. */
    public boolean awaitWritten(long seq, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        synchronized (progress) {
            while (writtenSeq < seq && !done) {
                long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    return false;
                }
                progress.wait(leftMs);
            }
        }
        return writtenSeq >= seq;
    }
}
