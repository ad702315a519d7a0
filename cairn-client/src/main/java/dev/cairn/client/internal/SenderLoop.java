package dev.cairn.client.internal;

/** Runs a {@link Sender} on its own thread: a step, then a nap until the step is due or someone wakes it. */
public final class SenderLoop implements Runnable {
    private final Sender sender;
    private final Warnings warnings;
    private final Object monitor = new Object();
    private boolean woken;
    private volatile boolean closed;

    public SenderLoop(Sender sender, Warnings warnings) {
        this.sender = sender;
        this.warnings = warnings;
    }

    @Override
    public void run() {
        while (!closed) {
            long waitMs;
            try {
                waitMs = sender.runOnce();
            } catch (RuntimeException e) {
                warnings.once("sender-bug", "the sender hit an unexpected error and retries: " + e);
                waitMs = Sender.IDLE_MS;
            }
            synchronized (monitor) {
                try {
                    if (!woken && !closed && waitMs > 0) {
                        monitor.wait(waitMs);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                woken = false;
            }
        }
    }

    /** Makes the sender look again now: new records were written, or the run is finishing. */
    public void wakeUp() {
        synchronized (monitor) {
            woken = true;
            monitor.notifyAll();
        }
    }

    public void close() {
        closed = true;
        wakeUp();
    }
}
