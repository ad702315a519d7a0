package dev.cairn.client.internal;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue between the callers of {@code log()} and the writer thread.
 *
 * <p>Sequence numbers are assigned under the same lock that orders the queue, so records from several
 * threads reach the log in {@code seq} order. When the queue is full, {@link #append} waits for the writer
 * to drain it: memory stays bounded and the disk, never the network, sets the pace.
 */
public final class Accumulator {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private final PendingRecord[] ring;
    private int head;
    private int count;
    private long lastSeq;
    private boolean closed;

    /** @param lastSeq the highest seq already used by this run; the first record gets {@code lastSeq + 1} */
    public Accumulator(int capacity, long lastSeq) {
        this.ring = new PendingRecord[capacity];
        this.lastSeq = lastSeq;
    }

    /** Stamps {@code seq} and {@code time} on the record and queues it; returns its seq, or -1 once closed. */
    public long append(PendingRecord record) {
        double timeSeconds = System.currentTimeMillis() / 1000.0;
        lock.lock();
        try {
            while (count == ring.length && !closed) {
                notFull.awaitUninterruptibly();
            }
            if (closed) {
                return -1;
            }
            record.seq = ++lastSeq;
            record.timeSeconds = timeSeconds;
            ring[(head + count) % ring.length] = record;
            count++;
            notEmpty.signal();
            return record.seq;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves up to {@code max} queued records into {@code into}, waiting up to {@code maxWaitMs} for the first.
     * Returns false once the queue is closed and empty: the writer's cue to stop.
     */
    public boolean drainTo(List<PendingRecord> into, int max, long maxWaitMs) {
        lock.lock();
        try {
            long waitNanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMs);
            while (count == 0 && !closed && waitNanos > 0) {
                try {
                    waitNanos = notEmpty.awaitNanos(waitNanos);
                } catch (InterruptedException e) {
                    break; // the writer is never interrupted on purpose; an empty drain just loops
                }
            }
            int taken = Math.min(max, count);
            for (int i = 0; i < taken; i++) {
                into.add(ring[head]);
                ring[head] = null;
                head = (head + 1) % ring.length;
            }
            count -= taken;
            if (taken > 0) {
                notFull.signalAll();
            }
            return !(closed && count == 0);
        } finally {
            lock.unlock();
        }
    }

    /** The highest seq handed out so far. */
    public long lastSeq() {
        lock.lock();
        try {
            return lastSeq;
        } finally {
            lock.unlock();
        }
    }

    /** Refuses further appends; what is queued still drains. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    public boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}
