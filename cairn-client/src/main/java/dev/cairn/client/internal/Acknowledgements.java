package dev.cairn.client.internal;

import java.io.IOException;

/**
 * The highest seq the server has acknowledged, noted in the {@code acked} file, and waited on by
 * {@code finish()}. Waiters also wake when the sender gives up, so that finish never waits in vain.
 */
final class Acknowledgements {
    private final AckFile file;
    private final Object monitor = new Object();
    private volatile long seq;
    private volatile boolean isAbandoned;

    /** @param file where to note acknowledgements, or null */
    Acknowledgements(AckFile file, long seq) {
        this.file = file;
        this.seq = seq;
    }

    long seq() {
        return seq;
    }

    void acknowledged(long newSeq) {
        seq = newSeq;
        if (file != null) {
            try {
                file.write(newSeq);
            } catch (IOException e) {
                // The file is a hint; the server's last_seq is what counts.
            }
        }
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** No more acknowledgements will come (the sender stopped). */
    void abandon() {
        isAbandoned = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /** Waits until {@code target} is acknowledged; false when time ran out or they were abandoned. */
    boolean await(long target, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        synchronized (monitor) {
            while (seq < target && !isAbandoned) {
                long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    return false;
                }
                monitor.wait(leftMs);
            }
        }
        return seq >= target;
    }
}
